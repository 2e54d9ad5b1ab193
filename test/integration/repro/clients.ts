// Real clients for the reproductions: Node `ws`, a Node TLS probe, curl, openssl s_client and Python
// `ssl`. Each returns what that client itself reported, untouched; evidence-adapters.ts makes events.
import { execFile } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { connect as tlsConnect, checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import type { ClientProfile, Scenario } from './scenarios.js';

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

const clientTimeoutMs = 5000;

/** Child processes trust only what the command line names, not the machine's CA bundle settings. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE']) delete env[name];
  return env;
}

export function runProcess(
  client: ProcessObservation['client'],
  command: string[],
): Promise<ProcessObservation> {
  const [file, ...args] = command;
  return new Promise((resolve) => {
    const child = execFile(
      file ?? '',
      args,
      { timeout: clientTimeoutMs * 2, env: childEnv(), encoding: 'utf8' },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ client, command, exitCode, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

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

const websocketRequestHeaders = (profile: ClientProfile): string[] => [
  'Connection: Upgrade',
  'Upgrade: websocket',
  'Sec-WebSocket-Version: 13',
  `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
  ...(profile.requestExtensions ? [`Sec-WebSocket-Extensions: ${profile.requestExtensions}`] : []),
];

export function curlCommand(scenario: Scenario, target: Target): string[] {
  const tls = scenario.client.tls ?? {};
  return [
    'curl', '--http1.1', '-sS', '-o', '/dev/null', '-D', '-', '-w', '%{http_code}\\n',
    // curl has no WebSocket support in 7.88: after a 101 it waits for a body, so a short timeout
    // ends the transfer; the dumped headers are what it saw.
    '--max-time', '1',
    '--cacert', target.rootCaPath,
    ...(tls.maxVersion === 'TLSv1.2' ? ['--tls-max', '1.2'] : []),
    ...(tls.ciphers ? ['--ciphers', tls.ciphers] : []),
    ...websocketRequestHeaders(scenario.client).flatMap((h) => ['-H', h]),
    `${target.scheme === 'wss' ? 'https' : 'http'}://${target.host}:${target.port}/`,
  ];
}

export function opensslCommand(scenario: Scenario, target: Target): string[] {
  const tls = scenario.client.tls ?? {};
  return [
    'openssl', 's_client', '-connect', `127.0.0.1:${target.port}`, '-servername', target.host,
    '-CAfile', target.rootCaPath, '-verify_return_error', '-brief',
    // s_client checks no host name unless told to; a client that verifies would.
    '-verify_hostname', target.host,
    ...(tls.maxVersion === 'TLSv1.2' ? ['-tls1_2'] : []),
    ...(tls.ciphers ? ['-cipher', tls.ciphers] : []),
  ];
}

/** Python 3 `ssl` + a hand-written upgrade request; prints one JSON line with what Python raised. */
const pythonScript = `
import base64, errno, json, os, platform, socket, ssl, sys
scheme, host, port, cafile, maxver, ciphers, extensions = sys.argv[1:8]
out = {'runtime': 'python %s ssl %s' % (platform.python_version(), ssl.OPENSSL_VERSION)}
try:
    sock = socket.create_connection(('127.0.0.1', int(port)), timeout=5)
    if scheme == 'wss':
        ctx = ssl.create_default_context(cafile=cafile)
        if maxver:
            ctx.maximum_version = ssl.TLSVersion[maxver]
        if ciphers:
            ctx.set_ciphers(ciphers)
        sock = ctx.wrap_socket(sock, server_hostname=host)
        out['tls_version'] = sock.version()
    key = base64.b64encode(os.urandom(16)).decode()
    request = ('GET / HTTP/1.1\\r\\nHost: %s:%s\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n'
               'Sec-WebSocket-Key: %s\\r\\nSec-WebSocket-Version: 13\\r\\n' % (host, port, key))
    if extensions:
        request += 'Sec-WebSocket-Extensions: %s\\r\\n' % extensions
    sock.sendall((request + '\\r\\n').encode())
    data = b''
    while b'\\r\\n\\r\\n' not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    lines = data.split(b'\\r\\n\\r\\n')[0].decode('latin-1').split('\\r\\n')
    out['status'] = int(lines[0].split(' ')[1])
    out['headers'] = {k.strip().lower(): v.strip() for k, _, v in (l.partition(':') for l in lines[1:])}
except Exception as e:
    kind = type(e)
    name = kind.__qualname__ if kind.__module__ == 'builtins' else kind.__module__ + '.' + kind.__qualname__
    code = getattr(e, 'reason', None) if isinstance(e, ssl.SSLError) else errno.errorcode.get(getattr(e, 'errno', None) or -1)
    out['error'] = {'name': name, 'code': code, 'message': str(e),
                    'verify_code': getattr(e, 'verify_code', None), 'verify_message': getattr(e, 'verify_message', None)}
print(json.dumps(out))
`;

export function pythonCommand(scenario: Scenario, target: Target): string[] {
  const tls = scenario.client.tls ?? {};
  return [
    'python3', '-c', pythonScript, target.scheme, target.host, String(target.port), target.rootCaPath,
    tls.maxVersion === 'TLSv1.2' ? 'TLSv1_2' : '', tls.ciphers ?? '', scenario.client.requestExtensions ?? '',
  ];
}
