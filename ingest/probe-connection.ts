// One synthetic WebSocket handshake, as `wsdiag probe` makes it: TCP (and TLS for wss://), then a
// raw HTTP/1.1 upgrade (RFC 6455 §4.1), then a Close frame. Returns what it saw; probe-event.ts turns
// that into a telemetry event. Verification never aborts the handshake (rejectUnauthorized: false):
// the chain is read first, then judged (authorizationError, checkServerIdentity), so an expired or
// untrusted certificate is still reported in full.
import { randomBytes, X509Certificate } from 'node:crypto';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { expectedAccept } from '../analyzers/websocket-accept.js';

/** @see RFC 6455 §1.3: the GUID appended to Sec-WebSocket-Key before SHA-1. */
const MAX_RESPONSE_HEAD_BYTES = 16 * 1024;

export type TlsVersionName = 'TLSv1.2' | 'TLSv1.3';

export interface ProbeTarget {
  url: string;
  /** PEM of the CA certificates to trust instead of Node's bundle. */
  ca?: string;
  tlsMaxVersion?: TlsVersionName;
  tlsMinVersion?: TlsVersionName;
  /** OpenSSL cipher list for TLS ≤ 1.2; Node's default when absent. */
  ciphers?: string;
  /** Sec-WebSocket-Extensions to offer; "" offers none. */
  requestExtensions: string;
  timeoutMs: number;
}

export interface CertificateSeen {
  subject: string;
  issuer: string;
  notBeforeMs: number;
  notAfterMs: number;
  selfSigned: boolean;
  ca: boolean;
  san: string[];
  fingerprintSha256: string;
}

export interface ErrorSeen {
  name?: string;
  code?: string;
  message: string;
}

export interface ProbeObservation {
  url: string;
  startedAtMs: number;
  endedAtMs: number;
  timing: { connect_ms?: number; tls_ms?: number; upgrade_ms?: number; total_ms: number };
  /** TCP or TLS failure before any upgrade was sent. */
  transportError?: ErrorSeen;
  tls?: {
    version?: string;
    cipher?: string;
    alpn?: string;
    /** Node's verify result name (OpenSSL's X509_V_ERR_* without the prefix), e.g. CERT_HAS_EXPIRED. */
    authorizationError?: string;
    hostnameError?: ErrorSeen;
    chain: CertificateSeen[];
  };
  upgrade?: { status: number; headers: Record<string, string>; acceptValid: boolean };
  upgradeError?: ErrorSeen;
}

const errorSeen = (error: unknown): ErrorSeen => {
  const e = error as { name?: string; code?: string; message?: string };
  return { ...(e.name ? { name: e.name } : {}), ...(e.code ? { code: String(e.code) } : {}), message: e.message ?? String(error) };
};

function certificateSeen(raw: Buffer): CertificateSeen {
  const x509 = new X509Certificate(raw);
  return {
    subject: x509.subject.replace(/\n/g, ', '),
    issuer: x509.issuer.replace(/\n/g, ', '),
    notBeforeMs: Date.parse(x509.validFrom),
    notAfterMs: Date.parse(x509.validTo),
    // Not checkIssued(): a self-signed leaf lacks keyCertSign, which OpenSSL's issuer check demands.
    selfSigned: x509.subject === x509.issuer && x509.verify(x509.publicKey),
    ca: x509.ca,
    san: (x509.subjectAltName ?? '').split(', ').filter((entry) => entry !== ''),
    fingerprintSha256: x509.fingerprint256,
  };
}

/** Leaf first, then issuers as Node linked them (presented, completed from the trust store); stops at a self-issued one. */
export function chainOf(peer: DetailedPeerCertificate): CertificateSeen[] {
  const chain: CertificateSeen[] = [];
  const seen = new Set<string>();
  for (let cert: DetailedPeerCertificate | undefined = peer; cert?.raw && !seen.has(cert.fingerprint256) && chain.length < 16; cert = cert.issuerCertificate) {
    seen.add(cert.fingerprint256);
    chain.push(certificateSeen(cert.raw));
  }
  return chain;
}

/** The upgrade request of RFC 6455 §4.1, with the key whose accept value the response must echo. */
function upgradeRequest(url: URL, requestExtensions: string): { text: string; expectedAccept: string } {
  const key = randomBytes(16).toString('base64');
  const lines = [
    `GET ${url.pathname || '/'}${url.search} HTTP/1.1`,
    `Host: ${url.host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
    'User-Agent: wsdiag-probe',
    ...(requestExtensions ? [`Sec-WebSocket-Extensions: ${requestExtensions}`] : []),
  ];
  return { text: `${lines.join('\r\n')}\r\n\r\n`, expectedAccept: expectedAccept(key) };
}

/** Status line and headers (names lower-cased; repeated headers joined by ", " as RFC 9110 §5.3 allows). */
export function parseResponseHead(head: string): { status: number; headers: Record<string, string> } | undefined {
  const [statusLine, ...lines] = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
  if (!match) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status: Number(match[1]), headers };
}

/** A masked Close frame with status 1000 (RFC 6455 §5.5.1: client frames are masked). */
function closeFrame(code: number): Buffer {
  const mask = randomBytes(4);
  const payload = Buffer.from([code >> 8, code & 0xff]);
  for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
  return Buffer.concat([Buffer.from([0x88, 0x80 | payload.length]), mask, payload]);
}

const hostOf = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

/** Opens the transport; resolves once TCP (and TLS) are up or have failed. */
function openTransport(url: URL, target: ProbeTarget, t0: number, obs: ProbeObservation): Promise<Socket | undefined> {
  const secure = url.protocol === 'wss:';
  const host = hostOf(url);
  const port = Number(url.port || (secure ? 443 : 80));
  return new Promise((resolve) => {
    const socket: Socket | TLSSocket = secure
      ? tlsConnect({
          host,
          port,
          ...(isIP(host) ? {} : { servername: host }),
          rejectUnauthorized: false,
          ALPNProtocols: ['http/1.1'],
          ...(target.ca ? { ca: target.ca } : {}),
          ...(target.tlsMaxVersion ? { maxVersion: target.tlsMaxVersion } : {}),
          ...(target.tlsMinVersion ? { minVersion: target.tlsMinVersion } : {}),
          ...(target.ciphers ? { ciphers: target.ciphers } : {}),
        })
      : netConnect({ host, port });
    socket.setTimeout(target.timeoutMs, () => socket.destroy(Object.assign(new Error(`no answer within ${target.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    socket.once('connect', () => (obs.timing.connect_ms = Math.round(performance.now() - t0)));
    socket.once('error', (error) => {
      obs.transportError = errorSeen(error);
      resolve(undefined);
    });
    if (!secure) return void socket.once('connect', () => resolve(socket));
    const tlsSocket = socket as TLSSocket;
    tlsSocket.once('secureConnect', () => {
      obs.timing.tls_ms = Math.round(performance.now() - t0);
      const hostnameError = checkServerIdentity(host, tlsSocket.getPeerCertificate(true));
      const alpn = tlsSocket.alpnProtocol;
      obs.tls = {
        version: tlsSocket.getProtocol() ?? undefined,
        cipher: tlsSocket.getCipher()?.name,
        ...(typeof alpn === 'string' ? { alpn } : {}),
        ...(tlsSocket.authorizationError ? { authorizationError: String(tlsSocket.authorizationError) } : {}),
        ...(hostnameError ? { hostnameError: errorSeen(hostnameError) } : {}),
        chain: chainOf(tlsSocket.getPeerCertificate(true)),
      };
      tlsSocket.removeAllListeners('error');
      tlsSocket.on('error', () => {});
      resolve(tlsSocket);
    });
  });
}

/** Sends the upgrade and reads the response head; answers a 101 with a Close frame. */
function upgrade(socket: Socket, url: URL, target: ProbeTarget, t0: number, obs: ProbeObservation): Promise<void> {
  const { text, expectedAccept } = upgradeRequest(url, target.requestExtensions);
  return new Promise((resolve) => {
    let buffered = Buffer.alloc(0);
    const finish = (error?: unknown) => {
      if (error !== undefined) obs.upgradeError ??= errorSeen(error);
      socket.removeAllListeners('data');
      socket.destroy();
      resolve();
    };
    socket.on('error', finish);
    socket.on('close', () => finish(obs.upgrade ? undefined : Object.assign(new Error('connection closed before the upgrade response'), { code: 'ECONNRESET' })));
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buffered.length > MAX_RESPONSE_HEAD_BYTES) finish(new Error('upgrade response head too large'));
        return;
      }
      obs.timing.upgrade_ms = Math.round(performance.now() - t0);
      const head = parseResponseHead(buffered.subarray(0, end).toString('latin1'));
      if (!head) return finish(new Error(`not an HTTP response: ${JSON.stringify(buffered.subarray(0, 64).toString('latin1'))}`));
      obs.upgrade = { ...head, acceptValid: head.headers['sec-websocket-accept'] === expectedAccept };
      if (head.status === 101) socket.end(closeFrame(1000), () => finish());
      else finish();
    });
    socket.write(text);
  });
}

/** Verification failed: a client that verifies stops here, so the probe does not send the upgrade. */
const verificationFailed = (obs: ProbeObservation): boolean => obs.tls !== undefined && (obs.tls.authorizationError !== undefined || obs.tls.hostnameError !== undefined);

export async function probeOnce(target: ProbeTarget, now: () => number = Date.now): Promise<ProbeObservation> {
  const url = new URL(target.url);
  const t0 = performance.now();
  const obs: ProbeObservation = { url: target.url, startedAtMs: now(), endedAtMs: 0, timing: { total_ms: 0 } };
  const socket = await openTransport(url, target, t0, obs);
  if (socket && verificationFailed(obs)) socket.destroy();
  else if (socket) await upgrade(socket, url, target, t0, obs);
  obs.timing.total_ms = Math.round(performance.now() - t0);
  obs.endedAtMs = now();
  return obs;
}

/**
 * After a TLS handshake_failure: would the server agree on a cipher outside the probe's list?
 * Offers every suite OpenSSL has (testssl.sh does the same); the agreed suite names the mismatch.
 */
export async function cipherOutsideOffer(target: ProbeTarget): Promise<{ cipher: string; version: string } | undefined> {
  const url = new URL(target.url);
  const host = hostOf(url);
  return new Promise((resolve) => {
    const socket = tlsConnect({
      host,
      port: Number(url.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ciphers: 'ALL:@SECLEVEL=0',
      ...(target.tlsMaxVersion ? { maxVersion: target.tlsMaxVersion } : {}),
      ...(target.tlsMinVersion ? { minVersion: target.tlsMinVersion } : {}),
    });
    socket.setTimeout(target.timeoutMs, () => socket.destroy());
    socket.once('secureConnect', () => {
      const cipher = socket.getCipher();
      resolve(cipher ? { cipher: cipher.name, version: socket.getProtocol() ?? cipher.version } : undefined);
      socket.destroy();
    });
    socket.once('error', () => resolve(undefined));
    socket.once('close', () => resolve(undefined));
  });
}
