// Round 25 (eng-s2, holdout-32's server and client misses in general form, 1.5.78): a server's own words for why it ended an
// open session (a size bound, a reserved opcode, a keepalive missed, a shutdown, the error a debug record reports), read before the
// "connection closed" line after them; a received Close frame is no reset (Akka's PeerClosedConnectionException); Akka's framing
// ProtocolException is a protocol error; an application's own close with a reason that names no failure is a clean close.
// Texts written for these tests.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'gateway', runtime: 'php 8.3 app' } as const;
const client = { kind: 'client', service: 'consumer', runtime: 'java 21 app' } as const;
const closedOn = (message: string | undefined, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  handshake: { status: 101 },
  ...(message === undefined ? {} : { error: { message } }),
  ...extra,
});
const opened = 'conn#7 connect from 10.0.0.4:5000\nconn#7 101 sent, session open';

describe("a server's own words before the connection closed", () => {
  it("Workerman's package over maxPackageSize: message_too_big", () => {
    expect(verdictOf(closedOn(`${opened}\nerror package. package_length=70000\nconn#7 connection closed`))).toBe('other/message_too_big');
  });
  it("Workerman's TcpConnection refusal without a size is no size", () => {
    expect(verdictOf(closedOn(`${opened}\nError package. package_length=false\nconn#7 connection closed`))).not.toBe('other/message_too_big');
  });
  it("Workerman's reserved opcode: protocol_error", () => {
    expect(verdictOf(closedOn(`${opened}\nerror opcode 11 and close websocket connection. Buffer:8b00\nconn#7 connection closed`))).toBe('other/protocol_error');
  });
  it.each(['no ping from client within 10s, closing', 'client did not send a pong in time, disconnecting'])('a keepalive missed ("%s"): network_timeout', (line) => {
    expect(verdictOf(closedOn(`${opened}\nconn#7 ${line}\nconn#7 connection closed`, { close: { initiator: 'server' } }))).toBe('other/network_timeout');
  });
  it('a keepalive missed in the log label, no error, the server named as closing: network_timeout', () => {
    const log = 'INFO app: socket connected sid=a1\nDEBUG close{reason=HeartbeatTimeout}: sending packet packet=Close';
    expect(verdictOf(closedOn(undefined, { close: { initiator: 'server' }, labels: { server_log: log } }))).toBe('other/network_timeout');
  });
});

describe("a server's lines that it was going down", () => {
  it.each(['SIGINT received, closing chat server', 'closing the websocket server', 'close{reason=ClosingServer}: sending packet packet=Close'])('"%s": going_away', (line) => {
    expect(verdictOf(closedOn(undefined, { close: { initiator: 'server' }, labels: { server_log: `socket connected\n${line}` } }))).toBe('none/going_away');
  });
  it('a connection to a server being closed is no server going down', () => {
    expect(verdictOf(closedOn(undefined, { close: { initiator: 'server' }, labels: { server_log: 'socket connected\nclosing upstream server connection' } }))).not.toBe('none/going_away');
  });
});

describe('a debug record that reports the error the server hit handling the peer', () => {
  const record = (error: string): string =>
    `2026-01-02T03:04:05.000001Z  INFO app: request status=101\n2026-01-02T03:04:05.000002Z DEBUG lib::transport: error when handling packet: ${error}`;
  it('a size bound in it is read: message_too_big', () => {
    expect(verdictOf(closedOn(record('WsTransport(Capacity(MessageTooLong { size: 9000, max_size: 4096 }))')))).toBe('other/message_too_big');
  });
  it('a masked-frame violation in it is read: protocol_error', () => {
    expect(verdictOf(closedOn(record('WsTransport(Protocol(UnmaskedFrameFromClient))')))).toBe('other/protocol_error');
  });
  it('a debug record of a step stays quiet', () => {
    const message = '2026-01-02T03:04:05.000001Z DEBUG lib::transport: handling packet sid=1\n2026-01-02T03:04:05.000002Z  INFO app: socket disconnected';
    expect(verdictOf(closedOn(message, { close: { initiator: 'client', code: 1000, on_wire: true } }))).toBe('none/normal_closure');
  });
});

describe('a Close frame the client received is no reset', () => {
  const peerClosed = (code: number, reason: string): Partial<TelemetryEventInput> => ({
    source: client,
    outcome: 'closed',
    handshake: { status: 101 },
    error: { name: 'akka.http.scaladsl.model.ws.PeerClosedConnectionException', message: `Peer closed connection with code ${code} '${reason}'` },
    close: { code, reason, initiator: 'server', on_wire: true },
  });
  it('an application code whose reason says the session ended: a clean close', () => {
    expect(verdictOf(peerClosed(4002, 'tls session ended'))).toBe('none/normal_closure');
  });
  it('a code that names a cause keeps it', () => {
    expect(verdictOf(peerClosed(1009, 'too large'))).toBe('other/message_too_big');
  });
  it('"closed connection with code N" in a text states the close', () => {
    expect(verdictOf({ source: client, outcome: 'closed', handshake: { status: 101 }, error: { message: 'remote closed connection with code 4010 session ended' } })).toBe('none/normal_closure');
  });
});

describe("Akka's WebSocket framing ProtocolException", () => {
  it('whatever its message: protocol_error', () => {
    expect(verdictOf({ source: client, outcome: 'closed', handshake: { status: 101 }, error: { name: 'akka.http.impl.engine.ws.ProtocolException', message: 'Data truncated' } })).toBe('other/protocol_error');
  });
});

describe("an application's own close reported by the side that closed (on_wire false)", () => {
  it('a reason that names no failure: a clean close', () => {
    expect(verdictOf(closedOn(undefined, { close: { code: 4001, reason: 'tls session ended', initiator: 'server', on_wire: false } }))).toBe('none/normal_closure');
  });
  it('a reason that names a failure is no clean close', () => {
    expect(verdictOf(closedOn(undefined, { close: { code: 4001, reason: 'auth failed', initiator: 'server', on_wire: false } }))).not.toBe('none/normal_closure');
  });
  it("the other side's report is read by its words alone", () => {
    expect(verdictOf({ source: client, outcome: 'closed', handshake: { status: 101 }, close: { code: 4001, reason: 'tls session ended', initiator: 'server', on_wire: false } })).not.toBe('none/normal_closure');
  });
});
