// Reproductions on loopback: real TLS/WebSocket servers, real clients (Node ws, a Node TLS probe,
// curl, openssl s_client, Python ssl, the server's own TLS error), each report turned into a
// telemetry event v1 the way an emitter would, validated, classified, and checked against the cause
// the scenario was built to produce. See docs/reproductions.md for the texts these runs print.
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { classificationSchema, type Attribution, type Cause } from '../../../schemas/classification.js';
import { telemetryEventSchema } from '../../../schemas/telemetry-event.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import type { ClientId } from './clients.js';
import { removeTestPki } from '../../support/certs.js';
import { binaryVersion, clientBinaries, createHarness } from './harness.js';
import { clientsFor, scenarios, type ScenarioId } from './scenarios.js';

/**
 * strong: decisive evidence (verify code, Node error code, alert, headers): confidence ≥ 0.8.
 * decided: the cause is pinned but the evidence is one step removed: no confidence floor.
 * ambiguous: the client cannot tell the causes listed apart (e.g. "unable to get local issuer
 *   certificate" without chain details): any of them, with confidence < 0.8.
 */
type Strength = 'strong' | 'decided' | 'ambiguous';
type Row = [label: string, scenario: ScenarioId, client: ClientId, attribution: Attribution, cause: Cause | readonly Cause[], strength: Strength];

const certClients = ['node-ws', 'node-probe', 'curl', 'openssl', 'python'] as const;
const each = (scenario: ScenarioId, what: string, attribution: Attribution, cause: Cause, strength: Strength): Row[] =>
  certClients.map((client) => [`${what} · ${client}`, scenario, client, attribution, cause, strength]);
const issuerUnknown = ['untrusted_ca', 'incomplete_chain'] as const;
const handshakeFailureAlert = ['cipher_mismatch', 'tls_unknown'] as const;

const rows: Row[] = [
  ['valid chain · node-ws (closes 1000)', 'tls-valid', 'node-ws', 'none', 'normal_closure', 'strong'],
  ['valid chain · node-probe', 'tls-valid', 'node-probe', 'none', 'connected', 'strong'],
  ['valid chain · curl (101)', 'tls-valid', 'curl', 'none', 'connected', 'strong'],
  ['valid chain · openssl', 'tls-valid', 'openssl', 'none', 'connected', 'strong'],
  ['valid chain · python (101)', 'tls-valid', 'python', 'none', 'connected', 'strong'],
  ...each('tls-expired', 'expired leaf', '1015', 'cert_expired', 'strong'),
  ...each('tls-not-yet-valid', 'not-yet-valid leaf', '1015', 'cert_not_yet_valid', 'strong'),
  ...each('tls-self-signed', 'self-signed leaf', '1015', 'self_signed', 'strong'),
  ...each('tls-untrusted-root', 'untrusted root sent in chain', '1015', 'untrusted_ca', 'strong'),
  ...each('tls-wrong-host', 'SAN wrong.example', '1015', 'hostname_mismatch', 'strong'),
  ...each('tls-version', 'server TLS 1.3 only, client max 1.2', '1015', 'tls_version_mismatch', 'strong'),
  ['server TLS 1.3 only · server-log', 'tls-version', 'server-log', '1015', 'tls_version_mismatch', 'strong'],
  // Leaf + intermediate of an untrusted PKI: only the probe sees that a chain was sent.
  ['untrusted intermediate chain · node-ws', 'tls-untrusted-chain', 'node-ws', '1015', issuerUnknown, 'ambiguous'],
  ['untrusted intermediate chain · node-probe', 'tls-untrusted-chain', 'node-probe', '1015', 'untrusted_ca', 'decided'],
  ['untrusted intermediate chain · curl', 'tls-untrusted-chain', 'curl', '1015', issuerUnknown, 'ambiguous'],
  ['untrusted intermediate chain · openssl', 'tls-untrusted-chain', 'openssl', '1015', issuerUnknown, 'ambiguous'],
  ['untrusted intermediate chain · python', 'tls-untrusted-chain', 'python', '1015', issuerUnknown, 'ambiguous'],
  // Leaf without its intermediate: Node names it (UNABLE_TO_VERIFY_LEAF_SIGNATURE); OpenSSL-based
  // curl, s_client and Python stop at verify error 20, the same text as an untrusted CA.
  ['missing intermediate · node-ws', 'tls-incomplete-chain', 'node-ws', '1015', 'incomplete_chain', 'decided'],
  ['missing intermediate · node-probe', 'tls-incomplete-chain', 'node-probe', '1015', 'incomplete_chain', 'decided'],
  ['missing intermediate · curl', 'tls-incomplete-chain', 'curl', '1015', issuerUnknown, 'ambiguous'],
  ['missing intermediate · openssl', 'tls-incomplete-chain', 'openssl', '1015', issuerUnknown, 'ambiguous'],
  ['missing intermediate · python', 'tls-incomplete-chain', 'python', '1015', issuerUnknown, 'ambiguous'],
  // No shared cipher: clients only get handshake_failure (alert 40); the server names the cause.
  ...certClients.map((client): Row => [`disjoint ciphers · ${client}`, 'tls-cipher', client, '1015', handshakeFailureAlert, 'ambiguous']),
  ['disjoint ciphers · server-log', 'tls-cipher', 'server-log', '1015', 'cipher_mismatch', 'strong'],
  ['server without permessage-deflate · node-ws (closes 1010)', 'ws-no-deflate', 'node-ws', '1010', 'extension_not_negotiated', 'strong'],
  ['server without permessage-deflate · curl', 'ws-no-deflate', 'curl', '1010', 'extension_not_negotiated', 'strong'],
  ['server without permessage-deflate · python', 'ws-no-deflate', 'python', '1010', 'extension_not_negotiated', 'strong'],
  ['server_max_window_bits=7 · node-ws', 'ws-bad-server-window-bits', 'node-ws', '1010', 'extension_params_rejected', 'strong'],
  ['unoffered client_max_window_bits=10 · node-ws', 'ws-unoffered-client-window-bits', 'node-ws', '1010', 'extension_params_rejected', 'strong'],
  ['closed port · node-ws', 'ws-refused', 'node-ws', 'other', 'connection_refused', 'strong'],
  ['closed port · curl', 'ws-refused', 'curl', 'other', 'connection_refused', 'strong'],
  ['closed port · openssl', 'ws-refused', 'openssl', 'other', 'connection_refused', 'strong'],
  ['closed port · python', 'ws-refused', 'python', 'other', 'connection_refused', 'strong'],
  ['upgrade answered 403 · node-ws', 'wss-forbidden', 'node-ws', 'other', 'http_rejected', 'strong'],
  ['upgrade answered 403 · curl', 'wss-forbidden', 'curl', 'other', 'http_rejected', 'strong'],
  ['upgrade answered 403 · python', 'wss-forbidden', 'python', 'other', 'http_rejected', 'strong'],
  ['ws:// socket destroyed (1006) · node-ws', 'ws-drop', 'node-ws', 'other', 'abnormal_closure', 'decided'],
  ['maxPayload exceeded (1009) · node-ws', 'ws-max-payload', 'node-ws', 'other', 'message_too_big', 'strong'],
  ['no subprotocol selected · node-ws', 'ws-subprotocol', 'node-ws', 'other', 'subprotocol_mismatch', 'strong'],
  ['normal close (1000) · node-ws', 'ws-normal-close', 'node-ws', 'none', 'normal_closure', 'strong'],
];

type EventShape = { [K in keyof TelemetryEventInput]?: unknown };
const verifyFailed = (verify_code: number, text: string): EventShape => ({
  tls: { verify_code },
  error: { message: expect.stringContaining(text) },
});
const curlVerify = (text: string): EventShape => ({ error: { code: 60, message: `curl: (60) SSL certificate problem: ${text}` } });
const nodeCode = (code: string, message: string | RegExp): EventShape => ({
  error: { code, message: typeof message === 'string' ? message : expect.stringMatching(message) },
});

/** What each client printed in the key cells, pinned so a changed stack shows up here first. */
const reproducedEvidence: Record<string, EventShape> = {
  'tls-expired node-ws': nodeCode('CERT_HAS_EXPIRED', 'certificate has expired'),
  'tls-expired node-probe': { error: { code: 'CERT_HAS_EXPIRED' }, tls: { peer_certificate: { not_after: expect.any(String) } } },
  'tls-expired curl': curlVerify('certificate has expired'),
  'tls-expired openssl': verifyFailed(10, 'verify error:num=10:certificate has expired'),
  'tls-expired python': verifyFailed(10, 'certificate verify failed: certificate has expired'),
  'tls-not-yet-valid node-ws': nodeCode('CERT_NOT_YET_VALID', 'certificate is not yet valid'),
  'tls-not-yet-valid openssl': verifyFailed(9, 'certificate is not yet valid'),
  'tls-self-signed node-ws': nodeCode('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
  'tls-self-signed node-probe': { tls: { chain_length: 1, peer_certificate: { self_signed: true } } },
  'tls-self-signed openssl': verifyFailed(18, 'self-signed certificate'),
  'tls-untrusted-root node-ws': nodeCode('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
  'tls-untrusted-root python': verifyFailed(19, 'self-signed certificate in certificate chain'),
  'tls-untrusted-chain node-ws': nodeCode('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate'),
  'tls-untrusted-chain node-probe': { tls: { chain_length: 2, peer_certificate: { self_signed: false } } },
  'tls-untrusted-chain openssl': verifyFailed(20, 'unable to get local issuer certificate'),
  'tls-incomplete-chain node-ws': nodeCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
  'tls-incomplete-chain node-probe': { tls: { chain_length: 1, peer_certificate: { self_signed: false } } },
  'tls-incomplete-chain curl': curlVerify('unable to get local issuer certificate'),
  'tls-incomplete-chain python': verifyFailed(20, 'unable to get local issuer certificate'),
  'tls-wrong-host node-ws': nodeCode('ERR_TLS_CERT_ALTNAME_INVALID', /^Hostname\/IP does not match certificate's altnames/),
  'tls-wrong-host curl': { error: { code: 60, message: expect.stringContaining('no alternative certificate subject name matches') } },
  'tls-wrong-host openssl': verifyFailed(62, 'hostname mismatch'),
  'tls-wrong-host python': verifyFailed(62, 'Hostname mismatch'),
  'tls-version node-ws': nodeCode('EPROTO', /tlsv1 alert protocol version.*SSL alert number 70/),
  'tls-version node-probe': nodeCode('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', /tlsv1 alert protocol version/),
  'tls-version server-log': nodeCode('ERR_SSL_UNSUPPORTED_PROTOCOL', /unsupported protocol/),
  'tls-cipher node-ws': nodeCode('EPROTO', /sslv3 alert handshake failure.*SSL alert number 40/),
  'tls-cipher curl': { error: { code: 35, message: expect.stringContaining('sslv3 alert handshake failure') } },
  'tls-cipher server-log': nodeCode('ERR_SSL_NO_SHARED_CIPHER', /no shared cipher/),
  'ws-no-deflate node-ws': {
    handshake: { status: 101, request_extensions: 'permessage-deflate; client_max_window_bits', response_extensions: '' },
    close: { code: 1010, on_wire: true, initiator: 'client' },
  },
  'ws-no-deflate python': { handshake: { status: 101, response_extensions: '' } },
  'ws-bad-server-window-bits node-ws': {
    handshake: { response_extensions: 'permessage-deflate; server_max_window_bits=7' },
    error: { message: 'Invalid Sec-WebSocket-Extensions header' },
  },
  'ws-unoffered-client-window-bits node-ws': {
    handshake: { request_extensions: 'permessage-deflate', response_extensions: 'permessage-deflate; client_max_window_bits=10' },
    error: { message: 'Invalid Sec-WebSocket-Extensions header' },
  },
  'ws-refused node-ws': nodeCode('ECONNREFUSED', /^connect ECONNREFUSED 127\.0\.0\.1:\d+$/),
  'ws-refused curl': { error: { code: 7, message: expect.stringContaining("Couldn't connect to server") } },
  'ws-refused python': { error: { name: 'ConnectionRefusedError', message: '[Errno 111] Connection refused' } },
  'wss-forbidden node-ws': { error: { message: 'Unexpected server response: 403' } },
  'wss-forbidden curl': { outcome: 'failed', handshake: { status: 403 } },
  'ws-drop node-ws': { outcome: 'closed', close: { code: 1006, on_wire: false } },
  'ws-max-payload node-ws': { close: { code: 1009, on_wire: true, initiator: 'server' } },
  'ws-subprotocol node-ws': { error: { message: 'Server sent no subprotocol' } },
  'ws-normal-close node-ws': { outcome: 'closed', close: { code: 1000, reason: 'done', on_wire: true } },
};

const installed = new Map<ClientId, boolean>();
for (const [client, binary] of Object.entries(clientBinaries) as [ClientId, string][]) {
  installed.set(client, (await binaryVersion(binary)) !== undefined);
}
const missingBinary = (client: ClientId): boolean => installed.get(client) === false;

describe('reproduction matrix', () => {
  it('covers every scenario with exactly the clients that apply to it', () => {
    const tested = rows.map(([, scenario, client]) => `${scenario} ${client}`).sort();
    const planned = scenarios.flatMap((s) => clientsFor(s).map((client) => `${s.id} ${client}`)).sort();
    expect(tested).toEqual(planned);
  });
});

describe('reproductions on loopback: real client evidence → classify', () => {
  const harness = createHarness();
  afterAll(async () => {
    await harness.close();
    await removeTestPki();
  });

  it.concurrent.for(rows)('%s', async ([, scenario, client, attribution, cause, strength], { expect, skip }) => {
    if (missingBinary(client)) skip(`${clientBinaries[client]} is not installed`);
    const { event } = await harness.reproduce(scenario, client);
    // The scenario reproduced what it was built for, whatever the engine concludes.
    const reproduced = reproducedEvidence[`${scenario} ${client}`];
    if (reproduced) expect(event, JSON.stringify(event)).toMatchObject(reproduced);

    const parsed = telemetryEventSchema.safeParse(event);
    expect(parsed.error?.issues, 'event v1 validates').toBeUndefined();
    if (!parsed.success) return;

    const result = classificationSchema.parse(classify(parsed.data));
    const context = `event: ${JSON.stringify(event)}\nresult: ${JSON.stringify(result)}`;
    expect(result.event_id).toBe(event.event_id);
    expect(result.attribution, context).toBe(attribution);
    const accepted: readonly Cause[] = typeof cause === 'string' ? [cause] : cause;
    expect(accepted, context).toContain(result.cause);
    if (strength === 'strong') expect(result.confidence, context).toBeGreaterThanOrEqual(0.8);
    if (strength === 'ambiguous') expect(result.confidence, context).toBeLessThan(0.8);
    expect(result.evidence.length, context).toBeGreaterThan(0);
  });
});
