// Wraps the `ws` client class: each connection attempt reports one telemetry v1 event (`connected` or
// `failed`) and, once open, one more when it closes, with what the socket knows: the error code and
// text, TLS facts read from the TLS socket, the Sec-WebSocket-Extensions headers, the close frame.
import { randomUUID, X509Certificate } from 'node:crypto';
import type { IncomingMessage, ClientRequest } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import type WebSocket from 'ws';
import { onWire, safeEmit, sourceOf, type InstrumentOptions, type TelemetryEventInput } from './types.js';

type TlsFacts = NonNullable<TelemetryEventInput['tls']>;
type ChainEntry = NonNullable<TlsFacts['chain']>[number];

function chainEntry(raw: Buffer): ChainEntry {
  const x509 = new X509Certificate(raw);
  return {
    subject: x509.subject.replace(/\n/g, ', '),
    issuer: x509.issuer.replace(/\n/g, ', '),
    not_before: new Date(x509.validFrom).toISOString(),
    not_after: new Date(x509.validTo).toISOString(),
    self_signed: x509.subject === x509.issuer && x509.verify(x509.publicKey),
    ca: x509.ca,
    san: (x509.subjectAltName ?? '').split(', ').filter(Boolean),
    fingerprint_sha256: x509.fingerprint256,
  };
}

/** What the TLS socket can tell, on success or after a failed verification (Node verifies after the handshake). */
export function tlsFacts(socket: TLSSocket): TlsFacts | undefined {
  const facts: TlsFacts = {};
  const version = socket.getProtocol?.();
  if (version) facts.version = version;
  const cipher = socket.getCipher?.();
  if (cipher?.name) facts.cipher = cipher.standardName ?? cipher.name;
  if (typeof socket.alpnProtocol === 'string') facts.alpn = socket.alpnProtocol;
  const authError = socket.authorizationError as unknown;
  // Node names OpenSSL's X509_V_ERR_* results without the prefix (CERT_HAS_EXPIRED).
  if (typeof authError === 'string' || authError instanceof Error) {
    const code = typeof authError === 'string' ? authError : ((authError as { code?: string }).code ?? '');
    if (/^[A-Z0-9_]+$/.test(code) && !code.startsWith('ERR_')) facts.verify_code = `X509_V_ERR_${code}`;
  }
  let peer: DetailedPeerCertificate | undefined;
  try {
    peer = socket.getPeerCertificate(true);
  } catch {
    peer = undefined;
  }
  const chain: ChainEntry[] = [];
  const seen = new Set<string>();
  for (let cert = peer; cert?.raw && !seen.has(cert.fingerprint256) && chain.length < 16; cert = cert.issuerCertificate) {
    seen.add(cert.fingerprint256);
    chain.push(chainEntry(cert.raw));
  }
  if (chain.length > 0) {
    const [leaf] = chain;
    facts.chain = chain;
    facts.chain_length = chain.length;
    if (leaf) facts.peer_certificate = { subject: leaf.subject, issuer: leaf.issuer, not_before: leaf.not_before, not_after: leaf.not_after, self_signed: leaf.self_signed, san: leaf.san };
  }
  return Object.keys(facts).length > 0 ? facts : undefined;
}

type Attempt = {
  id: string;
  url: string;
  startedAt: number;
  tls?: TlsFacts;
  status?: number;
  requestExtensions?: string;
  responseExtensions?: string;
  error?: { name?: string; code?: string; message: string };
  opened: boolean;
  closingByClient: boolean;
};

const header = (value: string | number | string[] | undefined): string => (Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value));

/**
 * Returns a subclass of the given `ws` WebSocket class whose instances report themselves.
 * Usage: `const WebSocket = instrumentWs(WsWebSocket, { service: 'feed', emit })`.
 */
export function instrumentWs<T extends typeof WebSocket>(WebSocketClass: T, options: InstrumentOptions): T {
  const now = options.now ?? Date.now;
  const runtime = `node ${process.versions.node} ws`;
  const event = (a: Attempt, outcome: TelemetryEventInput['outcome'], extra: Partial<TelemetryEventInput>): TelemetryEventInput => ({
    event_id: `${a.id}:${outcome}`,
    connection_id: a.id,
    ts: now(),
    outcome,
    source: sourceOf(options, runtime),
    target: { url: a.url },
    ...(a.tls ? { tls: a.tls } : {}),
    ...(a.status !== undefined || a.requestExtensions !== undefined
      ? {
          handshake: {
            ...(a.status !== undefined ? { status: a.status } : {}),
            ...(a.requestExtensions !== undefined ? { request_extensions: a.requestExtensions } : {}),
            ...(a.responseExtensions !== undefined ? { response_extensions: a.responseExtensions } : {}),
            ...(options.requiredExtensions?.length ? { required_extensions: [...options.requiredExtensions] } : {}),
          },
        }
      : {}),
    timing: { total_ms: Math.max(0, now() - a.startedAt) },
    ...(options.labels ? { labels: { ...options.labels } } : {}),
    ...extra,
  });

  // The subclass keeps ws's constructor shape: (address, protocols?, options?) with protocols optional.
  const Instrumented = class extends (WebSocketClass as typeof WebSocket) {
    constructor(address: string | URL, protocols?: string | string[] | WebSocket.ClientOptions, wsOptions?: WebSocket.ClientOptions) {
      const [protos, opts] = typeof protocols === 'object' && protocols !== null && !Array.isArray(protocols) ? [undefined, protocols] : [protocols, wsOptions];
      const url = String(address);
      const attempt: Attempt = { id: randomUUID(), url, startedAt: now(), opened: false, closingByClient: false };
      const secure = /^(wss|https):/i.test(url);
      const userCreate = opts?.createConnection;
      const createConnection = (connectOptions: never, ...rest: never[]): Socket => {
        const socket = (userCreate ? (userCreate as (...a: never[]) => Socket)(connectOptions, ...rest) : secure ? tlsConnect(connectOptions) : netConnect(connectOptions)) as Socket;
        if ('getPeerCertificate' in socket) {
          const tlsSocket = socket as TLSSocket;
          const read = (): void => {
            attempt.tls = tlsFacts(tlsSocket) ?? attempt.tls;
          };
          tlsSocket.once('secureConnect', read);
          tlsSocket.once('error', read);
        }
        return socket;
      };
      super(address, protos, { ...opts, createConnection } as WebSocket.ClientOptions);
      this.on('upgrade', (res: IncomingMessage & { req?: ClientRequest }) => {
        attempt.status = res.statusCode;
        attempt.responseExtensions = header(res.headers['sec-websocket-extensions']);
        // ws emits 'upgrade' before it drops its request (`_req`, a private field stable since ws 1.x).
        const request = (this as unknown as { _req?: ClientRequest | null })._req ?? res.req;
        attempt.requestExtensions = header(request?.getHeader('sec-websocket-extensions'));
      });
      this.on('open', () => {
        attempt.opened = true;
        safeEmit(options, event(attempt, 'connected', {}));
      });
      this.on('error', (err: Error & { code?: string }) => {
        attempt.error = { name: err.name, ...(err.code ? { code: err.code } : {}), message: err.message };
        const status = /Unexpected server response: (\d{3})/.exec(err.message)?.[1];
        if (status) attempt.status = Number(status);
      });
      this.on('close', (code: number, reason: Buffer) => {
        const close = {
          code,
          ...(reason.length > 0 ? { reason: reason.toString('utf8').slice(0, 1024) } : {}),
          initiator: attempt.closingByClient ? ('client' as const) : onWire(code) ? ('server' as const) : ('unknown' as const),
          on_wire: onWire(code),
        };
        const error = attempt.error ? { error: attempt.error } : {};
        safeEmit(options, event(attempt, attempt.opened ? 'closed' : 'failed', { close, ...error }));
      });
      (this as unknown as { wsdiagAttempt: Attempt }).wsdiagAttempt = attempt;
    }

    override close(code?: number, data?: string | Buffer): void {
      (this as unknown as { wsdiagAttempt: Attempt }).wsdiagAttempt.closingByClient = true;
      super.close(code, data);
    }
  };
  return Instrumented as unknown as T;
}
