// Round 39 (r39-b, 1.5.118): a client's bare "did not receive a valid HTTP response" is the refused-answer family (convention 6) and its
// chain's link decides, also where a log records it as a line of its own; a proxy's own records (log, session records) stating that
// its connect to the upstream failed, beside the client leg's symptom; the whole-second bound reads the proxy's own lines only.
// Texts are written for these tests from other libraries' wordings (Tyrus/Java's "Caused by:" stack lines, Go's net dial errors,
// mitmproxy's flow errors, nginx's upstream connect line, Python's ConnectionRefusedError, Node's ETIMEDOUT/EPROTO); none is a
// held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const proxy = { source: { kind: 'proxy', service: 'edge', runtime: 'edge-proxy 2.1' }, target: { url: 'ws://edge.example.test/ws' } } as const;
const tlsProxy = { ...proxy, target: { url: 'wss://edge.example.test/ws' } } as const;
const invalidMessage = { name: 'websockets.exceptions.InvalidMessage', message: 'did not receive a valid HTTP response' } as const;
const refusedDial = '2026/01/05 10:00:00 [ERROR] dial tcp 10.0.0.7:8080: connect: connection refused';
const hangUp = { name: 'Error', code: 'ECONNRESET', message: 'socket hang up' } as const;

describe("a client's bare 'did not receive a valid HTTP response': the status or the chain's link decides", () => {
  it.each([
    ['bare, no status', { error: invalidMessage }, 'other/unknown_failure'],
    ['a status recorded', { handshake: { status: 400 }, error: invalidMessage }, 'other/http_rejected'],
    ['an EOF inside the headers', { error: invalidMessage, labels: { error_cause: 'EOFError: connection closed while reading HTTP headers' } }, 'other/network_reset'],
    ['an unreadable status line (an SMTP banner)', { error: invalidMessage, labels: { error_cause: 'ValueError: invalid HTTP status line: 220 mail.example.test ESMTP' } }, 'other/protocol_error'],
    ["the link as a line of the client's log", { error: { name: 'InvalidMessage', message: invalidMessage.message }, labels: { client_log: 'WARNING:feed:connect failed\ncaused by EOFError: connection closed while reading HTTP status line' } }, 'other/network_reset'],
    ["Java's 'Caused by:' line under a handshake error naming nothing", { error: { name: 'DeploymentException', message: 'Handshake error.' }, labels: { client_log: 'WARN c.e.Feed - connect failed\nCaused by: java.net.ConnectException: Connection refused' } }, 'other/connection_refused'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });

  it.each([
    ["a cause inside another line's message", { error: { name: 'InvalidMessage', message: invalidMessage.message }, labels: { client_log: 'WARNING:feed: retrying (last error caused by EOFError: connection closed while reading HTTP status line)' } }, 'other/unknown_failure'],
    ['a handshake error with no chain', { error: { name: 'DeploymentException', message: 'Handshake error.' } }, 'other/unknown_failure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a proxy's own records state that its connect to the upstream failed, beside the client leg's symptom", () => {
  it.each([
    ["Go's refused dial beside the client's hang-up", { ...proxy, error: hangUp, labels: { proxy_log: refusedDial } }, 'other/connection_refused'],
    ["mitmproxy's flow error, a name that does not resolve", { ...proxy, error: { message: 'Connection reset by peer' }, labels: { proxy_flows: '[{"request":{"method":"GET"},"error":{"msg":"Error connecting to \\"api.internal\\": [Errno -2] Name or service not known"}}]' } }, 'other/dns_failure'],
    ["nginx's refused upstream beside plaintext read as TLS", { ...tlsProxy, error: { message: 'SSL routines::wrong version number' }, labels: { proxy_log: '2026/01/05 10:00:00 [error] 12#12: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.2' } }, 'other/connection_refused'],
    ["Python's refusal beside a tunnel closed with no words of cause", { ...proxy, error: { message: 'tunnel closed before the proxy answered' }, labels: { proxy_log: 'ERROR upstream: ConnectionRefusedError: [Errno 111] Connection refused' } }, 'other/connection_refused'],
    ["Node's connect timeout in a session record", { ...proxy, error: hangUp, labels: { proxy_session: '{"status":502,"error":"connect ETIMEDOUT 10.0.0.7:8080"}' } }, 'other/network_timeout'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });

  it.each([
    ["the proxy's own TLS failure toward its upstream", { ...tlsProxy, error: { code: 'EPROTO', message: 'write EPROTO 00:error:0A00010B:SSL routines:ssl3_get_record:wrong version number' }, labels: { proxy_log: '[ERROR] upstream: Error: write EPROTO 00:error:0A00010B:SSL routines:ssl3_get_record:wrong version number' } }, '1015/tls_unknown'],
    ['a TLS failure that names its cause', { ...tlsProxy, error: { message: 'certificate has expired' }, labels: { proxy_log: refusedDial } }, '1015/cert_expired'],
    ["a client's own event", { error: hangUp, labels: { proxy_log: refusedDial } }, 'other/network_reset'],
    ["the client's log at the front, another party's view", { ...proxy, error: hangUp, labels: { client_log: refusedDial } }, 'other/network_reset'],
    ['the words in a note', { ...proxy, error: hangUp, labels: { note: refusedDial } }, 'other/network_reset'],
    ["the proxy's own catch-all ('context canceled')", { ...proxy, error: { message: 'http: proxy error: context canceled' }, labels: { proxy_log: refusedDial } }, 'other/unknown_failure'],
    ['a status that is no gateway status', { ...proxy, handshake: { status: 403 }, error: hangUp, labels: { proxy_log: refusedDial } }, 'other/http_rejected'],
    ['a session that opened', { ...proxy, outcome: 'closed', handshake: { status: 101 }, error: hangUp, labels: { proxy_log: refusedDial } }, 'other/abnormal_closure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("the whole-second bound on a proxy's event reads the proxy's own lines, not another party's", () => {
  it("the client's CONNECT answer in its log at the front", () => {
    expect(verdictOf({ ...proxy, timing: { total_ms: 2008 }, labels: { client_log: 'CONNECT answer: HTTP/1.1 200 Connection established' } })).toBe('other/network_timeout');
  });

  it.each([
    ["the proxy's own connect lines (convention 13's text)", { ...proxy, timing: { total_ms: 2008 }, labels: { proxy_log: 'INFO accepted 10.0.0.2:40112\nINFO CONNECT api.internal:443' } }, 'other/unknown_failure'],
    ['an attempt that ended far from a whole second', { ...proxy, timing: { total_ms: 2300 }, labels: { client_log: 'CONNECT answer: HTTP/1.1 200 Connection established' } }, 'other/unknown_failure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});
