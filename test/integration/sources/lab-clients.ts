// Clients for the proxy lab: a Node `ws` client per case, waiting until the attempt has ended.
import { execFile } from 'node:child_process';
import WebSocket, { type ClientOptions } from 'ws';
import { clientOnlyCipher } from '../repro/scenarios.js';
import type { FrontCase } from './proxy-lab.js';

export type Attempt = { opened: boolean; status?: number; error?: string; closeCode?: number };

export function attempt(url: string, options: ClientOptions = {}): Promise<Attempt> {
  return new Promise((resolve) => {
    const result: Attempt = { opened: false };
    const ws = new WebSocket(url, { handshakeTimeout: 4000, ...options });
    ws.on('unexpected-response', (_req, res) => {
      result.status = res.statusCode;
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      result.opened = true;
      ws.close(1000, 'done');
    });
    ws.on('error', (err) => (result.error = err.message));
    ws.on('close', (code) => resolve({ ...result, closeCode: code }));
  });
}

/** What a client of each TLS listener does that makes the handshake fail. */
export function frontClientOptions(c: FrontCase, rootCa: string): ClientOptions {
  if (c === 'tls_version') return { ca: rootCa, maxVersion: 'TLSv1.2' };
  if (c === 'cipher') return { ca: rootCa, maxVersion: 'TLSv1.2', ciphers: clientOnlyCipher };
  return { ca: rootCa };
}

export type CurlAttempt = { exitCode: number; stderr: string };

/** curl verifies inside OpenSSL, so a bad certificate ends in a TLS alert the server logs (as browsers do). */
export function curlAttempt(url: string, caPath: string): Promise<CurlAttempt> {
  const args = [
    '-sS', '--max-time', '5', '--http1.1', '--cacert', caPath,
    '-H', 'Connection: Upgrade', '-H', 'Upgrade: websocket', '-H', 'Sec-WebSocket-Version: 13',
    '-H', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', '-o', '/dev/null', url,
  ];
  return new Promise((resolve) => {
    execFile('curl', args, (error, _stdout, stderr) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : error ? 1 : 0;
      resolve({ exitCode: code, stderr });
    });
  });
}
