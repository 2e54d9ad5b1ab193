// Issue 11, round 25 (eng-s1, 1.5.77): a proxy's or server's TLS front and request parser, and two false readings, in general form.
// - A server's record of an error in its TLS front's handshake (Node's tls.Server 'tlsClientError' event, SSL_accept, a TLS
//   acceptor's failure) with a reset or EOF in it: the handshake ended without an alert, 1015/tls_unknown by the reset/EOF
//   convention (rule inferred.reset_in_tls_handshake).
// - llhttp's request-side codes as a server's parser reports them (Node's 'clientError': HPE_INVALID_METHOD, HPE_INVALID_URL):
//   bytes that are no HTTP request, protocol_error; Node's HPE_HEADER_OVERFLOW (answered 431): http_rejected.
// - Words of a request target (a path or query after the method, uri=/path=) are the client's, not a verdict.
// - Words of a field that restates the request (req_ext=, request_headers=) pair only with words of the same field.
// Texts are written for these tests in the shapes the cited sources print (names and values changed); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { SourcedFinding } from '../../../analyzers/candidate.js';
import { findConcepts } from '../../../analyzers/concepts/scanner.js';
import { llhttpTable } from '../../../analyzers/codes/llhttp.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const conceptIds = (text: string): string[] => {
  const out: SourcedFinding[] = [];
  findConcepts('error.message', text, out);
  return out.map((finding) => finding.rule);
};

const serverFailed = (error: TelemetryEventInput['error'], url = 'wss://api.example.com/socket'): Partial<TelemetryEventInput> => ({
  source: { kind: 'proxy', service: 'test', runtime: 'node tls front' },
  target: { url },
  outcome: 'failed',
  error,
});

describe("a reset or EOF in a server's record of its TLS front's handshake error: 1015/tls_unknown", () => {
  it.each([
    ["Node's tlsClientError event, logged", 'warn tlsClientError port=9443 code=ECONNRESET message="socket hang up"', 'ECONNRESET'],
    ['a TLS client error in prose', 'edge: TLS client error from 10.0.0.7: read ECONNRESET', undefined],
    ["OpenSSL's server handshake call", 'SSL_accept failed: Connection reset by peer', undefined],
    ['a TLS acceptor failing', 'listener: tls accept error: unexpected EOF', undefined],
  ])('%s', (_label, message, code) => {
    expect(verdictOf(serverFailed(code === undefined ? { message } : { message, code }))).toBe('1015/tls_unknown');
  });

  it.each([
    ['a reset with no TLS front named', 'warn clientError port=9443 code=ECONNRESET message="socket hang up"', 'ECONNRESET'],
    ['a client error of a TLS-free HTTP server', 'http client error: read ECONNRESET', undefined],
  ])('not: %s', (_label, message, code) => {
    expect(verdictOf(serverFailed(code === undefined ? { message } : { message, code }))).toBe('other/network_reset');
  });
});

describe("llhttp's request-side codes as a server's parser reports them (Node's 'clientError')", () => {
  it('every row cites its source and names an HPE_ code', () => {
    for (const row of llhttpTable) {
      expect(row.source).toMatch(/github\.com\/nodejs\/(?:llhttp|node)/);
      expect(row.names[0]).toMatch(/^HPE_[A-Z_]+$/);
    }
  });

  it.each([
    ['bytes that begin no method (a TLS hello on a plaintext port)', { message: 'warn clientError port=8080 code=HPE_INVALID_METHOD message="Parse Error: Invalid method encountered"', code: 'HPE_INVALID_METHOD' }, 'other/protocol_error'],
    ['the reason text alone', { message: 'Parse Error: Invalid method encountered' }, 'other/protocol_error'],
    ['a request target a URL may not hold', { message: 'Parse Error: Unexpected start char in url', code: 'HPE_INVALID_URL' }, 'other/protocol_error'],
    ['a request head too large (Node answers 431)', { message: 'Parse Error: Header overflow', code: 'HPE_HEADER_OVERFLOW' }, 'other/http_rejected'],
  ] as const)('%s', (_label, error, expected) => {
    expect(verdictOf(serverFailed(error, 'ws://api.example.com/socket'))).toBe(expected);
  });
});

describe("a request target's words are the client's (RFC 9112 §3.2.1)", () => {
  it.each([
    ['a query after the method', 'upgrade refused GET /live?token=expired-xyz -> 403 (403 Forbidden)'],
    ['an access field', 'access method=GET uri=/api/unauthorized/stream status=403'],
  ])('%s', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.auth');
    expect(verdictOf(serverFailed({ message }))).toBe('other/http_rejected');
  });

  it('the same words outside the target still count', () => {
    expect(conceptIds('upgrade refused GET /live -> 403: token expired')).toContain('concept.auth');
  });
});

describe('a field that restates the request pairs only with words of the same field', () => {
  it('an offer beside another field\'s error is no extension refused', () => {
    const message = 'WARN access method=GET status=502 req_ext=permessage-deflate; client_max_window_bits upstream_error=connection closed before message completed';
    const ids = conceptIds(message);
    expect(ids).not.toContain('concept.extension_params');
    expect(ids).not.toContain('concept.extension_deflate_param');
    expect(verdictOf(serverFailed({ message }))).not.toMatch(/^1010\//);
  });

  it('a parameter with its value stays in the offer\'s field', () => {
    const message = 'access status=502 req_ext=permessage-deflate; client_max_window_bits=10 upstream_error=connection reset error';
    expect(conceptIds(message)).not.toContain('concept.extension_deflate_param');
  });

  it('a verdict in unrestated text still reads', () => {
    expect(conceptIds('handshake: extension permessage-deflate window bits error')).toContain('concept.extension_params');
  });

  it('a verdict within the restated field still reads', () => {
    expect(conceptIds('req_ext=permessage-deflate; client_max_window_bits=99 invalid status=400')).toContain('concept.extension_deflate_param');
  });
});
