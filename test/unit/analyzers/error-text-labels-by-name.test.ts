// Round 37 (eng-e1, 1.5.111): a label whose name says it holds the error's own text (its words: cause, chain, exception, trace,
// traceback, stack, error, stderr; any separator or case) is read as the error's text where the message alone is generic, link by link
// when it is a chain written one exception a line ("module.Class: text"); never `note`, an identifier (`*_id`, `*_code`, `*_name`),
// another party's view or a log. A link that restates the error itself adds nothing.
// Texts are written for these tests from other libraries' wordings (aiohttp's and Java's exception texts, Node's errno texts, Python's
// ssl and socket exceptions); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { isErrorTextLabel } from '../../../analyzers/evidence-context.js';
import { verdictOf } from './event-builder.js';

const wrapped = (labels: Record<string, string>, message = 'Connection failed'): Partial<TelemetryEventInput> => ({ error: { name: 'ClientError', message }, labels });

describe('label names that say they hold the error', () => {
  it.each([
    ['exception_chain', true], ['cause_chain', true], ['errorChain', true], ['stack-trace', true], ['traceback', true], ['backtrace', true],
    ['relay_error', true], ['upstream_errors', true], ['root_cause', true], ['error_source', true], ['stderr', true],
    ['note', false], ['error_code', false], ['trace_id', false], ['exception_type', false], ['error_syscall', false], ['driver_error', false],
    ['proxy_log', false], ['error_log', false], ['client_stderr', false], ['scenario', false], ['driver', false],
  ] as const)('%s → %s', (name, expected) => {
    expect(isErrorTextLabel(name)).toBe(expected);
  });
});

describe("a chain in a label named for it, behind a generic wrapper's message", () => {
  it.each([
    ['aiohttp over a refused connect (traceback)', wrapped({ traceback: 'aiohttp.client_exceptions.ClientConnectorError: Connection failed\nbuiltins.ConnectionRefusedError: [Errno 111] Connect call failed (\'10.0.0.9\', 443)' }), 'other/connection_refused'],
    ['Java over a PKIX failure (stackTrace, camelCase)', wrapped({ stackTrace: 'com.example.ws.ClientError: Connection failed\njavax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target' }), '1015/untrusted_ca'],
    ['Python over a resolver failure (error-chain)', wrapped({ 'error-chain': 'app.errors.ClientError: Connection failed\nsocket.gaierror: [Errno -3] Temporary failure in name resolution' }), 'other/dns_failure'],
    ['Python ssl over an expired leaf (cause_chain)', wrapped({ cause_chain: 'app.ClientError: Connection failed\nssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1000)' }), '1015/cert_expired'],
    ['a bare reset class as the last link', wrapped({ exception_chain: 'app.ClientError: Connection failed\nbuiltins.ConnectionResetError: ' }), 'other/network_reset'],
    ['an error stated apart (relay_error)', wrapped({ relay_error: 'read tcp 10.0.0.2:5012->10.0.0.9:443: read: connection reset by peer' }), 'other/network_reset'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['the same chain in a note', wrapped({ note: 'app.ClientError: Connection failed\nbuiltins.ConnectionRefusedError: [Errno 111] Connect call failed' }), 'other/unknown_failure'],
    ['an identifier label', wrapped({ error_code: 'ECONNREFUSED' }), 'other/unknown_failure'],
    ['a trace id', wrapped({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' }), 'other/unknown_failure'],
    ['a message that names its own cause keeps it', wrapped({ exception_chain: 'app.ClientError: connect ETIMEDOUT\nbuiltins.TimeoutError: timed out' }, 'connect ECONNREFUSED 10.0.0.9:443'), 'other/connection_refused'],
    ['a chain that only restates the wrapper', wrapped({ exception_chain: 'app.ClientError: Connection failed' }), 'other/unknown_failure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

describe("a close code the library says it sent first, before the peer's reset, in its recorded chain", () => {
  const opened = (chain: string): Partial<TelemetryEventInput> => ({
    outcome: 'closed', target: { url: 'ws://api.example.test/feed' }, handshake: { status: 101 }, close: { code: 1006, initiator: 'client', on_wire: false },
    error: { name: 'TransportError', message: 'Subscription failed: ConnectionClosedError' }, labels: { traceback: chain },
  });
  it.each([
    ['a 1008 sent, then a broken pipe', opened('app.TransportError: Subscription failed: ConnectionClosedError\nwebsockets.exceptions.ConnectionClosedError: sent 1008 (policy violation) unauthorized; no close frame received\nbuiltins.BrokenPipeError: [Errno 32] Broken pipe'), 'other/policy_violation'],
    ['a 1007 sent, then a reset', opened('app.TransportError: Subscription failed: ConnectionClosedError\nwebsockets.exceptions.ConnectionClosedError: sent 1007 (invalid frame payload data) invalid start byte; no close frame received\nbuiltins.ConnectionResetError: [Errno 104] Connection reset by peer'), 'other/protocol_error'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['a reset with no close sent first', opened('app.TransportError: Subscription failed: ConnectionClosedError\nbuiltins.ConnectionResetError: [Errno 104] Connection reset by peer'), 'other/abnormal_closure'],
    ['the same chain in a note', { ...opened(''), labels: { note: 'sent 1008 (policy violation) unauthorized\nbuiltins.ConnectionResetError: [Errno 104] Connection reset by peer' } }, 'other/abnormal_closure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});
