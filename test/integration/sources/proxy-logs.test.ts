// Real nginx 1.22 and HAProxy 2.6 (Debian) on loopback, as TLS terminators and as TLS-verifying
// proxies to broken upstreams; their own log files go through `wsdiag logs` (the built CLI) and the
// attribution engine. Each case names the cause its log line must yield.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { decodeRecord } from '../../../ingest/decode-record.js';
import { testPki, type TestPki } from '../../support/certs.js';
import { cliPath } from '../../support/cli-path.js';
import { startServer, type RunningServer } from '../repro/servers.js';
import { attempt, curlAttempt, frontClientOptions } from './lab-clients.js';
import { frontCases, startProxy, startUpstreams, upstreamCases, type FrontCase, type Lab, type ProxyKind, type UpstreamCase } from './proxy-lab.js';

const run = promisify(execFile);

type Outcome = { attribution: string; cause: string };
/** An array: any one of these (a race in the proxy itself, explained where it is used). */
type Expected = Record<`upstream:${UpstreamCase}` | `front:${FrontCase}`, Outcome | Outcome[]>;

const tls = (cause: string): Outcome => ({ attribution: '1015', cause });

/** What each proxy's own log lets the engine say. HAProxy names only "certificate verify failed" for its upstreams. */
const expected: Record<ProxyKind, Expected> = {
  nginx: {
    'upstream:valid': { attribution: 'none', cause: 'connected' },
    'upstream:expired': tls('cert_expired'),
    'upstream:untrusted': tls('untrusted_ca'),
    'upstream:wrong_host': tls('hostname_mismatch'),
    'upstream:tls_version': tls('tls_version_mismatch'),
    'upstream:cipher': tls('cipher_mismatch'),
    'front:expired': tls('cert_expired'),
    'front:untrusted': tls('untrusted_ca'),
    'front:tls_version': tls('tls_version_mismatch'),
    'front:cipher': tls('cipher_mismatch'),
  },
  haproxy: {
    'upstream:valid': { attribution: 'none', cause: 'connected' },
    // Known gap: the default httplog says only "SC--" and 503 (server-side connection error); see KNOWN_GAPS.
    'upstream:expired': { attribution: 'other', cause: 'http_rejected' },
    'upstream:untrusted': { attribution: 'other', cause: 'http_rejected' },
    'upstream:wrong_host': { attribution: 'other', cause: 'http_rejected' },
    'upstream:tls_version': { attribution: 'other', cause: 'http_rejected' },
    'upstream:cipher': { attribution: 'other', cause: 'http_rejected' },
    // The default error log says "SSL handshake failure" and nothing more.
    'front:expired': tls('tls_unknown'),
    'front:untrusted': tls('tls_unknown'),
    'front:tls_version': tls('tls_unknown'),
    'front:cipher': tls('tls_unknown'),
  },
  'haproxy-recommended': {
    'upstream:valid': { attribution: 'none', cause: 'connected' },
    'upstream:expired': tls('tls_unknown'),
    'upstream:untrusted': tls('tls_unknown'),
    'upstream:wrong_host': tls('tls_unknown'),
    'upstream:tls_version': tls('tls_version_mismatch'),
    'upstream:cipher': tls('cipher_mismatch'),
    // HAProxy 2.6 sometimes logs ssl_fc_err_str as "-" when the client closes right after its alert
    // (seen about once in ten runs here): the line then says only "SSL handshake failure".
    'front:expired': [tls('cert_expired'), tls('tls_unknown')],
    'front:untrusted': [tls('untrusted_ca'), tls('tls_unknown')],
    'front:tls_version': tls('tls_version_mismatch'),
    'front:cipher': tls('cipher_mismatch'),
  },
};

/**
 * Lines the engine does not attribute as a person reading them would; recorded for the engine's owners
 * rather than patched here (analyzers/ is not this feature's to change).
 */
export const KNOWN_GAPS = [
  'haproxy default httplog: a TLS failure to the server shows only as termination state SC-- and 503; the engine says other/http_rejected. The recommended log-format appends ssl_bc_err_str.',
];

let pki: TestPki;
let upstreams: Record<UpstreamCase, RunningServer>;
let healthy: RunningServer;

beforeAll(async () => {
  pki = await testPki();
  upstreams = await startUpstreams(pki);
  healthy = await startServer(pki, { kind: 'ws', ws: { perMessageDeflate: false } });
});

afterAll(async () => {
  await Promise.all([...Object.values(upstreams ?? {}), healthy].filter(Boolean).map((s) => s.close()));
});

/** Which lab case a log line belongs to, from the listener or upstream it names. */
function caseOf(lab: Lab, labels: Record<string, string>): string | undefined {
  for (const c of upstreamCases) {
    if (labels.upstream_addr === `127.0.0.1:${upstreams[c].port}` || labels.listener === `fe_proxy_${c}`) return `upstream:${c}`;
  }
  for (const c of frontCases) {
    if (labels.listener === `127.0.0.1:${lab.frontPorts[c]}` || labels.listener === `fe_tls_${c}`) return `front:${c}`;
  }
  // nginx's access log: a 101 on a proxy listener (the only successful upgrade here).
  return labels.side === 'downstream' && labels.listener === undefined ? 'upstream:valid' : undefined;
}

describe.each(['nginx', 'haproxy', 'haproxy-recommended'] as const)('%s logs through wsdiag logs and classify', (kind) => {
  let lab: Lab;
  let results: Map<string, Outcome[]>;
  let lines: string[];
  let hosts: Map<string, string>;
  let summary: { lines: number; events: number; skipped: Record<string, number> };

  beforeAll(async () => {
    lab = await startProxy(kind, pki, upstreams, healthy.port);
    try {
      for (const c of upstreamCases) await attempt(`ws://localhost:${lab.proxyPorts[c]}/ws`);
      for (const c of frontCases) {
        if (c === 'expired' || c === 'untrusted') await curlAttempt(`https://localhost:${lab.frontPorts[c]}/ws`, pki.rootCaPath);
        else await attempt(`wss://localhost:${lab.frontPorts[c]}/ws`, frontClientOptions(c, pki.rootCa));
      }
      await lab.settled();
    } finally {
      await lab.stop({ keepLogs: true });
    }
    results = new Map();
    lines = [];
    hosts = new Map();
    for (const file of lab.logFiles) {
      const format = kind === 'nginx' ? 'nginx' : 'haproxy';
      const { stdout, stderr } = await run(process.execPath, [cliPath, 'logs', '--format', format, '--host', 'localhost', file]);
      summary = JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}');
      for (const text of stdout.split('\n').filter(Boolean)) {
        const decoded = decodeRecord(Buffer.from(text), 1 << 20);
        if (!decoded.ok) throw new Error(`wsdiag logs wrote an invalid event: ${decoded.detail}`);
        const key = caseOf(lab, decoded.event.labels ?? {}) ?? `unmatched:${decoded.event.error?.message ?? ''}`;
        const { attribution, cause } = classify(decoded.event);
        hosts.set(key, new URL(decoded.event.target.url).host);
        lines.push(`${key} → ${attribution}/${cause}: ${decoded.event.error?.message ?? '(connected)'}`);
        results.set(key, [...(results.get(key) ?? []), { attribution, cause }]);
      }
    }
    await lab.remove();
  });

  it.each(Object.entries(expected[kind]))('%s', (key, want) => {
    const got = results.get(key);
    expect(got, lines.join('\n')).toHaveLength(1);
    expect(Array.isArray(want) ? want : [want], lines.join('\n')).toContainEqual(got?.[0]);
  });

  it('upstream failures name the host the client asked for (correlation with a browser 1006 joins on it)', () => {
    for (const c of upstreamCases.filter((u) => u !== 'valid')) {
      // nginx logs the Host header; HAProxy's default formats have none, so --host stands in.
      expect(hosts.get(`upstream:${c}`), c).toBe(kind === 'nginx' ? `localhost:${lab.proxyPorts[c]}` : 'localhost');
    }
  });

  it('every event is matched to a case, and the counts add up', () => {
    expect([...results.keys()].filter((k) => k.startsWith('unmatched'))).toEqual([]);
    expect(summary.lines).toBeGreaterThanOrEqual(summary.events);
  });
});
