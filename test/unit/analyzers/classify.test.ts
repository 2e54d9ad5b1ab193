// The engine over structured evidence: verify codes, alerts, certificate facts, handshake headers,
// close codes, hard negatives, and the result contract.
import { describe, expect, it } from 'vitest';
import type { Candidate, Classifier } from '../../../analyzers/candidate.js';
import { CLASSIFIER_VERSION, classify } from '../../../analyzers/classify.js';
import { classificationSchema } from '../../../schemas/classification.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { daysFromEvent, event } from './event-builder.js';

type Case = readonly [label: string, input: Partial<TelemetryEventInput>, attribution: string, cause: string];
const check = (input: Partial<TelemetryEventInput>) => classify(event(input));
const leaf = { subject: 'CN=api.example.com', issuer: 'CN=R11,O=Let\'s Encrypt', not_before: daysFromEvent(-30), not_after: daysFromEvent(60), san: ['DNS:api.example.com'] };

describe('1015 from structured TLS evidence', () => {
  it.each<Case>([
    ['verify code 10', { tls: { verify_code: 10 } }, '1015', 'cert_expired'],
    ['verify name', { tls: { verify_code: 'X509_V_ERR_CERT_NOT_YET_VALID' } }, '1015', 'cert_not_yet_valid'],
    ['verify 18', { tls: { verify_code: 18 } }, '1015', 'self_signed'],
    ['verify 19', { tls: { verify_code: 19 } }, '1015', 'untrusted_ca'],
    ['verify 62', { tls: { verify_code: 62 } }, '1015', 'hostname_mismatch'],
    ['verify 20, no chain facts', { tls: { verify_code: 20 } }, '1015', 'untrusted_ca'],
    ['verify 20, leaf only', { tls: { verify_code: 20, chain_length: 1, peer_certificate: leaf } }, '1015', 'incomplete_chain'],
    ['verify 20, full chain', { tls: { verify_code: 20, chain_length: 2, peer_certificate: leaf } }, '1015', 'untrusted_ca'],
    ['verify 21, no chain facts', { tls: { verify_code: 21 } }, '1015', 'incomplete_chain'],
    ['verify 20, self-signed leaf', { tls: { verify_code: 20, chain_length: 1, peer_certificate: { ...leaf, issuer: leaf.subject } } }, '1015', 'self_signed'],
    ['alert 45', { tls: { alert: 45, alert_direction: 'received' } }, '1015', 'cert_expired'],
    ['alert 48 by name', { tls: { alert: 'unknown_ca' } }, '1015', 'untrusted_ca'],
    ['alert 70', { tls: { alert: 'protocol_version' } }, '1015', 'tls_version_mismatch'],
    ['alert 40 alone', { tls: { alert: 40 } }, '1015', 'cipher_mismatch'],
    ['alert 40 with TLSv1', { tls: { alert: 40, version: 'TLSv1' } }, '1015', 'tls_version_mismatch'],
    ['alert 40 with a version text', { tls: { alert: 40 }, error: { message: 'handshake failed: peer does not support protocol version' } }, '1015', 'tls_version_mismatch'],
    ['alert 42 alone', { tls: { alert: 42 } }, '1015', 'tls_unknown'],
    ['alert 42 and expired dates', { tls: { alert: 42, peer_certificate: { ...leaf, not_after: daysFromEvent(-1) } } }, '1015', 'cert_expired'],
    ['expired by dates only', { close: { code: 1006 }, tls: { peer_certificate: { ...leaf, not_after: daysFromEvent(-2) } } }, '1015', 'cert_expired'],
    ['not yet valid by dates only', { close: { code: 1006 }, tls: { peer_certificate: { ...leaf, not_before: daysFromEvent(3) } } }, '1015', 'cert_not_yet_valid'],
    ['self-signed flag', { close: { code: 1006 }, tls: { peer_certificate: { ...leaf, self_signed: true } } }, '1015', 'self_signed'],
    ['SAN does not cover the host', { close: { code: 1006 }, tls: { peer_certificate: { ...leaf, san: ['DNS:*.other.com'] } } }, '1015', 'hostname_mismatch'],
    ['wildcard SAN covers the host', { close: { code: 1006 }, tls: { version: 'TLSv1.3', peer_certificate: { ...leaf, san: ['DNS:*.example.com'] } } }, '1015', 'tls_unknown'],
    ['verify code beats dates', { tls: { verify_code: 62, peer_certificate: { ...leaf, not_after: daysFromEvent(-1) } } }, '1015', 'hostname_mismatch'],
    ['Go text decided by dates', { error: { message: 'x509: certificate has expired or is not yet valid' }, tls: { peer_certificate: { ...leaf, not_before: daysFromEvent(1) } } }, '1015', 'cert_not_yet_valid'],
    ['Java PKIX with leaf only', { error: { message: 'PKIX path building failed' }, tls: { chain_length: 1, peer_certificate: leaf } }, '1015', 'incomplete_chain'],
    ['1006 on wss with a TLS hint', { close: { code: 1006 }, tls: { version: 'TLSv1.2' } }, '1015', 'tls_unknown'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });

  it('confidence follows the evidence strength', () => {
    expect(check({ tls: { verify_code: 10 } }).confidence).toBeGreaterThanOrEqual(0.9);
    expect(check({ tls: { verify_code: 20 } }).confidence).toBeLessThanOrEqual(0.6);
    expect(check({ tls: { verify_code: 20, chain_length: 1, peer_certificate: leaf } }).confidence).toBeGreaterThanOrEqual(0.8);
    expect(check({ close: { code: 1006 }, tls: { version: 'TLSv1.2' } }).confidence).toBeLessThanOrEqual(0.3);
  });

  it('compares certificate dates with the event ts, not the wall clock', () => {
    const expiredLongAgo = { ...leaf, not_before: Date.parse('2001-01-01T00:00:00Z'), not_after: Date.parse('2002-01-01T00:00:00Z') };
    const atTheTime = classify(event({ ts: Date.parse('2001-06-01T00:00:00Z'), close: { code: 1006 }, tls: { version: 'TLSv1.2', peer_certificate: { ...expiredLongAgo, san: ['DNS:api.example.com'] } } }));
    expect(atTheTime.cause).toBe('tls_unknown');
  });
});

describe('1010 from the handshake', () => {
  const hs = (request: string, response: string, required: string[] = ['permessage-deflate']) => ({
    handshake: { status: 101, request_extensions: request, response_extensions: response, required_extensions: required },
  });
  it.each<Case>([
    ['required and absent', hs('permessage-deflate; client_max_window_bits', ''), '1010', 'extension_not_negotiated'],
    ['required, other extension answered', hs('permessage-deflate, x-foo', 'x-foo'), '1010', 'extension_not_negotiated'],
    ['window bits out of range', hs('permessage-deflate', 'permessage-deflate; server_max_window_bits=7'), '1010', 'extension_params_rejected'],
    ['client_max_window_bits not offered', hs('permessage-deflate', 'permessage-deflate; client_max_window_bits=10'), '1010', 'extension_params_rejected'],
    ['malformed response', hs('permessage-deflate', 'permessage-deflate; server_max_window_bits="1'), '1010', 'extension_params_rejected'],
    ['offered, not required, answered with invalid params', hs('permessage-deflate', 'permessage-deflate; server_max_window_bits=16', []), '1010', 'extension_params_rejected'],
    // RFC 6455 §9.1: the unoffered answer fails the connection whatever else is missing (issue 11).
    ['required and absent, unoffered extension answered', hs('permessage-deflate', 'x-webkit-deflate-frame'), '1010', 'extension_params_rejected'],
    // RFC 6455 §9.1: an extension in the answer that the client never offered fails the connection.
    ['nothing offered, an extension answered', hs('', 'permessage-deflate', []), '1010', 'extension_params_rejected'],
    ['offered one, another answered', hs('permessage-deflate', 'x-custom-compress; level=3', []), '1010', 'extension_params_rejected'],
    ['duplicate extension in the answer', hs('permessage-deflate', 'permessage-deflate, permessage-deflate', []), '1010', 'extension_params_rejected'],
    ['close 1010 from the client', { outcome: 'closed', close: { code: 1010, reason: 'permessage-deflate required', initiator: 'client', on_wire: true } }, '1010', 'extension_not_negotiated'],
    ['close 1010 naming parameters', { outcome: 'closed', close: { code: 1010, reason: 'invalid server_max_window_bits', initiator: 'client', on_wire: true } }, '1010', 'extension_params_rejected'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('an unoffered extension the client went on with is not 1010', () => {
    const result = check({ outcome: 'connected', ...hs('', 'permessage-deflate', []) });
    expect(result).toMatchObject({ attribution: 'none', cause: 'connected' });
  });

  it('extension words in a session that opened and closed are no negotiation failure', () => {
    const result = check({ outcome: 'closed', handshake: { status: 101 }, close: { code: 1002, initiator: 'client', on_wire: true }, error: { message: 'invalid extension' } });
    expect(result.attribution).not.toBe('1010');
  });

  it('a valid negotiation is not 1010', () => {
    const result = check({ outcome: 'connected', ...hs('permessage-deflate; client_max_window_bits', 'permessage-deflate; client_max_window_bits=15') });
    expect(result).toMatchObject({ attribution: 'none', cause: 'connected' });
  });

  // A client that tolerated an invalid answer and then closed normally did not fail on it (corpus-node-42).
  it.each<Case>([
    ['closed 1000 without an error', { outcome: 'closed', close: { code: 1000, initiator: 'client', on_wire: true } }, 'none', 'normal_closure'],
    ['closed 1001 without an error', { outcome: 'closed', close: { code: 1001, initiator: 'server', on_wire: true } }, 'none', 'going_away'],
    ['closed 1002 after it', { outcome: 'closed', close: { code: 1002, initiator: 'client', on_wire: true } }, '1010', 'extension_params_rejected'],
    ['closed 1000 with an error', { outcome: 'closed', close: { code: 1000, initiator: 'client', on_wire: true }, error: { message: 'Invalid Sec-WebSocket-Extensions header' } }, '1010', 'extension_params_rejected'],
    ['failed', { outcome: 'failed' }, '1010', 'extension_params_rejected'],
  ])('invalid offered-not-required answer, %s', (_label, input, attribution, cause) => {
    const result = check({ ...input, ...hs('permessage-deflate; client_max_window_bits', 'permessage-deflate; server_no_context_takeover; server_no_context_takeover', []) });
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });

  it('1010 from a server is a violation, not an extension failure', () => {
    const result = check({ outcome: 'closed', close: { code: 1010, initiator: 'server', on_wire: true } });
    expect(result.attribution).toBe('other');
    expect(result.violations).toContain('close_code_1010_sent_by_server');
  });
});

describe('HTTP status answered by a proxy', () => {
  const upstreamExpired = { message: 'AH02276: Certificate Verification: Error (10): certificate has expired' };
  it('a proxy 500 after its upstream TLS failed does not hide the TLS failure', () => {
    const result = check({ source: { kind: 'proxy', service: 'apache' }, target: { url: 'ws://edge.example.com/' }, handshake: { status: 500 }, error: upstreamExpired });
    expect(result).toMatchObject({ attribution: '1015', cause: 'cert_expired' });
  });
  it("a server's own 500 means its TLS handshake completed: an HTTP refusal", () => {
    const result = check({ source: { kind: 'client', service: 'web' }, handshake: { status: 500 }, error: upstreamExpired });
    expect(result.attribution).toBe('other');
  });
  it('a proxy 403 is still an HTTP refusal', () => {
    const result = check({ source: { kind: 'proxy', service: 'apache' }, target: { url: 'ws://edge.example.com/' }, handshake: { status: 403 } });
    expect(result).toMatchObject({ attribution: 'other', cause: 'http_rejected' });
  });
});

describe('resets', () => {
  const reset = { error: { message: 'read tcp 127.0.0.1:39500->127.0.0.1:10500: read: connection reset by peer' } };
  it('a reset before the upgrade completed is a network reset', () => {
    expect(check({ ...reset, target: { url: 'ws://api.example.com/socket' } })).toMatchObject({ attribution: 'other', cause: 'network_reset' });
  });
  it('a reset after a 101 dropped an open connection: abnormal closure, saying why', () => {
    const result = check({ ...reset, target: { url: 'ws://api.example.com/socket' }, handshake: { status: 101 } });
    expect(result).toMatchObject({ attribution: 'other', cause: 'abnormal_closure' });
    expect(result.evidence[0]?.detail).toContain('the upgrade had completed (HTTP 101)');
  });
});

describe('hard negatives are neither 1015 nor 1010', () => {
  it.each<Case>([
    ['ECONNREFUSED on wss', { error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.1:443' } }, 'other', 'connection_refused'],
    ['DNS failure on wss', { error: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND api.example.com' } }, 'other', 'dns_failure'],
    ['HTTP 403 on upgrade', { handshake: { status: 403 } }, 'other', 'http_rejected'],
    ['HTTP 404 on upgrade with extensions required', { handshake: { status: 404, response_extensions: '', required_extensions: ['permessage-deflate'] } }, 'other', 'http_rejected'],
    ['HTTP 401', { handshake: { status: 401 } }, 'other', 'http_auth_rejected'],
    ['HTTP 407', { handshake: { status: 407 } }, 'other', 'http_auth_rejected'],
    ['1006 on ws://', { target: { url: 'ws://api.example.com/' }, outcome: 'closed', close: { code: 1006 } }, 'other', 'abnormal_closure'],
    ['bare 1006 on wss:// without TLS hint', { outcome: 'closed', close: { code: 1006 } }, 'other', 'abnormal_closure'],
    ['1009', { outcome: 'closed', close: { code: 1009, on_wire: true, initiator: 'server' } }, 'other', 'message_too_big'],
    ['subprotocol mismatch', { error: { message: 'Server sent no subprotocol' }, handshake: { status: 101 } }, 'other', 'subprotocol_mismatch'],
    ['1000', { outcome: 'closed', close: { code: 1000, on_wire: true } }, 'none', 'normal_closure'],
    ['1001', { outcome: 'closed', close: { code: 1001, on_wire: true } }, 'none', 'going_away'],
    ['connected', { outcome: 'connected', handshake: { status: 101 } }, 'none', 'connected'],
    ['1011', { outcome: 'closed', close: { code: 1011, on_wire: true } }, 'other', 'server_error'],
    ['1012', { outcome: 'closed', close: { code: 1012, on_wire: true } }, 'other', 'service_restart'],
    ['1013', { outcome: 'closed', close: { code: 1013, on_wire: true } }, 'other', 'service_restart'],
    ['1002', { outcome: 'closed', close: { code: 1002, on_wire: true } }, 'other', 'protocol_error'],
    ['1007', { outcome: 'closed', close: { code: 1007, on_wire: true } }, 'other', 'protocol_error'],
    ['1008', { outcome: 'closed', close: { code: 1008, on_wire: true } }, 'other', 'policy_violation'],
    ['Envoy 503 for an upstream refusal', { handshake: { status: 503 }, error: { message: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111' } }, 'other', 'connection_refused'],
    ['Go close error with 1000', { outcome: 'closed', close: { code: 1000, on_wire: true, initiator: 'server' }, error: { message: 'websocket: close 1000 (normal)' } }, 'none', 'normal_closure'],
    ['expired cert but connected', { outcome: 'connected', handshake: { status: 101 }, tls: { peer_certificate: { ...leaf, not_after: daysFromEvent(-1) } } }, 'none', 'connected'],
    ['failed with nothing', {}, 'other', 'unknown_failure'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('result contract', () => {
  const samples: Partial<TelemetryEventInput>[] = [
    { tls: { verify_code: 10 } },
    { handshake: { status: 403 } },
    { outcome: 'closed', close: { code: 1006, on_wire: true } },
    { outcome: 'connected' },
    {},
  ];
  it.each(samples.map((sample, i) => [i, sample] as const))('sample %i validates against the classification schema', (_i, sample) => {
    const result = check(sample);
    expect(classificationSchema.safeParse(result).success).toBe(true);
    expect(result.event_id).toBe('e1');
    expect(result.remediation.length).toBeGreaterThan(20);
    for (const item of result.evidence) expect(item.detail).toMatch(/rule|matched/);
  });

  it('reports violations alongside any attribution', () => {
    expect(check({ outcome: 'closed', close: { code: 1006, on_wire: true } }).violations).toEqual(['close_code_1006_on_wire']);
  });

  it.each([
    ['1015 in a frame', { code: 1015, on_wire: true }, 'close_code_1015_on_wire'],
    ['1004', { code: 1004, on_wire: true }, 'close_code_reserved:1004'],
    ['2500', { code: 2500, on_wire: true }, 'close_code_invalid:2500'],
  ] as const)('a code that must not be on the wire (%s) is other/protocol_error', (_label, close, violation) => {
    const result = check({ outcome: 'closed', close });
    expect(result).toMatchObject({ attribution: 'other', cause: 'protocol_error', violations: [violation] });
  });

  // A 1005 read from a Close frame is a Close frame without a status (RFC 6455 §7.1.5), a clean close by convention 2 on a
  // session that opened (round 13); the violation list still reports it, and a failed attempt keeps the breach reading.
  it('a 1005 read from a Close frame is a breach on a closed session as on a failed one (on_wire: the code came in the frame)', () => {
    expect(check({ outcome: 'closed', close: { code: 1005, on_wire: true } })).toMatchObject({ attribution: 'other', cause: 'protocol_error', violations: ['close_code_1005_on_wire'] });
    expect(check({ outcome: 'failed', close: { code: 1005, on_wire: true } })).toMatchObject({ attribution: 'other', cause: 'protocol_error', violations: ['close_code_1005_on_wire'] });
  });

  it('exports a version', () => expect(CLASSIFIER_VERSION).toMatch(/^\d+\.\d+\.\d+$/));

  it('breaks confidence ties by registry order', () => {
    const fixed = (attribution: Candidate['attribution'], cause: Candidate['cause']): Classifier => ({
      name: attribution,
      attribution,
      classify: () => ({ attribution, cause, confidence: 0.5, findings: [], remediation: 'x' }),
    });
    const a = fixed('1015', 'tls_unknown');
    const b = fixed('other', 'abnormal_closure');
    expect(classify(event(), [a, b]).attribution).toBe('1015');
    expect(classify(event(), [b, a]).attribution).toBe('other');
  });
});
