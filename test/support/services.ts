// Where the integration tests find Kafka and ClickHouse, whether they answer, and how to start them
// (scripts/services) when they do not. Reads the same WSDIAG_* variables as the pipeline and the script.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const servicesScript = fileURLToPath(new URL('../../scripts/services', import.meta.url));

export type ServicesConfig = {
  readonly clickhouseUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly topic: string;
  readonly dlqTopic: string;
};

type Env = Record<string, string | undefined>;

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

export function servicesConfig(env: Env = process.env): ServicesConfig {
  const chPort = nonEmpty(env.WSDIAG_CH_HTTP_PORT) ?? '8123';
  const kafkaPort = nonEmpty(env.WSDIAG_KAFKA_PORT) ?? '9092';
  return Object.freeze({
    clickhouseUrl: nonEmpty(env.WSDIAG_CLICKHOUSE_URL) ?? `http://127.0.0.1:${chPort}`,
    kafkaBrokers: Object.freeze(
      (nonEmpty(env.WSDIAG_KAFKA_BROKERS) ?? `127.0.0.1:${kafkaPort}`)
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    ),
    topic: nonEmpty(env.WSDIAG_TOPIC) ?? 'ws.telemetry',
    dlqTopic: nonEmpty(env.WSDIAG_DLQ_TOPIC) ?? 'ws.telemetry.dlq',
  });
}

/** ClickHouse answers `Ok.` on /ping once it accepts queries. */
export async function isClickHouseUp(url = servicesConfig().clickhouseUrl, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(new URL('/ping', url), { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok && (await res.text()).trim() === 'Ok.';
  } catch {
    return false;
  }
}

function tcpOpen(hostPort: string, timeoutMs: number): Promise<boolean> {
  const idx = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, idx);
  const port = Number(hostPort.slice(idx + 1));
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Up means a broker answers a metadata request, not merely that the port accepts connections. */
export async function isKafkaUp(brokers: readonly string[] = servicesConfig().kafkaBrokers, timeoutMs = 3000): Promise<boolean> {
  const first = brokers[0];
  if (first === undefined || !(await tcpOpen(first, timeoutMs))) return false;
  const admin = new Kafka({
    clientId: 'wsdiag-test-probe',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export type ServicesRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/** Runs scripts/services with the given arguments; stderr (progress) is also echoed when `echo` is set. */
export function runServices(args: readonly string[], opts: { echo?: boolean; env?: Env } = {}): Promise<ServicesRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [servicesScript, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (opts.echo) process.stderr.write(d);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const isLoopback = (host: string): boolean => ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host);

/**
 * Makes sure both services answer: reuses running ones, and starts the missing ones with
 * scripts/services (only possible for loopback addresses; anything else is the caller's to run).
 */
export async function ensureServices(config: ServicesConfig = servicesConfig()): Promise<void> {
  const [chUp, kafkaUp] = await Promise.all([isClickHouseUp(config.clickhouseUrl), isKafkaUp(config.kafkaBrokers)]);
  if (chUp && kafkaUp) return;

  const missing = [...(chUp ? [] : ['clickhouse']), ...(kafkaUp ? [] : ['kafka'])];
  const remote = [
    ...(!chUp && !isLoopback(new URL(config.clickhouseUrl).hostname) ? [`ClickHouse at ${config.clickhouseUrl}`] : []),
    ...(!kafkaUp && !config.kafkaBrokers.every((b) => isLoopback(b.slice(0, b.lastIndexOf(':'))))
      ? [`Kafka at ${config.kafkaBrokers.join(',')}`]
      : []),
  ];
  if (remote.length > 0) {
    throw new Error(`not reachable and not local, so not started here: ${remote.join('; ')}`);
  }
  const target = missing.length === 2 ? [] : missing;
  const run = await runServices(['up', ...target], { echo: true });
  if (run.code !== 0) {
    throw new Error(`scripts/services up ${target.join(' ')} failed (exit ${run.code}):\n${run.stderr.slice(-4000)}`);
  }
}
