// Turns one probe observation (probe-connection.ts) into a telemetry event v1 with source.kind
// "probe". Pure: the caller passes the event id and the probe's identity. The probe judges the
// handshake as a strict client would (verify, hostname, Sec-WebSocket-Accept, required extensions)
// and reports every fact it saw, so the classifier decides the cause from evidence, not from the probe.
import { parseExtensions, permessageDeflateResponseProblem, type ExtensionOffer } from '../analyzers/extensions.js';
import type { TelemetryEventInput } from '../schemas/telemetry-event.js';
import type { CertificateSeen, ErrorSeen, ProbeObservation } from './probe-connection.js';

export interface ProbeIdentity {
  eventId: string;
  service: string;
  instance?: string;
  region?: string;
  runtime: string;
  requestExtensions: string;
  requiredExtensions: readonly string[];
  /** Set when a second pass found the only cipher suites the server accepts (probe-connection.ts). */
  cipherOutsideOffer?: { cipher: string; version: string };
}

type Tls = NonNullable<TelemetryEventInput['tls']>;
type ChainEntry = NonNullable<Tls['chain']>[number];

const iso = (ms: number): string => new Date(ms).toISOString();

function chainEntry(c: CertificateSeen): ChainEntry {
  return {
    subject: c.subject,
    issuer: c.issuer,
    not_before: iso(c.notBeforeMs),
    not_after: iso(c.notAfterMs),
    self_signed: c.selfSigned,
    ca: c.ca,
    san: c.san,
    fingerprint_sha256: c.fingerprintSha256,
  };
}

/** Why a strict client requiring these extensions would fail the connection, or undefined. */
export function extensionProblem(requestExtensions: string, responseExtensions: string, required: readonly string[]): string | undefined {
  if (required.length === 0) return undefined;
  const response = parseExtensions(responseExtensions);
  if (!response.ok) return `malformed Sec-WebSocket-Extensions: ${response.error}`;
  const request = parseExtensions(requestExtensions);
  const offers: readonly ExtensionOffer[] = request.ok ? request.extensions : [];
  for (const name of required.map((r) => r.trim().toLowerCase())) {
    const answer = response.extensions.find((e) => e.name === name);
    if (!answer) return `${name} required but not negotiated`;
    const problem = name === 'permessage-deflate' ? permessageDeflateResponseProblem(answer, offers) : undefined;
    if (problem) return `${name} response rejected: ${problem}`;
  }
  return undefined;
}

const errorField = (e: ErrorSeen | undefined, extra?: string): TelemetryEventInput['error'] =>
  e && { ...(e.name ? { name: e.name } : {}), ...(e.code ? { code: e.code } : {}), message: extra ? `${e.message}; ${extra}` : e.message };

function tlsField(obs: ProbeObservation): TelemetryEventInput['tls'] {
  const tls = obs.tls;
  if (!tls) return undefined;
  const leaf = tls.chain[0];
  return {
    ...(tls.version ? { version: tls.version } : {}),
    ...(tls.cipher ? { cipher: tls.cipher } : {}),
    ...(tls.alpn ? { alpn: tls.alpn } : {}),
    ...(tls.authorizationError ? { verify_code: tls.authorizationError } : {}),
    ...(leaf ? { peer_certificate: { subject: leaf.subject, issuer: leaf.issuer, not_before: iso(leaf.notBeforeMs), not_after: iso(leaf.notAfterMs), self_signed: leaf.selfSigned, san: leaf.san } } : {}),
    chain_length: tls.chain.length,
    chain: tls.chain.map(chainEntry),
  };
}

/**
 * The TLS alert the server sent, from Node's error code (ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION →
 * protocol_version, received): OpenSSL names alerts as RFC 8446 §6 does.
 */
export function receivedAlert(error: ErrorSeen | undefined): TelemetryEventInput['tls'] {
  const name = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)$/.exec(error?.code ?? '')?.[1];
  return name ? { alert: name.toLowerCase(), alert_direction: 'received' } : undefined;
}

export function probeEvent(obs: ProbeObservation, id: ProbeIdentity): TelemetryEventInput {
  const base = {
    event_id: id.eventId,
    ts: obs.endedAtMs,
    source: {
      kind: 'probe' as const,
      service: id.service,
      runtime: id.runtime,
      ...(id.instance ? { instance: id.instance } : {}),
      ...(id.region ? { region: id.region } : {}),
    },
    target: { url: obs.url },
    timing: obs.timing,
  };
  const tls = tlsField(obs) ?? receivedAlert(obs.transportError);
  const withTls = tls ? { tls } : {};
  if (obs.transportError) {
    const diagnosis = id.cipherOutsideOffer
      ? `no shared cipher: the server agreed only to ${id.cipherOutsideOffer.cipher} (${id.cipherOutsideOffer.version}) once offered every suite OpenSSL has, which the probe's cipher list does not include`
      : undefined;
    return { ...base, ...withTls, outcome: 'failed', error: errorField(obs.transportError, diagnosis) };
  }
  const verify = obs.tls?.authorizationError;
  const hostname = obs.tls?.hostnameError;
  if (verify || hostname) {
    // Node's authorizationError is a bare code; checkServerIdentity() also gives a message.
    const error = hostname && !verify ? hostname : { code: verify!, message: hostname ? `${verify}; ${hostname.message}` : verify! };
    return { ...base, ...withTls, outcome: 'failed', error: errorField(error) };
  }
  const up = obs.upgrade;
  const handshake = {
    ...(up ? { status: up.status } : {}),
    request_extensions: id.requestExtensions,
    ...(up?.status === 101 ? { response_extensions: up.headers['sec-websocket-extensions'] ?? '' } : {}),
    ...(id.requiredExtensions.length ? { required_extensions: [...id.requiredExtensions] } : {}),
  };
  if (!up) return { ...base, ...withTls, outcome: 'failed', handshake, error: errorField(obs.upgradeError ?? { message: 'no upgrade response' }) };
  if (up.status !== 101) return { ...base, ...withTls, outcome: 'failed', handshake, error: { message: `Unexpected server response: ${up.status}` } };
  if (!up.acceptValid) return { ...base, ...withTls, outcome: 'failed', handshake, error: { message: 'Invalid Sec-WebSocket-Accept header' } };
  const problem = extensionProblem(id.requestExtensions, handshake.response_extensions ?? '', id.requiredExtensions);
  // @see RFC 6455 §7.4.1: 1010 is the client's close code for an extension the server did not agree.
  if (problem) return { ...base, ...withTls, outcome: 'failed', handshake, close: { code: 1010, reason: problem.slice(0, 120), initiator: 'client', on_wire: true } };
  return { ...base, ...withTls, outcome: 'connected', handshake };
}
