// Each fixture line (real nginx/HAProxy files, Envoy lines in its documented formats) → skipped with a
// reason, or an event that validates as v1 and that the engine attributes as listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../analyzers/classify.js';
import { lineParsers } from '../../../../ingest/logs/formats.js';
import { hostWithoutPort, lineEventId, urlAuthority, toTelemetryEvent, type LogFormat } from '../../../../ingest/logs/log-line.js';
import { telemetryEventSchema } from '../../../../schemas/telemetry-event.js';

const fixture = (name: string): string[] =>
  readFileSync(new URL(`../../../fixtures/sources/${name}`, import.meta.url), 'utf8').split('\n').filter((l) => l !== '');

const utc = { utcOffsetMinutes: 0 };
const ctx = (format: LogFormat) => ({ format, service: format, kind: 'proxy' as const, scheme: 'wss' as const, nowMs: 1_000, fallbackHost: 'front.example' });

/** One answer per line: `skip:<reason>` or `<attribution>/<cause>`. */
function answers(format: LogFormat, lines: string[]): string[] {
  return lines.map((text) => {
    const result = lineParsers[format](text, utc);
    if (!result.ok) return `skip:${result.skip}`;
    const event = telemetryEventSchema.parse(toTelemetryEvent(text, result.line, ctx(format)));
    const c = classify(event);
    return `${c.attribution}/${c.cause}`;
  });
}

const notConnection = 'skip:not_connection';
const beforeHello = 'skip:closed_before_hello';

describe.each([
  ['nginx', 'nginx-1.22.1-error.log', [
    notConnection, notConnection, notConnection, notConnection,
    beforeHello, beforeHello, beforeHello, beforeHello,
    '1015/cert_expired', notConnection, '1015/untrusted_ca', notConnection, '1015/hostname_mismatch', notConnection,
    '1015/tls_version_mismatch', notConnection, '1015/cipher_mismatch', notConnection,
    // A Node client that rejected the certificate closes without an alert: nginx cannot say why.
    '1015/tls_unknown', '1015/tls_unknown',
    '1015/tls_version_mismatch', '1015/cipher_mismatch',
  ]],
  ['nginx', 'nginx-1.22.1-access.log', ['none/connected', notConnection, notConnection, notConnection, notConnection, notConnection]],
  ['haproxy', 'haproxy-2.6.12-default.log', [
    beforeHello, beforeHello, beforeHello, beforeHello, 'none/connected',
    // "SC--" + 503: the server side failed while connecting; the access-log line records the 503 HAProxy answered and
    // cannot tell a refused from a TLS-failed upstream (corpus gaps-2026-12-96..98): http_rejected.
    'other/http_rejected', 'other/http_rejected', 'other/http_rejected', 'other/http_rejected', 'other/http_rejected',
    '1015/tls_unknown', '1015/tls_unknown', '1015/tls_unknown', '1015/tls_unknown',
  ]],
  ['haproxy', 'haproxy-2.6.12-recommended.log', [
    beforeHello, beforeHello, beforeHello, beforeHello, 'none/connected',
    '1015/tls_unknown', '1015/tls_unknown', '1015/tls_unknown', '1015/tls_version_mismatch', '1015/cipher_mismatch',
    '1015/tls_unknown', '1015/tls_unknown', '1015/tls_version_mismatch', '1015/cipher_mismatch',
  ]],
  ['envoy', 'envoy-default.log', [
    '1015/tls_unknown',
    // BoringSSL via Envoy says "verify cert failed: verify SAN list" for a wrong host (rule envoy.verify_san).
    '1015/hostname_mismatch',
    '1015/tls_version_mismatch', '1015/cipher_mismatch', 'none/connected', notConnection, notConnection,
    'other/http_rejected',
  ]],
  ['envoy', 'envoy-json.log', ['1015/tls_unknown', '1015/cert_expired', '1015/untrusted_ca', '1015/cipher_mismatch', 'none/connected', notConnection, 'skip:unparsable']],
] as const)('%s %s', (format, file, expected) => {
  it('skips or attributes each line as listed', () => {
    expect(answers(format, fixture(file))).toEqual(expected);
  });
});

describe('parsed fields', () => {
  it('nginx upstream line: host without port, request path, client, upstream, listener, local time', () => {
    const text = fixture('nginx-1.22.1-error.log')[8] as string;
    const result = lineParsers.nginx(text, { utcOffsetMinutes: 60 });
    expect(result).toEqual({
      ok: true,
      line: {
        outcome: 'failed', side: 'upstream', clientAddress: '127.0.0.1', host: '127.0.0.1:39481', upstreamAddress: '127.0.0.1:43929',
        listener: 'localhost', path: '/ws', ts: Date.parse('2026-12-02T06:18:09Z'),
      },
    });
  });

  it('HAProxy line behind a syslog header, with a captured Host header', () => {
    const text = 'Dec  2 07:18:23 lb1 haproxy[4242]: 192.0.2.7:51000 [02/Dec/2026:07:18:23.555] fe_ws~ be_ws/up1 0/0/-1/-1/3 503 217 - - SC-- 1/1/0/0/0 0/0 {ws.example.com:443} "GET /ws HTTP/1.1"';
    const result = lineParsers.haproxy(text, utc);
    expect(result).toMatchObject({ ok: true, line: { host: 'ws.example.com:443', path: '/ws', status: 503, side: 'upstream', listener: 'fe_ws', upstreamAddress: 'be_ws/up1', ts: Date.parse('2026-12-02T07:18:23.555Z') } });
  });

  it('HAProxy health check taking a server down is upstream evidence', () => {
    const text = 'Server be_ws/up1 is DOWN, reason: Layer6 invalid response, info: "SSL handshake failure (error:0A000086:SSL routines::certificate verify failed)", check duration: 2ms. 0 active and 0 backup servers left.';
    expect(lineParsers.haproxy(text, utc)).toMatchObject({ ok: true, line: { side: 'upstream', outcome: 'failed', upstreamAddress: 'be_ws/up1' } });
  });

  it.each([
    ['', 'unparsable'],
    ['garbage that is no log line', 'unparsable'],
    ['\u0000\u0001binary', 'unparsable'],
    ['2026/13/45 99:99:99 [error] 1#1: *1 upstream SSL certificate verify error, client: x', 'unparsable'],
  ])('a line that is not the format is counted, never thrown: %j', (text) => {
    for (const format of ['nginx', 'haproxy', 'envoy'] as const) {
      const result = lineParsers[format](text, utc);
      expect(result.ok, format).toBe(false);
    }
  });

  it('the event carries the front host, falls back to --host, and its id is stable per line and service', () => {
    const text = fixture('nginx-1.22.1-error.log')[20] as string;
    const result = lineParsers.nginx(text, utc);
    if (!result.ok) throw new Error('expected an event');
    const event = toTelemetryEvent(text, result.line, ctx('nginx'));
    expect(event.target.url).toBe('wss://front.example/');
    expect(event.error?.message).toBe(text);
    expect(event.event_id).toBe(lineEventId('nginx', 'nginx', text));
    expect(lineEventId('nginx', 'other-service', text)).not.toBe(event.event_id);
    expect(hostWithoutPort('[::1]:8443')).toBe('[::1]');
    expect(hostWithoutPort('api.example.com:443')).toBe('api.example.com');
    expect(urlAuthority('WS.Example.com:443', 'wss')).toBe('ws.example.com');
    expect(urlAuthority('ws.example.com:8443', 'wss')).toBe('ws.example.com:8443');
    expect(urlAuthority('ws.example.com:80', 'ws')).toBe('ws.example.com');
  });
});
