// Round 23 (eng-h2, 1.5.70): convention 17 beside any 4xx refusal the server answered but 401/403/404/405; the upgrade named
// as expected (actix-http's HandshakeError texts) names the Upgrade/Connection header; Sec-WebSocket-Protocol named required
// → subprotocol_mismatch; Go's net/http TLS handshake error line for a plaintext request outranks the 400 it wrote. Texts are
// written for these tests (actix-http's are its Display strings); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'docs', runtime: 'app server 1.0' } as const;
const refused = (message: string, status = 400, kind: 'server' | 'client' = 'server'): Partial<TelemetryEventInput> => ({
  source: kind === 'server' ? server : { kind: 'client', service: 'docs', runtime: 'client 1.0' },
  target: { url: 'ws://docs.example.test/feed' },
  handshake: { status },
  error: { message },
});

describe('request-header words beside a 4xx refusal (convention 17)', () => {
  it.each([
    ['actix-http NoWebsocketUpgrade, 400', 'WebSocket upgrade is expected.', 400, 'other/protocol_error'],
    ['actix-http NoConnectionUpgrade, 400', 'Connection upgrade is expected.', 400, 'other/protocol_error'],
    ['actix-http UnsupportedVersion, 426', 'WARN app] Unsupported WebSocket version.', 426, 'other/protocol_error'],
    ['actix-http NoVersionHeader, 426', 'WebSocket version header is required.', 426, 'other/protocol_error'],
    ['expected upgrade in other words', 'refused: expected a websocket upgrade', 400, 'other/protocol_error'],
    ['the subprotocol required', 'WARNING in app: Sec-WebSocket-Protocol: client offered [], chat.v3 required', 400, 'other/subprotocol_mismatch'],
    ['the subprotocol beside a 426', 'Sec-WebSocket-Protocol required: none offered', 426, 'other/subprotocol_mismatch'],
  ] as const)('%s', (_label, message, status, verdict) => {
    expect(verdictOf(refused(message, status))).toBe(verdict);
  });

  it.each([401, 403, 404, 405])('a %i gives its own reason: the header words do not decide', (status) => {
    expect(verdictOf(refused('WebSocket upgrade is expected.', status))).not.toBe('other/protocol_error');
  });

  it("426's reason phrase alone names no header", () => {
    expect(verdictOf(refused('HTTP/1.1 426 Upgrade Required', 426))).toBe('other/http_rejected');
  });
});

describe("a server's own TLS handshake error line outranks the status it wrote in its place (convention 7)", () => {
  it("Go net/http's line for a plaintext request on its TLS port is 1015/tls_unknown beside its 400", () => {
    expect(verdictOf(refused('http: TLS handshake error from 10.1.2.3:51000: client sent an HTTP request to an HTTPS server', 400))).toBe('1015/tls_unknown');
  });

  it("a client that read the 400's body was answered: the status decides", () => {
    expect(verdictOf(refused('Unexpected server response: 400 (body: Client sent an HTTP request to an HTTPS server.)', 400, 'client'))).toBe('other/http_rejected');
  });
});
