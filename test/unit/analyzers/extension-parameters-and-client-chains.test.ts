// Round 15 (engine 1.5.45): a text that names an RFC 7692 parameter in full, or "extension parameter(s)", with a verdict on it
// (Tomcat's perMessageDeflate.* and wsWebSocketContainer.invalidExtensionParameters, LocalStrings.properties); JSSE's validator
// text "Path does not chain with any of the trust anchors" (PKIXCertPathValidator, PKIXReason.NO_TRUST_ANCHOR) inside a
// "Caused by:" chain; MQTT's CONNACK refusals ("Connection Refused, <reason>", MQTT 3.1.1 §3.2.2.3) are no TCP refusal;
// a server's log of a client's 1002 Close frame; "Unexpected Status of SSLEngineResult" is no HTTP status.
// Texts are written for the tests in the forms the primary sources give.
import { describe, expect, it } from 'vitest';
import { verdictOf } from './event-builder.js';

const tomcat = { kind: 'client', service: 'test', runtime: 'Java 17 tomcat-embed-websocket 10.1' } as const;

describe('a parameter named in full with a verdict on it is extension_params_rejected (1010)', () => {
  it.each([
    ['Tomcat invalidWindowSize (window bits too large)', 'java.lang.IllegalArgumentException: An invalid windows of [16] size was specified for [server_max_window_bits]. Valid values are whole numbers from 8 to 15 inclusive.'],
    ['Tomcat invalidWindowSize (client side)', 'An invalid windows of [7] size was specified for [client_max_window_bits]. Valid values are whole numbers from 8 to 15 inclusive.'],
    ['Tomcat invalidExtensionParameters', 'jakarta.websocket.DeploymentException: The server responded with extension parameters the client is unable to support'],
    ['Tomcat duplicateParameter', 'java.lang.IllegalArgumentException: Duplicate definition of the [server_no_context_takeover] extension parameter'],
    ['Tomcat util.notToken', 'An illegal extension parameter was specified with name [x] and value [y z]'],
    ['a written verdict after the name', 'handshake: client_no_context_takeover value is not valid here'],
    ['out of range', 'server_max_window_bits 20 is out of range'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf({ source: tomcat, error: { message } })).toBe('1010/extension_params_rejected');
  });

  it.each([
    ['a parameter named in an offer, no verdict', 'offering permessage-deflate; client_max_window_bits; server_no_context_takeover'],
    ['a TLS extension', 'tls: unsupported extension parameter in ServerHello'],
  ])('not: %s', (_label, message) => {
    expect(verdictOf({ source: tomcat, error: { message } })).not.toBe('1010/extension_params_rejected');
  });
});

describe('JSSE\'s validator verdict decides over the SSLHandshakeException wrapper in a chain', () => {
  it('Path does not chain with any of the trust anchors → untrusted_ca', () => {
    const message = [
      'java.util.concurrent.CompletionException: jakarta.websocket.DeploymentException: The HTTP request to initiate the WebSocket connection to [wss://example.test/ws] failed',
      'Caused by: java.util.concurrent.ExecutionException: javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: Path does not chain with any of the trust anchors',
      'Caused by: java.security.cert.CertPathValidatorException: Path does not chain with any of the trust anchors',
    ].join('\n');
    expect(verdictOf({ source: tomcat, target: { url: 'wss://example.test/ws' }, error: { message } })).toBe('1015/untrusted_ca');
  });

  it('the builder\'s text deep in the chain still decides', () => {
    const message = 'jakarta.websocket.DeploymentException: The HTTP request to initiate the WebSocket connection to [wss://example.test/ws] failed\nCaused by: javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
    expect(verdictOf({ source: tomcat, target: { url: 'wss://example.test/ws' }, error: { message } })).toBe('1015/untrusted_ca');
  });
});

describe('MQTT\'s CONNACK refusal is the broker\'s answer, not a refused TCP connect', () => {
  const mqtt = { kind: 'client', service: 'test', runtime: 'node 20 mqtt.js 5' } as const;
  it.each([
    ['3.1.1 return code 5 in mqtt.js\'s form', 'Connection refused: Not authorized', 'other/http_auth_rejected'],
    ['5.0 0x86 in mqtt.js\'s form', 'Connection refused: Bad User Name or Password', 'other/http_auth_rejected'],
    ['the specification\'s own wording', 'Connection Refused, bad user name or password', 'other/http_auth_rejected'],
    ['a TCP refusal stays one', 'connect ECONNREFUSED 127.0.0.1:1883', 'other/connection_refused'],
    ['a TCP refusal in words stays one', 'Error: Connection refused', 'other/connection_refused'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf({ source: mqtt, error: { message } })).toBe(expected);
  });
});

describe('a server\'s log of a client\'s 1002 Close frame reads by the code', () => {
  it('the session-end words of the server log do not make it a drop', () => {
    expect(verdictOf({
      source: { kind: 'server', service: 'test', runtime: 'python 3.11 daphne' }, outcome: 'closed', handshake: { status: 101 },
      close: { code: 1002, initiator: 'client', on_wire: true }, error: { message: 'DEBUG WebSocket closed for [\'127.0.0.1\', 5000]' },
    })).toBe('other/protocol_error');
  });
});

describe('"Unexpected Status" of a TLS engine result is no HTTP status', () => {
  it('a 1006 with Tomcat\'s asyncChannelWrapperSecure.statusUnwrap reason', () => {
    expect(verdictOf({
      source: tomcat, outcome: 'closed', handshake: { status: 101 },
      close: { code: 1006, initiator: 'unknown', on_wire: false, reason: 'Unexpected Status of SSLEngineResult after an unwrap() operation' },
    })).not.toBe('other/http_rejected');
  });
});
