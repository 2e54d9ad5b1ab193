// Round 16 (eng-a1, 1.5.50): a relay's log of the bytes it passed, read back (analyzers/relay/). Texts written for these tests:
// the arrow form of a SOCKS server's data log ("<from> -> <to> (<n>): <payload>", Dante's iobuf shape) and socat -v's
// "> date length=n from=a to=b" blocks; byte values from RFC 6455's examples (§1.3 key/accept, §5.7 masked "Hello").
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { closeStatus, decodeEscaped, readFrames, readHttpHead, statusOf, tlsRecordType } from '../../../analyzers/relay/payload.js';
import { expectedAccept } from '../../../analyzers/websocket-accept.js';
import { readRelay, relayFactsOf } from '../../../analyzers/relay/session.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event } from './event-builder.js';

const bytes = (...values: number[]): number[] => values;

describe('decodeEscaped: one decoder for C, vis(3) octal and socat -v notations', () => {
  it.each<[string, string, number[]]>([
    ['C simple escapes', String.raw`a\r\n\t\\`, bytes(97, 13, 10, 9, 92)],
    ['octal, 1-3 digits, \\0 as NUL', String.raw`\210\002\003\350\0x`, bytes(0x88, 2, 3, 0xe8, 0, 120)],
    ['hex \\xHH (socat -v)', String.raw`\x88\x02\x03\xe8`, bytes(0x88, 2, 3, 0xe8)],
    ['vis C-style \\a \\b \\v \\f \\e \\s', String.raw`\a\b\v\f\e\s`, bytes(7, 8, 11, 12, 27, 32)],
    ['a kept non-ASCII character is its UTF-8', 'é', bytes(0xc3, 0xa9)],
    ['an unknown escape keeps its character', String.raw`\q`, bytes(113)],
  ])('%s', (_label, text, expected) => {
    expect([...decodeEscaped(text)]).toEqual(expected);
  });
});

describe('readers of the relayed bytes', () => {
  it('reads a request head and a status line with repeated header fields', () => {
    const request = readHttpHead(decodeEscaped(String.raw`GET /ws HTTP/1.1\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`));
    expect(request && statusOf(request)).toBeUndefined();
    expect(request?.headers.get('sec-websocket-key')).toEqual(['dGhlIHNhbXBsZSBub25jZQ==']);
    const raw = decodeEscaped(String.raw`HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Extensions: a\r\nsec-websocket-extensions: b\r\n\r\n\210\000`);
    const answer = readHttpHead(raw);
    expect(answer && statusOf(answer)).toBe(101);
    expect(answer?.headers.get('sec-websocket-extensions')).toEqual(['a', 'b']);
    expect(raw[answer?.bodyAt ?? -1]).toBe(0x88);
    expect(readHttpHead(decodeEscaped(String.raw`\026\003\001\002\000`))).toBeUndefined();
  });

  it('computes Sec-WebSocket-Accept as RFC 6455 §1.3 does', () => {
    expect(expectedAccept('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('unmasks a client frame (RFC 6455 §5.7) and reads a Close frame status and reason, stopping at a cut frame', () => {
    const frames = readFrames(Uint8Array.from([0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58, 0x88, 0x82, 1, 2, 3, 4, 0x03 ^ 1, 0xf2 ^ 2, 0x88, 0x05, 3]));
    expect(frames.map((frame) => [frame.opcode, frame.masked])).toEqual([[1, true], [8, true]]);
    expect(Buffer.from((frames[0] as { payload: Uint8Array }).payload).toString()).toBe('Hello');
    expect(closeStatus(frames[1] as never)).toEqual({ code: 1010, reason: '' });
    expect(closeStatus({ opcode: 8, masked: false, payload: Uint8Array.from([0x03, 0xe9, 0x62, 0x79, 0x65]) })).toEqual({ code: 1001, reason: 'bye' });
  });

  it('tells TLS records by type and version', () => {
    expect(tlsRecordType(Uint8Array.from([22, 3, 1, 2, 0]))).toBe(22);
    expect(tlsRecordType(Uint8Array.from([21, 3, 3, 0, 2]))).toBe(21);
    expect(tlsRecordType(Uint8Array.from([0x88, 2, 3, 0xe8]))).toBeUndefined();
  });
});

// A relay log in the arrow form: the client's endpoint is "c", the server's "s".
const up = (payload: string, n = 10): string => `relay[7]: info: pass: c 10.0.0.2.5000 -> s 10.0.0.9.80 (${n}): ${payload}`;
const down = (payload: string, n = 10): string => `relay[7]: info: pass: s 10.0.0.9.80 -> c 10.0.0.2.5000 (${n}): ${payload}`;
const REQUEST = String.raw`GET /feed HTTP/1.1\r\nHost: s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n`;
const answer101 = (extra = '', accept = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo='): string => String.raw`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ` + accept + String.raw`\r\n` + extra + String.raw`\r\n`;
const END_CLIENT = 'relay[7]: info: pass: c ]: 9 -> s -> 9: local client closed.  Session duration: 1s';
const END_SERVER = 'relay[7]: info: pass: c ]: 9 -> s -> 9: remote peer closed.  Session duration: 1s';
const log = (...lines: string[]): string => lines.join('\n');
// Close frames: the server's 1000 unmasked; the client's masked with key 00 00 00 00 (the XOR leaves the bytes as they are).
const SERVER_CLOSE_1000 = String.raw`\210\002\003\350`;
const clientClose = (code: number, reason = ''): string => String.raw`\210` + `\\${(0x80 | (2 + reason.length)).toString(8)}` + String.raw`\0\0\0\0` + `\\${(code >> 8).toString(8)}\\${(code & 0xff).toString(8)}` + reason;

describe('readRelay: the connection a relay log shows', () => {
  it('reads request, answer, the first Close frame and its sender, and the end line', () => {
    const facts = readRelay(log(up(REQUEST), down(answer101()), up(clientClose(1001, 'bye')), down(SERVER_CLOSE_1000), END_CLIENT));
    expect(facts?.status).toBe(101);
    expect(facts?.firstClose).toMatchObject({ from: 'client', code: 1001, reason: 'bye' });
    expect(facts?.endedBy).toBe('client');
    expect(facts?.tls).toBe(false);
  });

  it('reads socat -v blocks the same way', () => {
    const text = ['> 2026/12/03 10:00:00.000001  length=80 from=0 to=79', 'GET / HTTP/1.1\\r', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r', '\\r', '< 2026/12/03 10:00:00.000002  length=60 from=0 to=59', 'HTTP/1.1 403 Forbidden\\r', 'Content-Length: 0\\r', '\\r'].join('\n');
    expect(readRelay(text)?.status).toBe(403);
  });

  it('sees TLS only, and application data both ways', () => {
    const facts = readRelay(log(up(String.raw`\026\003\001\002\0\001\0`), down(String.raw`\026\003\003\0z\002\0`), up(String.raw`\027\003\003\0\032`), down(String.raw`\027\003\003\0\025`), END_CLIENT));
    expect(facts).toMatchObject({ tls: true, tlsDataBothWays: true, endedBy: 'client' });
    expect(facts?.request).toBeUndefined();
  });

  it('costs nothing for texts without an escaped payload', () => {
    expect(relayFactsOf('connect ECONNREFUSED 127.0.0.1:80')).toBeUndefined();
    expect(relayFactsOf(String.raw`C:\Users\app\ws.log: timeout`)).toBeUndefined();
  });
});

type Case = readonly [label: string, input: Partial<TelemetryEventInput>, attribution: string, cause: string];
const proxy = (outcome: 'failed' | 'closed' | 'connected', message: string, url = 'ws://s/feed'): Partial<TelemetryEventInput> => ({
  outcome,
  source: { kind: 'proxy', service: 'relay' },
  target: { url },
  error: { message },
});

describe('classify: what the relayed bytes decide', () => {
  it.each<Case>([
    ['client Close 1000 first, server echoes: normal', proxy('closed', log(up(REQUEST), down(answer101()), up(clientClose(1000)), down(SERVER_CLOSE_1000), END_SERVER)), 'none', 'normal_closure'],
    ['server Close 1001 with a reason: going away', proxy('closed', log(up(REQUEST), down(answer101()), down(String.raw`\210\005\003\351bye`), up(clientClose(1001)), END_SERVER)), 'none', 'going_away'],
    ['server Close 1011: server_error', proxy('closed', log(up(REQUEST), down(answer101()), down(String.raw`\210\002\003\363`), END_SERVER)), 'other', 'server_error'],
    ['server Close 1008: policy_violation', proxy('closed', log(up(REQUEST), down(answer101()), down(String.raw`\210\002\003\360`), END_SERVER)), 'other', 'policy_violation'],
    ['client Close 1010 first: the 1010 family', proxy('closed', log(up(REQUEST), down(answer101()), up(clientClose(1010, 'permessage-deflate')), down(String.raw`\210\002\003\362`), END_SERVER)), '1010', 'extension_not_negotiated'],
    ['101 answering an out-of-range window: params rejected', proxy('failed', log(up(REQUEST), down(answer101(String.raw`Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=20\r\n`)), up('', 0), END_CLIENT)), '1010', 'extension_params_rejected'],
    ['101 answering an extension twice: params rejected', proxy('failed', log(up(REQUEST), down(answer101(String.raw`Sec-WebSocket-Extensions: permessage-deflate\r\nSec-WebSocket-Extensions: permessage-deflate\r\n`)), END_CLIENT)), '1010', 'extension_params_rejected'],
    ['401: http_auth_rejected', proxy('failed', log(up(REQUEST), down(String.raw`HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n`), END_CLIENT)), 'other', 'http_auth_rejected'],
    ['500 relayed from the server: http_rejected', proxy('failed', log(up(REQUEST), down(String.raw`HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n`), END_SERVER)), 'other', 'http_rejected'],
    ['101 with a wrong Accept: protocol_error', proxy('failed', log(up(REQUEST), down(answer101('', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=')), END_CLIENT)), 'other', 'protocol_error'],
    ['101 selecting an unoffered subprotocol', proxy('failed', log(up(REQUEST), down(answer101(String.raw`Sec-WebSocket-Protocol: chat.v9\r\n`)), END_CLIENT)), 'other', 'subprotocol_mismatch'],
    ['101 then the server ends without a Close frame: abnormal_closure', proxy('closed', log(up(REQUEST), down(answer101()), END_SERVER)), 'other', 'abnormal_closure'],
    ['request then the server ends before any answer: network_reset', proxy('failed', log(up(REQUEST), END_SERVER)), 'other', 'network_reset'],
    ['TLS only, ended before any answer: network_reset (no TLS word)', proxy('failed', log(up(String.raw`\026\003\001\002\0\001\0`), down(String.raw`\026\003\003\0z\002\0`), END_SERVER), 'wss://s/feed'), 'other', 'network_reset'],
    ['TLS data both ways, still open: connected', proxy('connected', log(up(String.raw`\026\003\001\002\0\001\0`), down(String.raw`\026\003\003\0z\002\0`), up(String.raw`\027\003\003\0\032`), down(String.raw`\027\003\003\0\025`)), 'wss://s/feed'), 'none', 'connected'],
    ['TLS data both ways, the client ended it: normal_closure', proxy('closed', log(up(String.raw`\026\003\001\002\0\001\0`), down(String.raw`\026\003\003\0z\002\0`), up(String.raw`\027\003\003\0\032`), down(String.raw`\027\003\003\0\025`), END_CLIENT), 'wss://s/feed'), 'none', 'normal_closure'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = classify(event(input));
    expect(`${result.attribution}/${result.cause}`).toBe(`${attribution}/${cause}`);
  });

  it('cites the relay line it read, and a recorded field wins over the bytes', () => {
    const input = proxy('closed', log(up(REQUEST), down(answer101()), down(String.raw`\210\002\003\363`), END_SERVER));
    const result = classify(event(input));
    expect(result.evidence.some((e) => e.detail.includes('rule relay.payload') && e.detail.includes('Close frame 1011'))).toBe(true);
    expect(classify(event({ ...input, close: { code: 1000, initiator: 'client' } })).cause).toBe('normal_closure');
  });

  it('names the relay\'s reading for a session that ended before any answer, below the relay\'s own timeout words', () => {
    const ended = classify(event(proxy('failed', log(up(REQUEST), END_CLIENT))));
    expect(ended.cause).toBe('network_reset');
    expect(ended.evidence.some((e) => e.detail.includes('relay.ended_before_answer'))).toBe(true);
    const timedOut = log(up(REQUEST), 'relay[7]: info: pass: c ]: 0 -> s -> 0: i/o timeout.  Session duration: 10s');
    expect(classify(event(proxy('failed', timedOut))).cause).toBe('network_timeout');
  });

  it('reads no relay bytes in a client\'s or server\'s own text', () => {
    const input = { ...proxy('closed', log(up(REQUEST), down(answer101()), down(String.raw`\210\002\003\363`), END_SERVER)), source: { kind: 'client' as const, service: 'c' } };
    expect(classify(event(input)).cause).not.toBe('server_error');
  });
});
