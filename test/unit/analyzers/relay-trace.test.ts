// Round 18 (eng-c1, 1.5.56): routine errnos of non-blocking I/O (EAGAIN/EWOULDBLOCK, EINPROGRESS) and a relay's debug trace
// (analyzers/relay/trace.ts). Texts written for these tests in the shape of an event-loop proxy's debug output: each receive
// with its result ("copy_up: recv(fd, buf, len, 0) returns n, errno = 11"), the bytes it printed ("<n>: <bytes>", non-printable
// bytes as "."), which socket is which side ("downfd = 7", "upfd = 8"), and how each socket ended ("orderly shutdown of socket
// N" when recv(2) returned 0, "Error on fd N"); the key and accept of RFC 6455 §1.3.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { readTrace } from '../../../analyzers/relay/trace.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event } from './event-builder.js';

const T = '2026-01-02 10:00:00: ';
const dated = (...lines: string[]): string => lines.map((line) => (/^\d+: |^\t/.test(line) ? line : `${T}${line}`)).join('\n');
const OPEN = ['store_conn: conn = 0, downfd = 7', 'connect (upfd = 8) returns -1, errno = 115', 'Pending connect to server 0', 'check_if_timeout(1767348000, 0)', 'Keep waiting...'];
const up = (n: number, dump?: string): string[] => [`copy_up: recv(7, 0x7ffe10, 32768, 0) returns ${n}, errno = 11`, ...(dump !== undefined ? [`${n}: ${dump}`] : [])];
const down = (n: number, dump?: string): string[] => [`copy_down: recv(8, 0x7ffe90, 32768, 0) returns ${n}`, ...(dump !== undefined ? [`${n}: ${dump}`] : [])];
const CLIENT_FIN = 'orderly shutdown of socket downfd=7';
const SERVER_FIN = 'orderly shutdown of socket 8';
const ERROR = (fd: number): string => `Error on fd ${fd}, connection 0`;
const COUNTS = ['Connection 0 was closed', '\tRead 156 from client, wrote 156 to server'];
const REQUEST = 'GET /feed HTTP/1.1\nHost: s\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nSec-WebSocket-Version: 13\nSec-WebSocket-Extensions: permessage-deflate\n\n';
const answer = (extra = '', accept = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo='): string => `HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: ${accept}\n${extra}\n`;

const proxy = (outcome: 'failed' | 'closed', message: string): Partial<TelemetryEventInput> => ({ outcome, source: { kind: 'proxy', service: 'relay' }, target: { url: 'ws://s/feed' }, error: { message } });
const done = 'Connection 0 completed';

describe('readTrace: a relay debug trace read by its structure', () => {
  it('reads the sides, the bytes each way, the printed heads and the first end', () => {
    const facts = readTrace(dated(...OPEN, done, ...up(150, REQUEST), ...down(129, answer()), ...up(0), CLIENT_FIN, ...down(0), SERVER_FIN));
    expect(facts?.received).toEqual({ client: 150, server: 129 });
    expect(facts?.firstEnd).toMatchObject({ side: 'client', orderly: true });
    expect(facts?.records.map((record) => record.from)).toEqual(['copy_up', 'copy_down']);
  });

  it('an error on the upstream socket before its connect completed is a failed connect', () => {
    expect(readTrace(dated(...OPEN, ERROR(8), ...COUNTS))?.connectFailed).toContain('Error on fd 8');
  });

  it('is undefined for a text with no receive and no socket end', () => {
    expect(readTrace('connect ECONNREFUSED 127.0.0.1:80')).toBeUndefined();
  });
});

describe('classify: a relay debug trace', () => {
  it.each<readonly [string, Partial<TelemetryEventInput>, string]>([
    ['opened, the client shut down first: a close with its side named', proxy('closed', dated(...OPEN, done, ...up(150), ...down(129), ...up(8), ...up(0), CLIENT_FIN, ...down(0), SERVER_FIN, ...COUNTS)), 'none/normal_closure'],
    ['opened, the server shut down first, then an error on the client: still orderly first', proxy('closed', dated(...OPEN, done, ...up(150), ...down(129), ...down(0), SERVER_FIN, ERROR(7), ...COUNTS)), 'none/normal_closure'],
    ['opened, an error on a socket first: abnormal_closure', proxy('closed', dated(...OPEN, done, ...up(150), ...down(129), ERROR(8), ...COUNTS)), 'other/abnormal_closure'],
    ['failed, request up, an error on the upstream: network_reset', proxy('failed', dated(...OPEN, done, ...up(150), ERROR(8), ...COUNTS)), 'other/network_reset'],
    ['failed, the client shut down before any answer: network_reset (EOF)', proxy('failed', dated(...OPEN, done, ...up(150), ...up(0), CLIENT_FIN)), 'other/network_reset'],
    ['failed, the client shut down after an answer: refused without its reason', proxy('failed', dated(...OPEN, done, ...up(150), ...down(80), ...up(0), CLIENT_FIN, ERROR(8), ...COUNTS)), 'other/unknown_failure'],
    ['failed, the upstream connect failed: unknown_failure, no reason shown', proxy('failed', dated(...OPEN, ERROR(8), ...COUNTS)), 'other/unknown_failure'],
    ['the relay\'s own timeout line stands', proxy('failed', dated(...OPEN, 'Connection 0 timed out', ...COUNTS)), 'other/network_timeout'],
    ['a printed 403: http_rejected', proxy('failed', dated(...OPEN, done, ...up(150, REQUEST), ...down(60, 'HTTP/1.1 403 Forbidden\nContent-Length: 0\n'), ...down(0), SERVER_FIN, ERROR(7))), 'other/http_rejected'],
    ['a printed 503 relayed from the upstream: http_rejected, no gateway', proxy('failed', dated(...OPEN, done, ...up(150, REQUEST), ...down(60, 'HTTP/1.1 503 Service Unavailable\n'), ...down(0), SERVER_FIN, ERROR(7))), 'other/http_rejected'],
    ['a printed 101 with a wrong Accept: protocol_error', proxy('failed', dated(...OPEN, done, ...up(150, REQUEST), ...down(129, answer('', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=')), ...up(0), CLIENT_FIN)), 'other/protocol_error'],
    ['a printed 101 answering an out-of-range window, frames unreadable: the replay decides', proxy('closed', dated(...OPEN, done, ...up(150, REQUEST), ...down(170, answer('Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=20\n')), ...up(8, '..\u0003.x.'), ...down(4, '....'), ...down(0), SERVER_FIN, ERROR(7))), '1010/extension_params_rejected'],
    ['a printed 101 accepting the offer as made, then a clean end: normal', proxy('closed', dated(...OPEN, done, ...up(150, REQUEST), ...down(160, answer('Sec-WebSocket-Extensions: permessage-deflate\n')), ...up(8, '........'), ...down(4, '....'), ...up(0), CLIENT_FIN, ...down(0), SERVER_FIN)), 'none/normal_closure'],
  ])('%s', (_label, input, expected) => {
    const result = classify(event(input));
    expect(`${result.attribution}/${result.cause}`).toBe(expected);
  });

  it('cites the trace line that decided', () => {
    const result = classify(event(proxy('failed', dated(...OPEN, done, ...up(150), ERROR(8), ...COUNTS))));
    expect(result.evidence.some((e) => e.detail.includes('rule relay.trace_end') && e.detail.includes('Error on fd 8'))).toBe(true);
  });
});

describe('routine errnos: EAGAIN/EWOULDBLOCK and EINPROGRESS only as the failure a text ends on', () => {
  it.each<readonly [string, string, string]>([
    // socket(7): a blocking recv with SO_RCVTIMEO returns EAGAIN when the timeout runs out, a connect with SO_SNDTIMEO EINPROGRESS.
    ['EAGAIN as the final error', 'ws_read: recv failed, errno=11', 'other/network_timeout'],
    ['EINPROGRESS as the final error', 'connect to 10.0.0.5:443 gave up, errno 115', 'other/network_timeout'],
    ['WSAEWOULDBLOCK as the final error', 'socket error 10035 while reading the upgrade answer', 'other/network_timeout'],
    ['the last line of a log ends on EAGAIN', 'sent upgrade request\nwaiting for answer\nrecv returned -1, errno = 11', 'other/network_timeout'],
  ])('%s', (_label, message, expected) => {
    const result = classify(event({ outcome: 'failed', error: { message } }));
    expect(`${result.attribution}/${result.cause}`).toBe(expected);
  });

  it.each<readonly [string, string]>([
    // errno(3): "The value in errno is significant only when the return value of the call indicated an error".
    ['beside a call that returned a count (stale)', 'recv(5) returns 120, errno = 11'],
    ['on a line the log goes on after (the loop retried)', 'connect (fd 6) returns -1, errno = 115\npending connect\nconnect failed'],
  ])('no timeout %s', (_label, message) => {
    const result = classify(event({ outcome: 'failed', error: { message } }));
    expect(result.cause).not.toBe('network_timeout');
  });
});
