// Round 14 (holdout-20's server-side families in general form, 1.5.43): a server's view of an extension answer the client
// failed on (RFC 6455 §9.1, RFC 7692 §7: the client fails the connection, which the server sees as a drop without a Close
// frame), a server's bracketed info/debug log lines, a server's refusal of a malformed upgrade request (RFC 6455 §4.2.1),
// credentials "refused" in a close reason, and stack frames that name no TLS version. Texts are written for these tests
// in the shapes the stacks print (gunicorn's default error-log format, .NET's stack frames); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { onlyQuietLines } from '../../../analyzers/server-log-levels.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'feed', runtime: 'python 3.12 gunicorn' } as const;
const client = { kind: 'client', service: 'feed', runtime: 'node 20 ws 8.18' } as const;
const access = '[2026-01-05 10:00:01 +0000] [4242] [INFO] 10.0.0.7:51000 - - [05/Jan/2026:10:00:01 +0000] "GET /feed 1.1" 101 - "-" "app/1.0"';

/** A server's event of a session that opened on `answer` to `offer` and ended in a drop the server did not start. */
const droppedAfter = (offer: string, answer: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  target: { url: 'ws://feed.example.test/feed' },
  handshake: { status: 101, request_extensions: offer, response_extensions: answer },
  close: { code: 1006, on_wire: false },
  error: { message: access },
  ...extra,
});

describe("a server's view of an extension answer the client failed on", () => {
  it.each([
    ['window bits below 8', 'permessage-deflate; client_max_window_bits', 'permessage-deflate; server_max_window_bits=8, permessage-deflate; server_max_window_bits=6'],
    ['an unknown parameter', 'permessage-deflate', 'permessage-deflate; level=3'],
    ['an extension never offered', '', 'x-custom-compress'],
    ['a duplicated parameter', 'permessage-deflate', 'permessage-deflate; server_no_context_takeover; server_no_context_takeover'],
    ['client_max_window_bits the offer did not carry', 'permessage-deflate', 'permessage-deflate; client_max_window_bits=11'],
  ] as const)('%s, then a drop: the client rejected the answer', (_label, offer, answer) => {
    expect(verdictOf(droppedAfter(offer, answer))).toBe('1010/extension_params_rejected');
  });

  it('an answer the offer permits, then a drop: an abnormal closure, not 1010', () => {
    expect(verdictOf(droppedAfter('permessage-deflate; client_max_window_bits', 'permessage-deflate; client_max_window_bits=12'))).toBe('other/abnormal_closure');
  });

  it('a declined offer with nothing showing it was required: no 1010', () => {
    expect(verdictOf(droppedAfter('permessage-deflate; client_max_window_bits', ''))).toBe('other/abnormal_closure');
  });

  it('a declined offer the event marks as required: the extension was not negotiated', () => {
    expect(verdictOf(droppedAfter('permessage-deflate', '', { handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate'] } }))).toBe('1010/extension_not_negotiated');
  });

  it('a session the server closed itself, or a Close frame it read, is no client failure on the answer', () => {
    expect(verdictOf(droppedAfter('', 'x-custom-compress', { close: { code: 1006, initiator: 'server', on_wire: false } }))).not.toMatch(/^1010/);
    expect(verdictOf(droppedAfter('', 'x-custom-compress', { close: { code: 1000, initiator: 'client', on_wire: true } }))).toBe('none/normal_closure');
  });

  it("a client's own event keeps the client's verdict: a drop after a bad answer it went on with is no 1010", () => {
    expect(verdictOf(droppedAfter('', 'x-custom-compress', { source: client }))).not.toMatch(/^1010/);
  });
});

describe("a server's bracketed level lines (gunicorn's and hypercorn's default format)", () => {
  it.each([
    ['[2026-01-05 10:00:01 +0000] [4242] [DEBUG] got a new connection from 10.0.0.7', true],
    [access, true],
    ['[2026-01-05 10:00:01 +0000] [4242] [ERROR] Error in ASGI Framework', false],
    ['[DEBUG] starts SSL handshake', true],
    ['[2026-01-05 10:00:01 +0000] [4242] [WARNING] worker timeout', false],
  ] as const)('%s → quiet %s', (line, quiet) => {
    expect(onlyQuietLines(line)).toBe(quiet);
  });

  it('an open session whose server logged only such lines stays connected', () => {
    expect(verdictOf({ source: server, outcome: 'connected', target: { url: 'ws://feed.example.test/feed' }, handshake: { status: 101 }, error: { message: access } })).toBe('none/connected');
  });
});

describe("a server's refusal of a malformed upgrade request", () => {
  const refused = (name: string | undefined, message: string): Partial<TelemetryEventInput> => ({
    source: server,
    target: { url: 'ws://feed.example.test/feed' },
    error: name === undefined ? { message } : { name, message },
  });

  it.each([
    ['Upgrade::HandshakeError', 'Request method must be GET'],
    ['HandshakeError', 'missing Sec-WebSocket-Key'],
    [undefined, 'handshake error: unsupported Sec-WebSocket-Version 7'],
    ['ParseError', 'Invalid HTTP header: could not parse request line'],
  ] as const)('%s: %s → protocol_error', (name, message) => {
    expect(verdictOf(refused(name, message))).toBe('other/protocol_error');
  });

  it('a TLS handshake error logged by a server stays 1015', () => {
    expect(verdictOf(refused(undefined, 'http: TLS handshake error from 10.0.0.7:51000: EOF'))).toMatch(/^1015\//);
  });

  it("a client's unreadable answer is not a request the server refused", () => {
    expect(verdictOf({ source: client, target: { url: 'ws://feed.example.test/feed' }, error: { message: 'Invalid HTTP header: could not parse response' } })).not.toBe('other/protocol_error');
  });
});

describe('credentials refused in a close reason', () => {
  it.each(['credentials refused', 'token refused by the gateway', 'password refused'])('application code with "%s" → http_auth_rejected', (reason) => {
    expect(verdictOf({ source: server, outcome: 'closed', target: { url: 'ws://feed.example.test/feed' }, handshake: { status: 101 }, close: { code: 4403, reason, initiator: 'server', on_wire: true } })).toBe('other/http_auth_rejected');
  });

  it('a refused connection names no credential', () => {
    expect(verdictOf({ error: { message: 'connect ECONNREFUSED 10.0.0.7:443' } })).toBe('other/connection_refused');
  });
});

describe('stack frames name no TLS version', () => {
  const frames = [
    'System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception.',
    ' ---> Interop+OpenSsl+SslException: SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL. error:0A000410:SSL routines::sslv3 alert handshake failure',
    '   at System.Net.Security.SslStream.AuthenticateAsClient(String targetHost, X509CertificateCollection clientCertificates, SslProtocols enabledSslProtocols, Boolean checkCertificateRevocation)',
  ].join('\n');

  it('a handshake_failure alert under .NET frames naming SslProtocols keeps its default, cipher_mismatch', () => {
    expect(verdictOf({ error: { message: frames } })).toBe('1015/cipher_mismatch');
  });

  it('a text that names the version outside a frame still decides tls_version_mismatch', () => {
    expect(verdictOf({ error: { message: `${frames}\nno protocols available: peer supports only TLSv1` } })).toBe('1015/tls_version_mismatch');
  });
});
