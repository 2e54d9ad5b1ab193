// WebSocket protocol violations in library words (analyzers/concepts/protocol-violations.ts): each concept
// on its own example phrasing, close codes read through the close-code table, and the texts that must stay
// what they are (HTTP statuses, TLS failures). Also the read-timeout, proxy-log and extension rows of engine 1.5.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { violationConcepts } from '../../../analyzers/concepts/protocol-violations.js';
import { event, failedWithMessage } from './event-builder.js';

describe('protocol violation concepts', () => {
  it.each(violationConcepts.map((concept) => [concept.id, concept.example] as const))('%s recognises its example', (id, example) => {
    const result = classify(failedWithMessage(example));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: 'other', cause: 'protocol_error' });
    // Moderate confidence, evidence naming the concept and its RFC 6455 section.
    expect(result.confidence).toBeLessThan(0.6);
    expect(result.evidence[0]?.detail).toContain(id);
    expect(result.evidence[0]?.detail).toMatch(/RFC 6455 §\d/);
  });

  it.each([
    ['a refused registered code is that code', "PeerClosedConnectionException: Peer closed connection with code 1002 'Peer sent illegal close frame (invalid close code '1012').'", 'service_restart'],
    ['a refused unregistered code is a violation', "Peer sent illegal close frame (invalid close code '999')", 'protocol_error'],
    ['a code printed as a char (1005)', 'FailWebSocketException: Illegal status code: \u03ed', 'protocol_error'],
    ['a range statement', 'ProtocolException: Code must be in range [1000,5000): 999', 'protocol_error'],
    ['a library closing with 1002', 'ProtocolException: Closing connection with error code Some(1002)', 'protocol_error'],
  ] as const)('close code in text: %s', (_label, text, cause) => {
    expect(classify(failedWithMessage(text)).cause).toBe(cause);
  });

  it.each([
    ['an HTTP status after "invalid status code"', 'Invalid status code received: 404 Status line: HTTP/1.1 404 Not Found', 'other', 'http_rejected'],
    ['an HTTP status in new words', 'handshake: unexpected status code 403', 'other', 'http_rejected'],
    ['a TLS failure naming a protocol error', 'SSLHandshakeException: Failure in SSL library, usually a protocol error', '1015', 'tls_unknown'],
  ] as const)('stays what it is: %s', (_label, text, attribution, cause) => {
    const result = classify(failedWithMessage(text));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('timeouts beside TLS words are no 1015', () => {
  it.each([
    ['EAGAIN inside a TLS handshake', 'mytls: TLS handshake: Socket read failed: Resource temporarily unavailable'],
    ['EAGAIN after an SSL error', 'ERROR: SSL error 31 (BR_ERR_IO); recv: Resource temporarily unavailable'],
    ['an idle timeout with an unresolved-notation address', 'TcpIdleTimeoutException: TCP idle-timeout encountered on connection to [localhost/<unresolved>:21048], no bytes passed in the last 8 seconds'],
  ] as const)('%s → network_timeout', (_label, text) => {
    const result = classify(failedWithMessage(text));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: 'other', cause: 'network_timeout' });
  });
});

describe('certificate causes in a cause chain outrank the outer exception', () => {
  const chain = (cause: string): string =>
    `javax.net.ssl.SSLException: org.bouncycastle.tls.TlsFatalAlert: certificate_unknown(46)\nCaused by: java.security.cert.CertificateException: ${cause}`;
  it.each([
    [chain('No subject alternative name found matching domain name api.example.com'), 'hostname_mismatch'],
    [chain('Unable to construct a valid chain\nCaused by: java.security.cert.CertPathBuilderException: No issuer certificate for certificate in certification path found.'), 'incomplete_chain'],
    ['Botan::TLS::TLS_Exception: Certificate validation failure: Certificate does not match provided name', 'hostname_mismatch'],
  ] as const)('%s', (text, cause) => {
    const result = classify(failedWithMessage(text));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: '1015', cause });
  });
});

describe("a proxy's own gateway status beside its log line", () => {
  const proxied = (message: string) =>
    event({ outcome: 'failed', source: { kind: 'proxy', service: 'h2o', runtime: 'h2o 2.2.5' }, handshake: { status: 502 }, error: { message } });
  it.each([
    ['a connect failure it names', '[lib/core/proxy.c] in request:/:connection failed', 'connection_refused'],
    ['a failure it does not name', '[lib/core/proxy.c] in request:/:I/O error', 'unknown_failure'],
  ] as const)('%s', (_label, message, cause) => {
    expect(classify(proxied(message)).cause).toBe(cause);
  });

  it('a bare 502 with no log line stays an HTTP rejection', () => {
    expect(classify(event({ outcome: 'failed', source: { kind: 'proxy', service: 'h2o', runtime: 'h2o 2.2.5' }, handshake: { status: 502 } })).cause).toBe('http_rejected');
  });
});

describe('an extension the client never offered', () => {
  it('named in the client 1010 reason is extension_params_rejected, over the absent requirement', () => {
    const result = classify(
      event({
        outcome: 'closed',
        handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'x-webkit-deflate-frame', required_extensions: ['permessage-deflate'] },
        close: { code: 1010, reason: 'server accepted extension "x-webkit-deflate-frame" that was not offered', initiator: 'client', on_wire: true },
      }),
    );
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: '1010', cause: 'extension_params_rejected' });
  });

  it('with no reason, the headers decide: the unoffered answer fails the connection (RFC 6455 §9.1)', () => {
    const result = classify(
      event({
        outcome: 'closed',
        handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'x-zstd-frame', required_extensions: ['permessage-deflate'] },
        close: { code: 1010, initiator: 'client', on_wire: false },
      }),
    );
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: '1010', cause: 'extension_params_rejected' });
  });

  it('a required extension missing from an answer that names nothing unoffered is extension_not_negotiated', () => {
    const result = classify(
      event({
        outcome: 'closed',
        handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate'] },
        close: { code: 1010, initiator: 'client', on_wire: false },
      }),
    );
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: '1010', cause: 'extension_not_negotiated' });
  });
});

describe('the depth of an issuer failure decides missing intermediate vs untrusted CA', () => {
  it.each([
    ['depth 0: the leaf issuer was not sent', 'TLS handshake failed; verify error 20 at depth 0: unable to get local issuer certificate', 'incomplete_chain'],
    ['depth 1: the chain came, its top is untrusted', 'TLS handshake failed; verify error 20 at depth 1: unable to get local issuer certificate', 'untrusted_ca'],
    ['depth 0 on a self-signed certificate', 'tls: certificate verify failed; verify error at depth 0: self-signed certificate', 'self_signed'],
  ] as const)('%s', (_label, message, cause) => {
    expect(classify(failedWithMessage(message, { tls: { alert: 48, alert_direction: 'sent' } })).cause).toBe(cause);
  });

  it('the chain the server sent outranks the depth', () => {
    const result = classify(failedWithMessage('verify error 20 at depth 0: unable to get local issuer certificate', { tls: { chain_length: 2 } }));
    expect(result.cause).toBe('untrusted_ca');
  });
});
