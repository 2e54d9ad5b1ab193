// Real nginx and HAProxy (Debian packages) on loopback for the log-source tests: each runs as a TLS
// terminator (one listener per broken certificate or TLS limit) and as a TLS-verifying proxy to Node
// upstreams (expired, untrusted, wrong-host, TLS 1.2-capped, cipher-limited). Their own log files are
// what the tests read: nothing here writes a log line itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeafCase, TestPki } from '../../support/certs.js';
import { freePorts } from '../../support/free-port.js';
import { startServer, type RunningServer } from '../repro/servers.js';
import { serverOnlyCipher } from '../repro/scenarios.js';

/** Upstreams behind the verifying proxy, and what each one breaks. */
export const upstreamCases = ['valid', 'expired', 'untrusted', 'wrong_host', 'tls_version', 'cipher'] as const;
export type UpstreamCase = (typeof upstreamCases)[number];

/** Listeners of the TLS terminator, and what each one serves. */
export const frontCases = ['expired', 'untrusted', 'tls_version', 'cipher'] as const;
export type FrontCase = (typeof frontCases)[number];

const upstreamLeaf: Record<UpstreamCase, LeafCase> = {
  valid: 'valid',
  expired: 'expired',
  untrusted: 'untrusted_chain',
  wrong_host: 'wrong_host',
  tls_version: 'valid',
  cipher: 'valid',
};
const frontLeaf: Record<FrontCase, LeafCase> = { expired: 'expired', untrusted: 'untrusted_chain', tls_version: 'valid', cipher: 'valid' };

/** The proxy insists on TLS 1.3 upstream, and on one cipher the cipher-limited upstream lacks. */
export const upstreamLimits: Partial<Record<UpstreamCase, { minVersion?: 'TLSv1.2'; maxVersion?: 'TLSv1.2'; ciphers?: string }>> = {
  tls_version: { maxVersion: 'TLSv1.2' },
  cipher: { maxVersion: 'TLSv1.2', ciphers: serverOnlyCipher },
};
export const proxyCipherToUpstream = 'ECDHE-ECDSA-CHACHA20-POLY1305';

export type Lab = {
  dir: string;
  /** Plain-HTTP proxy listeners, one per upstream case (ws://127.0.0.1:port). */
  proxyPorts: Record<UpstreamCase, number>;
  /** TLS listeners, one per front case (wss://localhost:port). */
  frontPorts: Record<FrontCase, number>;
  logFiles: string[];
  /** Stops the proxy (its logs are complete then); `keepLogs` leaves the folder for remove(). */
  stop(options?: { keepLogs?: boolean }): Promise<void>;
  remove(): Promise<void>;
  /** Waits (≤ 5 s) until the logs name every failing case: proxies write a line after the client has gone. */
  settled(): Promise<void>;
};

/** Distinct free ports for the proxies' listeners and their fronts, taken all at once. */
async function ports<A extends string, B extends string>(a: readonly A[], b: readonly B[]): Promise<{ proxyPorts: Record<A, number>; frontPorts: Record<B, number> }> {
  const numbers = await freePorts(a.length + b.length);
  const pick = <K extends string>(keys: readonly K[], offset: number): Record<K, number> =>
    Object.fromEntries(keys.map((k, i) => [k, numbers[offset + i]])) as Record<K, number>;
  return { proxyPorts: pick(a, 0), frontPorts: pick(b, a.length) };
}

export async function startUpstreams(pki: TestPki): Promise<Record<UpstreamCase, RunningServer>> {
  const out = {} as Record<UpstreamCase, RunningServer>;
  for (const c of upstreamCases) {
    const limits = upstreamLimits[c];
    out[c] = await startServer(pki, { kind: 'wss', leaf: upstreamLeaf[c], ws: { perMessageDeflate: false }, ...(limits ? { tls: limits } : {}) });
  }
  return out;
}

async function writeLeafFiles(pki: TestPki, dir: string): Promise<void> {
  for (const leaf of new Set(Object.values(frontLeaf))) {
    await writeFile(join(dir, `${leaf}.crt`), pki.leaves[leaf].chain);
    await writeFile(join(dir, `${leaf}.key`), pki.leaves[leaf].key);
    await writeFile(join(dir, `${leaf}.pem`), pki.leaves[leaf].chain + pki.leaves[leaf].key);
  }
}

function frontTls(c: FrontCase): { protocols: string; ciphers?: string } {
  if (c === 'tls_version') return { protocols: 'TLSv1.3' };
  if (c === 'cipher') return { protocols: 'TLSv1.2', ciphers: serverOnlyCipher };
  return { protocols: 'TLSv1.2 TLSv1.3' };
}

function nginxConfig(dir: string, pki: TestPki, lab: { proxyPorts: Record<UpstreamCase, number>; frontPorts: Record<FrontCase, number> }, upstreams: Record<UpstreamCase, RunningServer>, healthyPort: number): string {
  const upgrade = 'proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade";';
  const proxies = upstreamCases.map((c) => {
    const version = c === 'tls_version' ? 'TLSv1.3' : 'TLSv1.2 TLSv1.3';
    const cipher = c === 'cipher' ? `proxy_ssl_ciphers ${proxyCipherToUpstream};` : '';
    return `  server { listen 127.0.0.1:${lab.proxyPorts[c]}; server_name localhost;
    location / { proxy_pass https://127.0.0.1:${upstreams[c].port}; ${upgrade}
      proxy_ssl_verify on; proxy_ssl_trusted_certificate ${pki.rootCaPath}; proxy_ssl_name localhost;
      proxy_ssl_server_name on; proxy_ssl_protocols ${version}; ${cipher} } }`;
  });
  const fronts = frontCases.map((c) => {
    const tls = frontTls(c);
    return `  server { listen 127.0.0.1:${lab.frontPorts[c]} ssl; server_name localhost;
    ssl_certificate ${join(dir, `${frontLeaf[c]}.crt`)}; ssl_certificate_key ${join(dir, `${frontLeaf[c]}.key`)};
    ssl_protocols ${tls.protocols}; ${tls.ciphers ? `ssl_ciphers ${tls.ciphers};` : ''}
    location / { proxy_pass http://127.0.0.1:${healthyPort}; ${upgrade} } }`;
  });
  return `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 128; }
http {
  access_log ${dir}/access.log combined;
  client_body_temp_path ${dir}/tmp/body; proxy_temp_path ${dir}/tmp/proxy; fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi; scgi_temp_path ${dir}/tmp/scgi;
${proxies.join('\n')}
${fronts.join('\n')}
}
`;
}

/**
 * HAProxy's connection errors name only the step that failed ("SSL handshake failure"); the TLS
 * library's reason is in `ssl_fc_err_str` / `ssl_bc_err_str`, which the recommended formats append.
 */
export const haproxyRecommended = {
  errorLogFormat: '%ci:%cp [%tr] %ft/%fp: %[fc_err_str] (%[ssl_fc_err_str])',
  httpLogFormat:
    '%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r ssl_bc_err:%[ssl_bc_err_str]',
};

function haproxyConfig(dir: string, pki: TestPki, lab: { proxyPorts: Record<UpstreamCase, number>; frontPorts: Record<FrontCase, number> }, upstreams: Record<UpstreamCase, RunningServer>, healthyPort: number, recommended: boolean): string {
  const formats = recommended ? `    log-format "${haproxyRecommended.httpLogFormat}"\n    error-log-format "${haproxyRecommended.errorLogFormat}"\n` : '    option httplog\n';
  const proxies = upstreamCases.map((c) => {
    const version = c === 'tls_version' ? 'ssl-min-ver TLSv1.3' : '';
    const cipher = c === 'cipher' ? `ciphers ${proxyCipherToUpstream}` : '';
    return `frontend fe_proxy_${c}
    bind 127.0.0.1:${lab.proxyPorts[c]}
${formats}    default_backend be_${c}
backend be_${c}
    server up_${c} 127.0.0.1:${upstreams[c].port} ssl verify required ca-file ${pki.rootCaPath} sni str(localhost) verifyhost localhost ${version} ${cipher}
`;
  });
  const fronts = frontCases.map((c) => {
    const tls = frontTls(c);
    const version = c === 'tls_version' ? 'ssl-min-ver TLSv1.3' : c === 'cipher' ? `ssl-max-ver TLSv1.2 ciphers ${tls.ciphers}` : '';
    return `frontend fe_tls_${c}
    bind 127.0.0.1:${lab.frontPorts[c]} ssl crt ${join(dir, `${frontLeaf[c]}.pem`)} ${version}
${formats}    default_backend be_healthy
`;
  });
  return `global
    log stdout format raw local0 info
defaults
    mode http
    log global
    retries 0
    timeout connect 2s
    timeout client 5s
    timeout server 5s
    timeout tunnel 5s
${proxies.join('')}${fronts.join('')}backend be_healthy
    server healthy 127.0.0.1:${healthyPort}
`;
}

/** Listening sockets from /proc/net/tcp, read rather than probed: a bare TCP connect is itself logged by both proxies. */
async function listening(port: number): Promise<boolean> {
  const table = await readFile('/proc/net/tcp', 'utf8');
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return table.split('\n').some((row) => {
    const cols = row.trim().split(/\s+/);
    return cols[1] === local && cols[3] === '0A';
  });
}

async function waitForListeners(ports: number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const port of ports) {
    while (!(await listening(port))) {
      if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export type ProxyKind = 'nginx' | 'haproxy' | 'haproxy-recommended';

/** Starts one proxy (nginx or HAProxy) with both roles; its logs land in files under `dir`. */
export async function startProxy(kind: ProxyKind, pki: TestPki, upstreams: Record<UpstreamCase, RunningServer>, healthyPort: number): Promise<Lab> {
  const dir = await mkdtemp(join(tmpdir(), `wsdiag-${kind}-`));
  await mkdir(join(dir, 'tmp'));
  await writeLeafFiles(pki, dir);
  const layout = await ports(upstreamCases, frontCases);
  let child: ChildProcess;
  let logFiles: string[];
  let stdoutFd: number | undefined;
  if (kind === 'nginx') {
    await writeFile(join(dir, 'nginx.conf'), nginxConfig(dir, pki, layout, upstreams, healthyPort));
    child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
    logFiles = [join(dir, 'error.log'), join(dir, 'access.log')];
  } else {
    await writeFile(join(dir, 'haproxy.cfg'), haproxyConfig(dir, pki, layout, upstreams, healthyPort, kind === 'haproxy-recommended'));
    // `log stdout`: HAProxy writes each log line to its stdout, which goes straight into the file.
    const log = join(dir, 'haproxy.log');
    stdoutFd = openSync(log, 'a');
    child = spawn('haproxy', ['-db', '-f', join(dir, 'haproxy.cfg')], { stdio: ['ignore', stdoutFd, 'inherit'] });
    logFiles = [log];
  }
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`))));
  await Promise.race([waitForListeners([...Object.values<number>(layout.frontPorts), ...Object.values<number>(layout.proxyPorts)]), exited]);
  exited.catch(() => {});
  return {
    dir,
    ...layout,
    logFiles,
    async stop(options = {}) {
      await stopProcess(child);
      if (stdoutFd !== undefined) closeSync(stdoutFd);
      stdoutFd = undefined;
      if (!options.keepLogs) await rm(dir, { recursive: true, force: true });
    },
    remove: () => rm(dir, { recursive: true, force: true }),
    async settled() {
      const marks =
        kind === 'nginx'
          ? [
              ...frontCases.map((c) => `server: 127.0.0.1:${layout.frontPorts[c]}`),
              ...upstreamCases.filter((c) => c !== 'valid').map((c) => `upstream: "https://127.0.0.1:${upstreams[c].port}`),
            ]
          : [...frontCases.map((c) => `fe_tls_${c}`), ...upstreamCases.map((c) => `fe_proxy_${c} `)];
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const text = (await Promise.all(logFiles.map((f) => readFile(f, 'utf8').catch(() => '')))).join('');
        if (marks.every((m) => text.includes(m))) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
