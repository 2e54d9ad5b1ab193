// Issue 11, round 11 (eng-r): error texts of WebSocket and TLS client libraries no fixture set covers (Dart, Godot, SwiftNIO,
// NIOSSL, Mint.WebSocket, WebSockex, aleph, HTTP.jl, websocket.zig, vibe.d), read by the cause their source gives them; the
// negatives (other causes, TLS and extension words that do not fail) never give 1010 or 1015.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { event } from './event-builder.js';
import { unseenLibraryProbe, unseenLibraryRows, type UnseenLibraryRow } from './unseen-library-text-samples.js';

const label = (r: UnseenLibraryRow): string => {
  const e = r.input.error;
  const text = e?.message ?? e?.code ?? `close ${r.input.close?.code ?? ''}`;
  return `${r.library}: ${String(text).slice(0, 110)}`;
};
const read = (r: UnseenLibraryRow) => {
  const result = classify(event(r.input));
  return { attribution: result.attribution, cause: result.cause };
};

describe('error texts of libraries no set covers', () => {
  it.each([...unseenLibraryRows, ...unseenLibraryProbe].filter((r) => !r.knownMiss).map((r) => [label(r), r] as const))('%s', (_label, r) => {
    expect(read(r)).toEqual({ attribution: r.attribution, cause: r.cause });
  });
});

describe('the unseen-library table itself', () => {
  it('has at least 120 rows from 10 libraries, a quarter of them negatives, every row with its source', () => {
    expect(unseenLibraryRows.length).toBeGreaterThanOrEqual(120);
    expect(new Set(unseenLibraryRows.map((r) => r.library)).size).toBeGreaterThanOrEqual(10);
    expect(unseenLibraryRows.filter((r) => r.negative).length).toBeGreaterThanOrEqual(unseenLibraryRows.length / 4);
    for (const r of unseenLibraryRows) expect(r.source.length).toBeGreaterThan(10);
  });

  it('reads every row but its known misses (blind figure on 1.5.32: 152/154 attribution, 141/154 cause, 1 false 1015; 1.5.34: 154/154, 150/154, none)', () => {
    const right = unseenLibraryRows.filter((r) => {
      const got = read(r);
      return got.attribution === r.attribution && got.cause === r.cause;
    });
    expect(right.length).toBe(unseenLibraryRows.length - unseenLibraryRows.filter((r) => r.knownMiss).length);
  });

  it('reads the probe written after the first commit but its known misses (measured once on 1.5.34 at 7cc105c: 30/30 attribution, 25/30 cause)', () => {
    const right = unseenLibraryProbe.filter((r) => {
      const got = read(r);
      return got.attribution === r.attribution && got.cause === r.cause;
    });
    expect(right.length).toBe(unseenLibraryProbe.length - unseenLibraryProbe.filter((r) => r.knownMiss).length);
  });

  it('gives no 1010 or 1015 on any negative', () => {
    const wrong = [...unseenLibraryRows, ...unseenLibraryProbe].filter((r) => r.negative && ['1010', '1015'].includes(classify(event(r.input)).attribution)).map(label);
    expect(wrong).toEqual([]);
  });
});

const verdict = (input: Parameters<typeof event>[0]): string => {
  const result = classify(event(input));
  return `${result.attribution}/${result.cause}`;
};
const failed = (message: string, status?: number) => verdict({ error: { message }, ...(status ? { handshake: { status } } : {}) });

describe('what round 11 reads, and where it stays out', () => {
  it.each([
    // The client failed the opening handshake with 1002; the words beside it say why (RFC 6455 §7.1.7).
    ['ws closed with status 1002: server picked sub-protocol v3 we never requested', 'other/subprotocol_mismatch'],
    ['close 1002: the permessage-deflate answer carries client_max_window_bits we did not offer', '1010/extension_params_rejected'],
    // A 1002 beside a frame rule, a reset or nothing else keeps its own cause.
    ['websocket closed with status 1002: invalid UTF-8 in text frame', 'other/protocol_error'],
    ['websocket closed with status 1002', 'other/protocol_error'],
    // RSV bits and an oversized control frame as the error's whole name; the same words as a setting or in prose are no error.
    ['frame decode: error.ReservedBits', 'other/protocol_error'],
    ['read: error.BigControl', 'other/protocol_error'],
    ['config ReservedFlags=0 ignored', 'other/unknown_failure'],
    ['queue holds large control messages, retrying', 'other/unknown_failure'],
    // An extension answered that was never offered, in one word.
    ['handshake: server answered an unoffered extension x-foo', '1010/extension_params_rejected'],
    // The answer's headers called invalid: refused, the status decides; a header named decides over it.
    ['Invalid response headers.', 'other/unknown_failure'],
    ['Invalid response headers: missing Upgrade: websocket', 'other/protocol_error'],
    // After the probe: §5.4's order by its parts, a frame rule stated with "must", the resolver named as the name server.
    ['recv: error.NestedFragment', 'other/protocol_error'],
    ['close code must be 1000 or 3000-4999', 'other/protocol_error'],
    ['lookup: error.TemporaryNameServerFailure', 'other/dns_failure'],
    // "must" is a frame verdict only beside a frame word; beside an extension or a certificate it is not.
    ['permessage-deflate: frame must be compressed', 'other/unknown_failure'],
    ['certificate must be renewed soon', 'other/unknown_failure'],
  ])('"%s" → %s', (text, expected) => {
    expect(failed(text)).toBe(expected);
  });

  it('reads Dart\'s "was not upgraded" by the status the event records', () => {
    const text = "WebSocketException: Connection to 'https://api.example.com:443/ws#' was not upgraded to websocket";
    expect(failed(text)).toBe('other/unknown_failure');
    expect(failed(text, 403)).toBe('other/http_rejected');
    expect(failed(text, 101)).toBe('other/protocol_error');
  });

  it('reads no TLS handshake failure in a session that opened, but keeps an API\'s own 1015', () => {
    // Outcome closed is an open connection that ended: its TLS handshake had completed.
    expect(verdict({ outcome: 'closed', error: { message: 'SSLError: TLS connection ended without close_notify' } })).not.toMatch(/^1015/);
    expect(verdict({ outcome: 'closed', close: { code: 1011, reason: 'upstream: certificate has expired' } })).toBe('other/server_error');
    expect(verdict({ outcome: 'closed', close: { code: 1015 } })).toBe('1015/tls_unknown');
    expect(verdict({ outcome: 'failed', error: { message: 'SSLError: certificate has expired' } })).toBe('1015/cert_expired');
  });
});
