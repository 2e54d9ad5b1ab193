// Issue 11, round 7: error texts of platforms no fixture set covers (embedded Mbed TLS stacks, Apple, Android, Windows,
// Unity, Dart, SwiftNIO, Julia, Mint, Crystal, Godot, CDNs), each read by the cause its source gives it; the negatives
// (refused, DNS, timeouts, HTTP refusals, clean sessions of the same platforms) never give 1010 or 1015.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { event } from './event-builder.js';
import { publicCleanRows, publicTextProbe, publicTextProbe2, publicTextRows, type PublicTextRow } from './public-text-samples.js';

const label = (r: PublicTextRow): string => {
  const e = r.input.error;
  const text = e?.message ?? e?.code ?? r.input.close?.reason ?? r.input.outcome ?? '';
  return `${r.platform}: ${String(text).slice(0, 110)}`;
};

describe('public error texts of platforms no set covers', () => {
  it.each([...publicTextRows, ...publicCleanRows, ...publicTextProbe, ...publicTextProbe2].filter((r) => !r.knownMiss).map((r) => [label(r), r] as const))('%s', (_label, r) => {
    const result = classify(event(r.input));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: r.attribution, cause: r.cause });
  });
});

describe('the table itself', () => {
  it('has at least 80 rows, 20 of them negatives, every row with its source', () => {
    const rows = [...publicTextRows, ...publicCleanRows];
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(rows.filter((r) => r.negative).length).toBeGreaterThanOrEqual(20);
    for (const r of rows) expect(r.source.length).toBeGreaterThan(10);
  });

  it('reads every row but its known misses (first figure on 1.5.25: 151/159 attribution, 137/159 cause)', () => {
    const rows = [...publicTextRows, ...publicCleanRows];
    const right = rows.filter((r) => {
      const result = classify(event(r.input));
      return result.attribution === r.attribution && result.cause === r.cause;
    });
    expect(right.length).toBe(rows.length - rows.filter((r) => r.knownMiss).length);
  });

  it('gives no 1010 or 1015 on any negative', () => {
    const wrong = [...publicTextRows, ...publicCleanRows, ...publicTextProbe, ...publicTextProbe2]
      .filter((r) => r.negative)
      .filter((r) => ['1010', '1015'].includes(classify(event(r.input)).attribution))
      .map(label);
    expect(wrong).toEqual([]);
  });
});

// Each mechanism added for these platforms, on texts where it must not act.
describe('the new notations stay in their lane', () => {
  it.each([
    // A WebSocket library's handshake exception is no TLS handshake: its reset stays a reset.
    ['WebSocketHandshakeException: connection reset while reading the upgrade response', 'network_reset'],
    ['org.java_websocket.exceptions.InvalidHandshakeException: Connection reset', 'network_reset'],
    // "SSL - " only as Mbed TLS writes it (module in capitals, description capitalised).
    ['proxy (tls/ssl - passthrough): connection reset by peer', 'network_reset'],
    // A negative hex number is Mbed TLS's only next to a TLS word; an HRESULT of a Win32 error that is no WinHTTP code stays unread.
    ['decoder returned -0x2700 for frame 12', 'unknown_failure'],
    ['WinHttpSendRequest failed: 0x80070005', 'unknown_failure'],
    // ESP-IDF's transport errors are not TLS failures though their names say TLS; their hex values count next to "esp-tls" only.
    ['ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT', 'network_timeout'],
    ['E (1234) mqtt: TLS/TCP error (esp-tls 0x8006)', 'network_timeout'],
    ['E (5131) websocket_client: Error transport connect (esp-tls 0x8001)', 'dns_failure'],
    ['frame 0x8006 decoded, then the connection failed', 'unknown_failure'],
    // CFNetwork's POSIX domain (1) in the task log, with the byte counts some versions print.
    ['Task <1A2B3C4D-0000-0000-0000-000000000000>.<1> HTTP load failed, 0/0 bytes (error code: -1004 [1:61])', 'connection_refused'],
    // A WebErrorStatus member without its type is an ordinary word.
    ['Timeout while waiting for the server', 'network_timeout'],
  ])('"%s" → %s', (text, cause) => {
    const result = classify(event({ error: { message: text }, source: { kind: 'client', service: 'probe', runtime: 'probe' } }));
    expect(result.cause).toBe(cause);
    expect(['1010', '1015']).not.toContain(result.attribution);
  });

  it.each([
    // An OpenSSL alert name's version prefix is the name's: the alert decides (46 certificate_unknown, 70 protocol_version).
    ['error:10000416:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_UNKNOWN', 'tls_unknown'],
    ['SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca', 'untrusted_ca'],
    ['error:1000042e:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION', 'tls_version_mismatch'],
    // A version the peer refused is still read as one.
    ['ssl: peer offered SSLv3 which is disabled by policy', 'tls_version_mismatch'],
  ])('"%s" → 1015/%s', (text, cause) => {
    expect(classify(event({ error: { message: text }, source: { kind: 'client', service: 'probe', runtime: 'probe' } }))).toMatchObject({ attribution: '1015', cause });
  });

  it('reads a Cloudflare origin status as the origin\'s cause, below the upstream\'s own words', () => {
    const timeout = classify(event({ handshake: { status: 522 } }));
    expect(timeout).toMatchObject({ attribution: 'other', cause: 'network_timeout' });
    // The origin's TLS failure, stated in the event, decides over the edge's summary.
    const tlsWords = classify(event({ handshake: { status: 521 }, error: { message: 'origin: x509: certificate has expired or is not yet valid' } }));
    expect(tlsWords.attribution).toBe('1015');
  });
});
