// Round 24 (eng-r1, 1.5.72): proxies' lines. zurl's error conditions (src/worker.cpp req_error) beside the 502 Pushpin answers
// for them, Qt's QSslError texts (qsslerror.cpp), zurl's TLS connect then socket error, condure's TLS accept and request errors,
// Pingora's ErrorType names (pingora-error), and a proxy's view of an extension answer its client failed on. Texts are
// written for these tests in the shapes the cited sources print; none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const proxy = { kind: 'proxy', service: 'gw', runtime: 'pushpin 1.36' } as const;
const gateway502 = (lines: string[], extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: proxy,
  target: { url: 'ws://gw.example.com/ws' },
  handshake: { status: 502 },
  error: { message: lines.join('\n') },
  ...extra,
});
const zwsOut = '[DEBUG] zws server: OUT condure { "type": "error", "code": 502, "reason": "Bad Gateway", "condition": "rejected" }';

describe('a proxy\'s stated upstream failure outranks the gateway status it answered', () => {
  it.each([
    ['a condition that names no cause', ['[INFO] IN id=a1, ws://gw/ws', '[DEBUG] zws client: error id=a1 cond=undefined-condition', zwsOut, '[INFO] OUT ERR id=a1 condition=undefined-condition'], 'other/unknown_failure'],
    ['a failed connect that does not say how', ['[DEBUG] zws client: error id=a2 cond=remote-connection-failed', zwsOut, '[INFO] OUT ERR id=a2 condition=remote-connection-failed'], 'other/unknown_failure'],
    ['a TLS error with Qt\'s verify texts', ['[DEBUG] ws: connecting to 10.0.0.5:443 (ssl)', zwsOut, '[DEBUG] ws: sslErrors: The issuer certificate of a locally looked up certificate could not be found, No certificates could be verified', '[INFO] OUT ERR id=a3 condition=tls-error'], '1015/untrusted_ca'],
    ['a TLS error with no verify text', ['[DEBUG] ws: connecting to 10.0.0.5:443 (ssl)', '[DEBUG] ws: sock_error: 13', '[INFO] OUT ERR id=a4 condition=tls-error', zwsOut], '1015/tls_unknown'],
    ['a TLS connect, then a socket error before any answer', ['[DEBUG] ws: connecting to 10.0.0.5:443 (ssl)', '[DEBUG] ws: sock_error: 1', '[INFO] OUT ERR id=a5 condition=undefined-condition', zwsOut], '1015/tls_unknown'],
  ])('%s', (_name, lines, expected) => {
    expect(verdictOf(gateway502(lines))).toBe(expected);
  });

  it('a no-cause condition on a session that opened stays the drop after open', () => {
    expect(verdictOf({ source: proxy, target: { url: 'ws://gw/ws' }, handshake: { status: 101 }, outcome: 'closed', error: { code: 'undefined-condition', message: '[DEBUG] zws client: error id=b1 cond=undefined-condition' } })).toBe('other/abnormal_closure');
  });

  it('Pingora\'s typed upstream timeout outranks the status in its error context', () => {
    const message = 'ERROR pingora_proxy] Fail to proxy: Upstream ReadTimedout context: Peer: addr: 10.0.0.7:80, scheme: HTTP, cause:  context: reading body, timeout: 5s, status: 502, tries: 1\nINFO pxy] access "GET /ws HTTP/1.1" status=101';
    expect(verdictOf({ source: { kind: 'proxy', service: 'edge', runtime: 'pingora 0.6' }, target: { url: 'ws://edge/ws' }, handshake: { status: 101 }, outcome: 'closed', error: { message } })).toBe('other/network_timeout');
  });
});

describe('a server\'s or proxy\'s own listener lines', () => {
  const condure = (message: string): Partial<TelemetryEventInput> => ({ source: proxy, target: { url: 'wss://gw/ws' }, error: { message } });
  it.each([
    ['a TLS accept that ended in an I/O error', '[condure::server] worker 1: tls accept\n[condure::tls] using cert: gw\n[condure::connection] conn 1-1-3: process error: Io(Kind(Other))', '1015/tls_unknown'],
    ['an upgrade request that fails the checks', '[condure::connection] conn 1-0-9: process error: InvalidWebSocketRequest', 'other/protocol_error'],
    ['a request that does not parse', '[condure::connection] conn 0-1-4: process error: Http(ParseError(Token))', 'other/protocol_error'],
    ['Pingora\'s malformed request header', 'ERROR pingora_proxy] Fail to proxy: Downstream InvalidHTTPHeader context: buf: \\u{16}\\u{3}\\u{1} cause: invalid token', 'other/protocol_error'],
  ])('%s', (_name, message, expected) => {
    expect(verdictOf(condure(message))).toBe(expected);
  });

  it('a TLS accept whose handshake succeeded is not read as a TLS failure', () => {
    expect(verdictOf(condure('[condure::server] worker 1: tls accept\n[condure::tls] conn 1-1-3: tls handshake success\n[condure::connection] conn 1-1-3: process error: Io(Kind(Other))'))).not.toMatch(/^1015/);
  });
});

describe('a proxy\'s view of an extension answer its client failed on', () => {
  const relayed = (request: string, response: string): Partial<TelemetryEventInput> => ({ source: { kind: 'proxy', service: 'edge', runtime: 'pingora 0.6' }, target: { url: 'ws://edge/ws' }, outcome: 'closed', handshake: { status: 101, request_extensions: request, response_extensions: response } });
  it.each([
    ['an extension never offered', '', 'permessage-deflate', '1010/extension_params_rejected'],
    ['a parameter not offered', 'permessage-deflate', 'permessage-deflate; client_max_window_bits=8', '1010/extension_params_rejected'],
    ['an extension answered twice', 'permessage-deflate', 'permessage-deflate, permessage-deflate', '1010/extension_params_rejected'],
    ['an answer the offer permits stays the drop', 'permessage-deflate', 'permessage-deflate', 'other/abnormal_closure'],
  ])('%s', (_name, request, response, expected) => {
    expect(verdictOf(relayed(request, response))).toBe(expected);
  });
});
