// Round 40 (r40-b, 1.5.121): a close quoted as received reads as its code, by whose close it was (a server's text quoting the 1010 its
// client sent is the 1010 family; a client's quoting the server's is a protocol error); the requested subprotocol set against an answer
// with none; a TLS server's answer to a plaintext request recorded as the answer's body; a client's 1010 beside an answer with no
// extension. Texts are written for these tests from other libraries' wordings (Python websockets' ConnectionClosed, coder/websocket's
// CloseError, Java and .NET log lines, tungstenite, nginx's, Apache mod_ssl's and Tomcat's plaintext answers); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { source: { kind: 'server', service: 'ws-edge', runtime: 'lab server' }, target: { url: 'ws://127.0.0.1:9000/ws' }, outcome: 'closed' } as const;
const answered = { status: 101, request_extensions: 'permessage-deflate; client_max_window_bits', response_extensions: '' } as const;
const client = { target: { url: 'ws://127.0.0.1:9000/ws' } } as const;

describe("a server's text quoting the 1010 its client sent: the 1010 family (convention 11)", () => {
  it.each([
    ["Python websockets' ConnectionClosed", 'connection handler failed: received 1010 (mandatory extension) x-custom-mux; then sent 1010 (mandatory extension) x-custom-mux'],
    ["coder/websocket's CloseError", 'failed to get reader: received close frame: status = StatusMandatoryExtension and reason = "permessage-deflate"'],
    ['a Java log naming the received frame', 'INFO ws.Session - Received Close frame with status 1010: permessage-deflate required'],
    ['a peer named as closing', 'session 42: peer closed with 1010 (extension negotiation failed)'],
    ['closed by the remote peer, with a code', 'WebSocket connection closed by remote peer, code: 1010, reason: deflate'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf({ ...server, handshake: answered, error: { message } } as Partial<TelemetryEventInput>)).toBe('1010/extension_not_negotiated');
  });

  it.each([
    ["the server's own 1010 in its close fields", { ...server, handshake: answered, close: { code: 1010, initiator: 'server', on_wire: true } }, 'other/protocol_error'],
    ["the server's line that it sent a 1010", { ...server, handshake: answered, error: { message: 'sending close 1010 (mandatory extension) to 127.0.0.1:5000' } }, 'other/protocol_error'],
    ["a client's text quoting the server's 1010 (gorilla)", { ...client, outcome: 'closed', handshake: { status: 101 }, error: { message: 'websocket: close 1010 (mandatory extension missing)' } }, 'other/protocol_error'],
    ["a client's text naming the peer's 1010", { ...client, outcome: 'closed', handshake: { status: 101 }, error: { message: 'connection lost: peer closed with 1010' } }, 'other/protocol_error'],
    ['an extension frame error after open (RSV1)', { ...server, handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'permessage-deflate' }, error: { message: 'permessage-deflate: RSV1 set on a continuation frame' } }, 'other/protocol_error'],
    ["a server's text quoting another received code", { ...server, handshake: { status: 101 }, error: { message: 'read failed: websocket: close 1008 (policy violation): token expired' } }, 'other/policy_violation'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe('the requested subprotocol against an answer with none (convention 6)', () => {
  it.each([
    ['the header with the offer and an empty answer', 'Sec-WebSocket-Protocol: offered "v2.stomp", the 101 carried none'],
    ['the subprotocol requested, the answer missing it', 'subprotocol "graphql-transport-ws" was requested but the 101 response did not include one'],
    ['the header requested, the answer header absent', 'requested Sec-WebSocket-Protocol wamp.2.json; answer header absent'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf({ ...client, handshake: { status: 101 }, error: { name: 'HandshakeError', message } } as Partial<TelemetryEventInput>)).toBe('other/subprotocol_mismatch');
  });

  it.each([
    ['both sides agreed, the session connected', { ...client, outcome: 'connected', handshake: { status: 101 }, labels: { client_log: 'Sec-WebSocket-Protocol requested chat, server selected chat' } }, 'none/connected'],
    ['a requested header logged beside a timeout', { ...client, error: { message: 'Sec-WebSocket-Protocol requested chat; read timed out after 5000 ms' } }, 'other/network_timeout'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a TLS server's answer to a plaintext request in the answer's body: 1015 over the status (convention 15)", () => {
  it.each([
    ["nginx's 400 page", '<html><head><title>400 The plain HTTP request was sent to HTTPS port</title></head></html>'],
    ["Apache mod_ssl's 400", "Bad Request\nYour browser sent a request that this server could not understand.\nReason: You're speaking plain HTTP to an SSL-enabled server port."],
    ["Tomcat's 400", 'Bad Request\nThis combination of host and port requires TLS.'],
  ] as const)('%s', (_label, body) => {
    expect(verdictOf({ ...client, handshake: { status: 400 }, error: { message: 'Unexpected server response: 400' }, labels: { response_body: body } } as Partial<TelemetryEventInput>)).toBe('1015/tls_unknown');
  });

  it.each([
    ['a body naming nothing', { ...client, handshake: { status: 400 }, error: { message: 'Unexpected server response: 400' }, labels: { response_body: 'Bad Request' } }, 'other/http_rejected'],
    ['a body naming a request header', { ...client, handshake: { status: 400 }, error: { message: 'Unexpected server response: 400' }, labels: { response_body: 'missing Sec-WebSocket-Key header' } }, 'other/protocol_error'],
    ["the maker's note, not the answer", { ...client, handshake: { status: 400 }, error: { message: 'Unexpected server response: 400' }, labels: { note: 'The plain HTTP request was sent to HTTPS port' } }, 'other/http_rejected'],
    ["the client's own text quoting the body (corpus-gaps-2026-12-219's reading, left as labelled)", { ...client, handshake: { status: 400 }, error: { message: 'Handshake status 400 Bad Request -+-+- <center>The plain HTTP request was sent to HTTPS port</center>' } }, 'other/http_rejected'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a client's 1010 beside an answer with no extension: the extension was not negotiated (convention 7)", () => {
  const closed = (reason: string, response: string): Partial<TelemetryEventInput> =>
    ({ ...server, handshake: { status: 101, request_extensions: 'permessage-deflate; server_no_context_takeover', response_extensions: response }, close: { code: 1010, initiator: 'client', on_wire: true, reason } }) as Partial<TelemetryEventInput>;
  it.each([
    ['a parameter named not negotiated', closed('permessage-deflate; server_no_context_takeover not negotiated', ''), '1010/extension_not_negotiated'],
    ['the extension called unsupported', closed('unsupported extension set', ''), '1010/extension_not_negotiated'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['a reason judging what the answer held', closed('unexpected server_no_context_takeover in permessage-deflate response', ''), '1010/extension_params_rejected'],
    ['the same parameter beside an answer that carries the extension', closed('permessage-deflate; server_no_context_takeover not negotiated', 'permessage-deflate'), '1010/extension_params_rejected'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});
