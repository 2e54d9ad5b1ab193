// Real servers for the reproductions: `ws` over Node `https`/`http` on 127.0.0.1 ephemeral ports, one
// per scenario, plus raw `http` servers that complete the upgrade by hand with bad extension params.
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer } from 'ws';
import type { LeafCase, TestPki } from '../../support/certs.js';
import type { ServerSpec, TlsLimits, WsBehaviour } from './scenarios.js';

/** @see RFC 6455 §1.3: the GUID concatenated with Sec-WebSocket-Key before SHA-1. */
const websocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export type ServerTlsError = { code: string | undefined; message: string; remotePort: number | undefined };

export type RunningServer = {
  port: number;
  /** TLS errors the server saw (Node `tlsClientError`), for server-side observations. */
  tlsErrors: ServerTlsError[];
  close(): Promise<void>;
};

function listen(server: HttpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: HttpServer, wss?: WebSocketServer, upgraded?: Set<Duplex>): Promise<void> {
  for (const client of wss?.clients ?? []) client.terminate();
  for (const socket of upgraded ?? []) socket.destroy();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Attach the WebSocket behaviour a scenario needs to an HTTP(S) server. */
function attachWebSocket(server: HttpServer, behaviour: WsBehaviour): WebSocketServer {
  const wss = new WebSocketServer({
    server,
    perMessageDeflate: behaviour.perMessageDeflate,
    ...(behaviour.maxPayloadBytes === undefined ? {} : { maxPayload: behaviour.maxPayloadBytes }),
    ...(behaviour.rejectUpgrade
      ? { verifyClient: (_info: unknown, done: (ok: boolean, status: number) => void) => done(false, 403) }
      : {}),
    ...(behaviour.acceptNoSubprotocol ? { handleProtocols: () => false as const } : {}),
  });
  wss.on('connection', (socket) => {
    // ws closes with the matching code (e.g. 1009) itself; the error event only needs a listener.
    socket.on('error', () => {});
    // Destroy the TCP socket with no Close frame: the client sees 1006.
    if (behaviour.dropOnConnect) {
      setTimeout(() => socket.terminate(), 20);
      return;
    }
    socket.on('message', (data) => {
      if (String(data) === 'bye') socket.close(1000, 'done');
      else socket.send(data);
    });
  });
  return wss;
}

/**
 * Completes the upgrade by hand with a fixed Sec-WebSocket-Extensions response header. Upgraded
 * sockets leave the HTTP server's books, so they are returned for close() to destroy.
 */
function attachRawUpgrade(server: HttpServer, responseExtensions: string): Set<Duplex> {
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req, socket: Duplex) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const key = req.headers['sec-websocket-key'] ?? '';
    const accept = createHash('sha1').update(key + websocketGuid).digest('base64');
    socket.on('error', () => {});
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Extensions: ${responseExtensions}\r\n\r\n`,
    );
  });
  return upgraded;
}

function tlsOptions(pki: TestPki, leaf: LeafCase, limits: TlsLimits = {}): ServerOptions {
  const served = pki.leaves[leaf];
  return { key: served.key, cert: served.chain, ...limits };
}

export async function startServer(pki: TestPki, spec: ServerSpec): Promise<RunningServer> {
  const tlsErrors: ServerTlsError[] = [];
  if (spec.kind === 'closed-port') {
    // Bind, read the port, release it: nothing listens there afterwards.
    const probe = createHttpServer();
    const port = await listen(probe);
    await closeServer(probe);
    return { port, tlsErrors, close: async () => {} };
  }
  const server =
    spec.kind === 'wss' ? createHttpsServer(tlsOptions(pki, spec.leaf, spec.tls)) : createHttpServer();
  server.on('tlsClientError', (err: Error & { code?: string }, socket: TLSSocket) => {
    tlsErrors.push({ code: err.code, message: err.message, remotePort: socket.remotePort });
  });
  server.on('request', (_req, res) => res.writeHead(426, { Upgrade: 'websocket' }).end());
  const raw = spec.rawResponseExtensions;
  const wss = raw === undefined ? attachWebSocket(server, spec.ws) : undefined;
  const upgraded = raw === undefined ? undefined : attachRawUpgrade(server, raw);
  const port = await listen(server);
  return { port, tlsErrors, close: () => closeServer(server, wss, upgraded) };
}
