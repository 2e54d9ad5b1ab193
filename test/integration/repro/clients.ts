// Real in-process clients for the reproductions (Node `ws`, a Node TLS probe, a TLS client whose
// failure the server logs) and the observation types of all clients (process-clients.ts runs curl,
// openssl s_client and Python). Each reports what the client saw; evidence-adapters.ts makes events.
import { X509Certificate } from 'node:crypto';
import { connect as tlsConnect, checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import type { Scenario } from './scenarios.js';

export const clientIds = ['node-ws', 'node-probe', 'curl', 'openssl', 'python', 'server-log'] as const;
export type ClientId = (typeof clientIds)[number];

export type Target = {
  scheme: 'ws' | 'wss';
  port: number;
  /** The name clients connect to; it resolves to 127.0.0.1. */
  host: 'localhost';
  url: string;
  rootCaPath: string;
  rootCa: string;
};

export type ErrorReport = { name?: string; code?: string | number; message?: string };

export type NodeWsObservation = {
  client: 'node-ws';
  opened: boolean;
  /** What the application required and did not get (it then closes with 1010). */
  missingExtensions: string[];
  error?: ErrorReport;
  close?: { code: number; reason: string; initiator: 'client' | 'server' };
  status?: number;
  requestExtensions?: string;
  /** "" when the response had no Sec-WebSocket-Extensions header. */
  responseExtensions?: string;
  tlsVersion?: string;
};

export type PeerCertificateReport = {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  selfSigned: boolean;
  san: string[];
  /** Certificates in the chain Node built: what the server sent plus trusted issuers it found. */
  chainLength: number;
};

export type ProbeObservation = {
  client: 'node-probe';
  /** The TLS handshake itself completed (verification is judged afterwards, as a probe does). */
  handshakeCompleted: boolean;
  authorizationError?: string;
  hostnameError?: ErrorReport;
  error?: ErrorReport;
  tlsVersion?: string;
  certificate?: PeerCertificateReport;
};

export type ProcessObservation = {
  client: 'curl' | 'openssl' | 'python';
  command: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
};

export type ServerLogObservation = {
  client: 'server-log';
  /** The server's `tlsClientError` for the connection of a Node TLS client. */
  serverError?: { code?: string; message: string };
};

export type Observation = NodeWsObservation | ProbeObservation | ProcessObservation | ServerLogObservation;

export const clientTimeoutMs = 5000;

function errorReport(err: Error & { code?: string | number }): ErrorReport {
  return { name: err.name, ...(err.code === undefined ? {} : { code: err.code }), message: err.message };
}

export function runNodeWs(scenario: Scenario, target: Target): Promise<NodeWsObservation> {
  const profile = scenario.client;
  return new Promise((resolve) => {
    const observation: NodeWsObservation = { client: 'node-ws', opened: false, missingExtensions: [] };
    let closingByClient = false;
    const ws = new WebSocket(target.url, [...(profile.protocols ?? [])], {
      ca: target.rootCa,
      // ws reads `clientMaxWindowBits: false` as "do not offer it"; @types/ws only admits a number.
      perMessageDeflate: profile.deflateOffer as boolean | WebSocket.PerMessageDeflateOptions,
      handshakeTimeout: clientTimeoutMs,
      ...profile.tls,
      // The one public hook on the upgrade request: record the offer as an emitter would.
      finishRequest: (request) => {
        const offered = request.getHeader('sec-websocket-extensions');
        if (typeof offered === 'string') observation.requestExtensions = offered;
        request.end();
      },
    });
    ws.on('upgrade', (res) => {
      observation.status = res.statusCode;
      observation.responseExtensions = res.headers['sec-websocket-extensions'] ?? '';
      const socket = res.socket as Partial<TLSSocket>;
      if (typeof socket.getProtocol === 'function') observation.tlsVersion = socket.getProtocol() ?? undefined;
    });
    ws.on('open', () => {
      observation.opened = true;
      // Like an application that cannot work without the extension: RFC 6455 §7.4.1, 1010 is the
      // client's code for "the server did not negotiate an extension I need".
      const negotiated = Object.keys(ws.extensions === '' ? {} : parseExtensionNames(ws.extensions));
      observation.missingExtensions = (profile.requiredExtensions ?? []).filter((e) => !negotiated.includes(e));
      if (observation.missingExtensions.length > 0) {
        closingByClient = true;
        ws.close(1010, `${observation.missingExtensions.join(', ')} required`);
      } else if (profile.send !== undefined) {
        ws.send(profile.send);
      } else {
        closingByClient = true;
        ws.close(1000, 'client done');
      }
    });
    ws.on('error', (err) => {
      observation.error ??= errorReport(err);
    });
    ws.on('close', (code, reason) => {
      observation.close = { code, reason: reason.toString(), initiator: closingByClient ? 'client' : 'server' };
      resolve(observation);
    });
  });
}

function parseExtensionNames(header: string): Record<string, true> {
  return Object.fromEntries(header.split(',').map((offer) => [offer.split(';')[0]?.trim() ?? '', true]));
}

function peerCertificateReport(peer: PeerCertificate & { issuerCertificate?: PeerCertificate }): PeerCertificateReport {
  const leaf = new X509Certificate(peer.raw);
  let chainLength = 1;
  for (let cert = peer; cert.issuerCertificate && cert.issuerCertificate.fingerprint256 !== cert.fingerprint256; ) {
    cert = cert.issuerCertificate;
    chainLength += 1;
  }
  return {
    subject: leaf.subject.replace(/\n/g, ', '),
    issuer: leaf.issuer.replace(/\n/g, ', '),
    notBefore: new Date(leaf.validFrom).toISOString(),
    notAfter: new Date(leaf.validTo).toISOString(),
    // Not checkIssued(): a self-signed leaf lacks keyCertSign, which OpenSSL's issuer check demands.
    selfSigned: leaf.subject === leaf.issuer && leaf.verify(leaf.publicKey),
    san: (leaf.subjectAltName ?? '').split(', ').filter((entry) => entry !== ''),
    chainLength,
  };
}

/** A synthetic probe: completes the handshake without verifying, then reads the peer certificate. */
export function runProbe(scenario: Scenario, target: Target): Promise<ProbeObservation> {
  return new Promise((resolve) => {
    const socket = tlsConnect({
      host: '127.0.0.1',
      port: target.port,
      servername: target.host,
      ca: target.rootCa,
      rejectUnauthorized: false,
      timeout: clientTimeoutMs,
      ...scenario.client.tls,
    });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true);
      const hostnameError = checkServerIdentity(target.host, peer);
      resolve({
        client: 'node-probe',
        handshakeCompleted: true,
        ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
        ...(hostnameError ? { hostnameError: errorReport(hostnameError) } : {}),
        tlsVersion: socket.getProtocol() ?? undefined,
        certificate: peerCertificateReport(peer),
      });
      socket.destroy();
    });
    socket.once('error', (err) => resolve({ client: 'node-probe', handshakeCompleted: false, error: errorReport(err) }));
  });
}

/** A Node TLS client whose failure the server logs; returns the server's side of it. */
export async function runServerLog(
  scenario: Scenario,
  target: Target,
  serverErrors: () => { code?: string; message: string; remotePort?: number }[],
): Promise<ServerLogObservation> {
  const localPort = await new Promise<number | undefined>((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port: target.port, servername: target.host, ca: target.rootCa, ...scenario.client.tls });
    let port: number | undefined;
    socket.once('connect', () => (port = socket.localPort));
    socket.once('secureConnect', () => {
      socket.destroy();
      resolve(port);
    });
    socket.once('error', () => resolve(port));
  });
  for (let waited = 0; waited < 1000; waited += 20) {
    const seen = serverErrors().find((e) => e.remotePort === localPort);
    if (seen) return { client: 'server-log', serverError: { ...(seen.code ? { code: seen.code } : {}), message: seen.message } };
    await new Promise((r) => setTimeout(r, 20));
  }
  return { client: 'server-log' };
}
