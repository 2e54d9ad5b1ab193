// Round 17 (holdout-23's answer-first gateway in general form, 1.5.53): a proxy that answers the client's upgrade with 101
// before it dials its upstream logs the upstream leg's failure after that 101; its own lines decide the cause when they state a
// TLS handshake failure, an upstream status or an opening handshake that did not complete (analyzers/upstream-leg.ts). Texts are
// written for these tests in the shapes the cited sources print (JSSE's SSLHandshakeException and CertificateException texts,
// Netty's WebSocketClientHandshakeException, Reactor Netty's connect errors, Go's x509 errors); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const gateway = { kind: 'proxy', service: 'edge', runtime: 'java 21 gateway (reactor-netty)' } as const;
/** The client's side opened (the gateway answered 101), and the gateway's lines are the event's error. */
const afterClient101 = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: gateway,
  target: { url: 'ws://gw.example.com/chat' },
  handshake: { status: 101 },
  outcome: 'closed',
  error: { message },
  ...extra,
});

describe('an answer-first gateway: the upstream leg\'s failure after the client\'s 101 decides', () => {
  it.each([
    ['an expired upstream certificate (JSSE)', 'javax.net.ssl.SSLHandshakeException: PKIX path validation failed: validity check failed\nCaused by: java.security.cert.CertificateExpiredException: NotAfter: Mon Jan 05 10:00:00 UTC 2026', '1015/cert_expired'],
    ['a SAN that does not cover the upstream (JSSE)', 'javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching backend.internal found.', '1015/hostname_mismatch'],
    ['an upstream certificate from an unknown authority (Go)', 'proxy: dial wss://10.0.0.9:8443: tls: failed to verify certificate: x509: certificate signed by unknown authority', '1015/untrusted_ca'],
    ['an upstream that cut the TLS handshake off', 'java.nio.channels.ClosedChannelException\nSuppressed: io.netty.handler.ssl.StacklessSSLHandshakeException: Connection closed while SSL/TLS handshake was in progress', '1015/tls_unknown'],
    ['an upstream status refused (Netty)', 'io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response getStatus: 403 Forbidden', 'other/http_rejected'],
    ['an upstream 500 beside the drop that followed it', 'WebSocketClientHandshakeException: Invalid handshake response getStatus: 500 Internal Server Error\n\nWebSocketClientHandshakeException: Connection prematurely closed BEFORE opening handshake is complete.', 'other/http_rejected'],
    ['an upstream 401', 'WebSocketClientHandshakeException: Invalid handshake response getStatus: 401 Unauthorized', 'other/http_auth_rejected'],
    ['an upstream reset before its opening handshake completed', 'recvAddress(..) failed: Connection reset by peer\n\nWebSocketClientHandshakeException: Connection prematurely closed BEFORE opening handshake is complete.', 'other/network_reset'],
    ['an upstream FIN before its opening handshake completed', 'upstream websocket handshake failed: unexpected EOF', 'other/network_reset'],
    ['a refused connect to the upstream', 'AnnotatedConnectException: finishConnect(..) failed: Connection refused: backend/10.0.0.9:9000', 'other/connection_refused'],
    ['an upstream name that does not resolve', "java.net.UnknownHostException: Failed to resolve 'backend.invalid' after 2 queries", 'other/dns_failure'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf(afterClient101(message))).toBe(expected);
  });

  it('on a wss:// front too: the 101 proves the client\'s TLS handshake, not the upstream\'s', () => {
    const message = 'javax.net.ssl.SSLHandshakeException: PKIX path validation failed\nCaused by: java.security.cert.CertificateExpiredException: NotAfter: Mon Jan 05 10:00:00 UTC 2026';
    expect(verdictOf(afterClient101(message, { target: { url: 'wss://gw.example.com/chat' } }))).toBe('1015/cert_expired');
  });
});

describe('what stays a drop after open', () => {
  it.each([
    ['a reset alone: no leg named', 'recvAddress(..) failed: Connection reset by peer'],
    ['the client side going away after its 101', 'recvAddress(..) failed: Connection reset by peer\n\nreactor.netty.channel.AbortedException: Connection has been closed BEFORE send operation'],
    ['a reset once the upstream\'s own 101 is in the lines', 'upstream answered HTTP/1.1 101 Switching Protocols\nupstream websocket handshake failed: connection reset by peer'],
  ] as const)('%s → abnormal_closure', (_label, message) => {
    expect(verdictOf(afterClient101(message))).toBe('other/abnormal_closure');
  });

  it('a TLS failure a client (not a proxy) reports after its own 101 does not reopen the handshake', () => {
    const message = 'javax.net.ssl.SSLHandshakeException: PKIX path validation failed\nCaused by: java.security.cert.CertificateExpiredException: NotAfter: Mon Jan 05 10:00:00 UTC 2026';
    expect(verdictOf(afterClient101(message, { source: { kind: 'client', service: 'app', runtime: 'java 21' } }))).not.toMatch(/^1015\//);
  });

  it('a close code read from a Close frame keeps its rank beside an upstream status in the lines', () => {
    const message = 'WebSocketClientHandshakeException: Invalid handshake response getStatus: 403 Forbidden';
    expect(verdictOf(afterClient101(message, { close: { code: 1008, on_wire: true, initiator: 'server' } }))).toBe('other/policy_violation');
  });

  it('a status a close reason names is the Close frame\'s, not an upstream answer', () => {
    const message = 'recvAddress(..) failed: Connection reset by peer';
    expect(verdictOf(afterClient101(message, { close: { reason: 'unauthorized', initiator: 'unknown' } }))).toBe('other/abnormal_closure');
  });
});

describe('a close the server started without a code, reported as an error that names no cause (convention 2)', () => {
  const probe = { kind: 'probe', service: 'synthetic', runtime: 'java 21 probe' } as const;
  it('the server named as closing: a clean close', () => {
    expect(verdictOf({ source: probe, target: { url: 'ws://api.example.com/ws' }, handshake: { status: 101 }, outcome: 'closed', close: { reason: '', initiator: 'server' }, error: { message: 'session crashed while awaiting the reply: ' } })).toBe('none/normal_closure');
  });
  it('nobody named (a reason the API made up): still a drop', () => {
    expect(verdictOf({ source: probe, target: { url: 'ws://api.example.com/ws' }, handshake: { status: 101 }, outcome: 'closed', close: { reason: 'transport error', initiator: 'unknown', on_wire: false }, error: { message: 'peer stopped answering, aborting' } })).toBe('other/abnormal_closure');
  });
  it('a cause the error names still decides', () => {
    expect(verdictOf({ source: probe, target: { url: 'ws://api.example.com/ws' }, handshake: { status: 101 }, outcome: 'closed', close: { initiator: 'server' }, error: { message: 'read failed: Connection reset by peer' } })).toBe('other/abnormal_closure');
  });
});

describe('a cipher word in a record the cipher could not open is no cipher negotiation', () => {
  it.each([
    ['JSSE\'s AEAD record too short', 'javax.net.ssl.SSLHandshakeException: Insufficient buffer remaining for AEAD cipher fragment (2). Needs to be more than tag size (16)', '1015/tls_unknown'],
    ['no shared cipher still is', 'javax.net.ssl.SSLHandshakeException: no cipher suites in common', '1015/cipher_mismatch'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf({ error: { message } })).toBe(expected);
  });
});
