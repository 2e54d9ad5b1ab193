// Round 14 (holdout-20's forward-proxy family in general form, 1.5.42): a forward proxy's debug lines of a tunnel or a
// forwarded upgrade (RFC 9110 §9.3.6 CONNECT; RFC 6455 §4.1 the 101), the extension headers it logs read through the 1010
// rules (RFC 6455 §9.1), and its own status for an upstream failure it states (mbed TLS verify texts, x509_crt.c
// x509_crt_verify_strings; a resolver failure). Lines written for these tests in a generic proxy's shape; none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const proxy = { kind: 'proxy', service: 'egress', runtime: 'forward proxy 2.1 (mbed TLS 3.6)' } as const;
const lines = (...rows: string[]): string => rows.map((row) => `2026-01-05 09:12:01.114 tid-3 ${row}`).join('\n');
const access = (request: string, status: number, bytes = 512): string => `10.1.0.4 - - [05/Jan/2026:09:12:01 +0000] "${request}" ${status} ${bytes}`;
const onProxy = (outcome: 'connected' | 'failed' | 'closed', message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: proxy,
  outcome,
  target: { url: 'wss://feed.example.test:8443/live' },
  error: { message },
  ...extra,
});

describe("a forward proxy's lines of a tunnel or a forwarded upgrade that went through", () => {
  it.each([
    ['a 2xx to CONNECT (the tunnel established)', lines('Connect: to feed.example.test:8443', 'Connect: to feed.example.test:8443 successful', access('CONNECT feed.example.test:8443 HTTP/1.1', 200, 2210), 'Connect: Closing client socket 7. Keep-alive: 0. Timeout: 0.')],
    ['the upstream\'s 101 it logged, then its own 200 record', lines('Header: scan: GET /live HTTP/1.1', 'Header: scan: Upgrade: websocket', 'Header: scan: HTTP/1.1 101 Switching Protocols', 'Header: scan: upgrade: websocket', access('GET https://feed.example.test:8443/live HTTP/1.1', 200, 96))],
  ] as const)('is a connection, not a refusal (%s)', (_label, message) => {
    expect(verdictOf(onProxy('connected', message))).toBe('none/connected');
  });

  it('a 200 record of a GET upgrade with no 101 in sight stays a refused upgrade', () => {
    expect(verdictOf(onProxy('failed', lines('Header: scan: GET /live HTTP/1.1', access('GET https://feed.example.test:8443/live HTTP/1.1', 200, 13))))).toBe('other/http_rejected');
  });

  it('a counter or flag at zero ("Timeout: 0", "timeouts=0") names no timeout', () => {
    const message = lines('Connect: to feed.example.test:8443 successful', access('CONNECT feed.example.test:8443 HTTP/1.1', 200), 'Connect: Closing server socket 5. timeouts=0 Tainted: 0. Timeout: 0.');
    expect(verdictOf(onProxy('connected', message))).toBe('none/connected');
  });

  it('a timeout the proxy states still decides (its 504 after "Socket timeout 10 reached")', () => {
    const message = lines('Header: scan: GET /live HTTP/1.1', 'Connect: Socket timeout 10 reached: https://feed.example.test:8443/live', access('GET https://feed.example.test:8443/live HTTP/1.1', 504, 6400));
    expect(verdictOf(onProxy('failed', message, { handshake: { status: 504 } }))).toBe('other/network_timeout');
  });
});

describe('the extension headers a forward proxy logs, read through the 1010 rules', () => {
  const upgrade = (answer: string): string => lines('Header: scan: GET /live HTTP/1.1', 'Header: scan: HTTP/1.1 101 Switching Protocols', `Header: scan: sec-websocket-extensions: ${answer}`, access('GET https://feed.example.test:8443/live HTTP/1.1', 200, 0));

  it.each([
    ['an extension the client never offered', '', 'permessage-deflate; server_max_window_bits=9', '1010/extension_params_rejected'],
    ['permessage-deflate answered twice', 'permessage-deflate', 'permessage-deflate, permessage-deflate; server_no_context_takeover', '1010/extension_params_rejected'],
    ['an acceptable answer to the offer', 'permessage-deflate; client_max_window_bits', 'permessage-deflate; client_max_window_bits=12', 'none/connected'],
  ] as const)('the proxy relayed the 101: its "connected" is no acceptance by the client (%s)', (_label, offer, answer, expected) => {
    expect(verdictOf(onProxy('connected', upgrade(answer), { handshake: { status: 101, request_extensions: offer, response_extensions: answer } }))).toBe(expected);
  });

  it('an offer the proxy removed, answered without extensions, was not negotiated', () => {
    const message = lines('Header: scan: Sec-WebSocket-Extensions: permessage-deflate', 'Header: removing client header Sec-WebSocket-Extensions (policy strip-ext)', 'Header: scan: HTTP/1.1 101 Switching Protocols', access('GET https://feed.example.test:8443/live HTTP/1.1', 200, 0));
    expect(verdictOf(onProxy('connected', message, { handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '' } }))).toBe('1010/extension_not_negotiated');
  });

  it('an offer the proxy passed on, answered without extensions, is a connection (the server may decline it)', () => {
    const message = lines('Header: scan: Sec-WebSocket-Extensions: permessage-deflate', 'Header: scan: HTTP/1.1 101 Switching Protocols', access('GET https://feed.example.test:8443/live HTTP/1.1', 200, 0));
    expect(verdictOf(onProxy('connected', message, { handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '' } }))).toBe('none/connected');
  });
});

describe("a proxy's own status for its upstream's failure, stated in its lines", () => {
  // mbed TLS library/x509_crt.c x509_crt_verify_strings (mbedtls_x509_crt_verify_info texts).
  it.each([
    ['The certificate validity has expired', '1015/cert_expired'],
    ['The certificate validity starts in the future', '1015/cert_not_yet_valid'],
    ['The certificate is not correctly signed by the trusted CA', '1015/untrusted_ca'],
    ['The certificate Common Name (CN) does not match with the expected CN', '1015/hostname_mismatch'],
  ] as const)('a 403 page beside "X509 certificate verification … failed: %s"', (verifyText, expected) => {
    const message = lines('Connect: Performing the TLS/SSL handshake with the server', `Error: X509 certificate verification for feed.example.test:8443 failed: ${verifyText}`, access('GET https://feed.example.test:8443/live HTTP/1.1', 403, 4100));
    expect(verdictOf(onProxy('failed', message, { handshake: { status: 403 } }))).toBe(expected);
  });

  it('a 404 page beside its resolver failure', () => {
    const message = lines('Connect: to feed.invalid:8443', 'Info: Can not resolve feed.invalid: Name or service not known', access('CONNECT feed.invalid:8443 HTTP/1.1', 404, 6500));
    expect(verdictOf(onProxy('failed', message, { handshake: { status: 404 } }))).toBe('other/dns_failure');
  });

  it('a 403 without any upstream failure stated stays the proxy\'s refusal', () => {
    const message = lines('Request: feed.example.test:8443/ blocked by policy', access('CONNECT feed.example.test:8443 HTTP/1.1', 403, 1200));
    expect(verdictOf(onProxy('failed', message, { handshake: { status: 403 } }))).toBe('other/http_rejected');
  });

  it("the upstream's own 500 status line relayed after a completed handshake is its answer, not a TLS failure", () => {
    const message = lines('Connect: Performing the TLS/SSL handshake with the server', 'Connect: Server successfully connected over TLSv1.3', 'Header: scan: HTTP/1.1 500 Internal Server Error', access('GET https://feed.example.test:8443/live HTTP/1.1', 200, 13), 'Connect: The server socket has been closed.');
    expect(verdictOf(onProxy('failed', message, { handshake: { status: 500 } }))).toBe('other/http_rejected');
  });
});
