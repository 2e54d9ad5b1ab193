// Fault-suite harness: its own Kafka and ClickHouse (other ports, own state dir) so that stopping them
// never disturbs other suites; per-test topics, group and database; a producer that records where
// every record landed; and one function that counts every figure a user could see.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Producer } from 'kafkajs';
import { decodeRecord } from '../../ingest/decode-record.js';
import { deadLetterHeaders } from '../../ingest/dead-letter.js';
import { classify } from '../../analyzers/classify.js';
import { sampleTraffic } from '../../ingest/sample-traffic.js';
import { runServices } from './services.js';
import type { FaultRow } from '../../bench/fault-report.js';
import { cliPath, createSandbox, groupOffsets, readTopic, type ConsumedRecord, type Sandbox } from './pipeline-harness.js';

/** `ci` is the short suite of `npm run test:faults`; `full` is what bench/fault-report.ts runs. */
export const profile: 'ci' | 'full' = process.env.WSDIAG_FAULTS_PROFILE === 'full' ? 'full' : 'ci';
export const pick = <T>(ci: T, full: T): T => (profile === 'full' ? full : ci);

export const faultServicesEnv = {
  WSDIAG_SERVICES_DIR: process.env.WSDIAG_FAULTS_SERVICES_DIR ?? '/tmp/faults-svc',
  WSDIAG_CH_HTTP_PORT: '18123',
  WSDIAG_CH_TCP_PORT: '19000',
  WSDIAG_KAFKA_PORT: '19092',
  WSDIAG_KAFKA_CONTROLLER_PORT: '19093',
} as const;
const clickhouseUrl = `http://127.0.0.1:${faultServicesEnv.WSDIAG_CH_HTTP_PORT}`;
const brokers = [`127.0.0.1:${faultServicesEnv.WSDIAG_KAFKA_PORT}`];

/** Starts (or stops) the fault suite's own servers with scripts/services; returns the time it took. */
export async function services(command: 'up' | 'down', target?: 'kafka' | 'clickhouse'): Promise<number> {
  const started = Date.now();
  const run = await runServices([command, ...(target ? [target] : [])], { env: faultServicesEnv });
  if (run.code !== 0) throw new Error(`scripts/services ${command} ${target ?? ''} failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  return Date.now() - started;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await Promise.resolve(check()).catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

import { freePort } from './free-port.js';


export type FaultSandbox = Sandbox;

/** Topics allow 4 MiB records: hostile 1 MiB values must fit, and so must their dead-letter copies. */
const topicConfig = [{ name: 'max.message.bytes', value: String(4 * 1024 * 1024) }];

/** Pipeline settings for fault runs: a dead member's partitions move on after 6 s; retries stay shorter so heartbeats keep up. */
export const faultPipelineEnv = {
  WSDIAG_KAFKA_SESSION_TIMEOUT_MS: '6000',
  WSDIAG_RETRY_INITIAL_MS: '100',
  WSDIAG_RETRY_MAX_MS: '2000',
  WSDIAG_BATCH_MAX_ROWS: '2000',
  WSDIAG_BATCH_FLUSH_MS: '300',
} as const;

/** A sandbox on the suite's own servers. `brokerDefaultLimits`: keep the broker's default 1 MiB max.message.bytes. */
export function createFaultSandbox(name: string, partitions = 6, { brokerDefaultLimits = false } = {}): Promise<FaultSandbox> {
  return createSandbox(name, {
    partitions,
    prefix: 'faults',
    brokers,
    clickhouseUrl,
    topicConfig: brokerDefaultLimits ? [] : topicConfig,
    kafkaRetry: { retries: 20, maxRetryTime: 5000 },
    env: faultPipelineEnv,
  });
}

/**
 * Around a describe block: the suite's own servers up, a fresh sandbox, and afterwards the sandbox
 * dropped and the servers stopped. A test may leave one server stopped; teardown brings it back first.
 */
export function useFaultSandbox(name: string): () => FaultSandbox {
  let sandbox: FaultSandbox | undefined;
  beforeAll(async () => {
    await services('up');
    sandbox = await createFaultSandbox(name);
  });
  afterAll(async () => {
    await services('up').catch(() => undefined);
    await sandbox?.cleanup();
    await services('down');
  });
  return () => {
    if (!sandbox) throw new Error(`fault sandbox ${name} is not set up`);
    return sandbox;
  };
}

// ------------------------------------------------------------------------------------------------
// producing

export interface OutRecord {
  key: string;
  value: Buffer;
  partition: number;
}
export interface PlacedRecord extends OutRecord {
  offset: string;
}

const MAX_SEND_BYTES = 512 * 1024;

/** Sends in order, in requests of at most ~512 KiB, and returns each record's offset. */
export async function sendAll(producer: Producer, topic: string, records: readonly OutRecord[]): Promise<PlacedRecord[]> {
  const placed: PlacedRecord[] = [];
  let chunk: OutRecord[] = [];
  let bytes = 0;
  const sendChunk = async () => {
    if (chunk.length === 0) return;
    const sent = chunk;
    chunk = [];
    bytes = 0;
    const metadata = await producer.send({ topic, acks: -1, messages: sent.map((r) => ({ key: r.key, value: r.value, partition: r.partition })) });
    const next = new Map(metadata.map((m) => [m.partition, BigInt(m.baseOffset ?? '0')]));
    for (const r of sent) {
      const offset = next.get(r.partition);
      if (offset === undefined) throw new Error(`no offset for partition ${r.partition}`);
      placed.push({ ...r, offset: offset.toString() });
      next.set(r.partition, offset + 1n);
    }
  };
  for (const r of records) {
    if (bytes + r.value.length > MAX_SEND_BYTES) await sendChunk();
    chunk.push(r);
    bytes += r.value.length + r.key.length;
  }
  await sendChunk();
  return placed;
}

export async function connectProducer(sandbox: FaultSandbox): Promise<Producer> {
  const producer = sandbox.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  return producer;
}

/**
 * A steady stream: `perTick` records every `tickMs`. A send that fails (broker down) is retried until
 * it passes; a retried send may have landed before, so the topic can then hold an extra copy, which
 * the pipeline must count once anyway.
 */
export function startStream(sandbox: FaultSandbox, producer: Producer, records: readonly OutRecord[], perTick: number, tickMs = 100) {
  let sent = 0;
  let retriedSends = 0;
  const placed: PlacedRecord[] = [];
  let stopped = false;
  const done = (async () => {
    for (let i = 0; i < records.length && !stopped; i += perTick) {
      const tick = sleep(tickMs);
      const slice = records.slice(i, i + perTick);
      for (;;) {
        try {
          placed.push(...(await sendAll(producer, sandbox.topic, slice)));
          break;
        } catch {
          retriedSends++;
          await sleep(500);
        }
      }
      sent += slice.length;
      await tick;
    }
  })();
  return {
    done,
    get sent() {
      return sent;
    },
    /** Where each record landed (the last, successful send of it). */
    placed,
    get retriedSends() {
      return retriedSends;
    },
    stop() {
      stopped = true;
    },
  };
}

/** Deterministic sample traffic (ingest/sample-traffic.ts) spread round-robin over the partitions. */
export function sampleRecords(count: number, seed: number, invalidRatio: number, startIso: string, partitions: number): OutRecord[] {
  return sampleTraffic({ count, seed, invalidRatio, startMs: Date.parse(startIso) }).map(roundRobin(partitions));
}

/** Assigns partitions round-robin so that offsets are predictable per record. */
export const roundRobin = (partitions: number) => (r: { key: string; value: Buffer }, i: number): OutRecord => ({ ...r, partition: i % partitions });

// ------------------------------------------------------------------------------------------------
// the pipeline process

export interface PipelineProcess {
  child: ChildProcess;
  pid: number;
  metricsPort: number;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  readonly stderr: string;
}

export async function startPipeline(sandbox: FaultSandbox, args: string[] = ['run'], extraEnv: Record<string, string> = {}): Promise<PipelineProcess> {
  const metricsPort = await freePort();
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...process.env, ...sandbox.env, WSDIAG_METRICS_PORT: String(metricsPort), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout = (stdout + d).slice(-200_000)));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    child,
    pid: child.pid!,
    metricsPort,
    done,
    get stderr() {
      return stderr;
    },
  };
}

export async function httpStatus(port: number, path: string): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2000) });
    await res.text();
    return res.status;
  } catch {
    return 0;
  }
}

export async function metric(port: number, name: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(2000) });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

/** Resident set size of a process in MiB (Linux). */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

export async function committedTotal(sandbox: FaultSandbox): Promise<{ committed: bigint; end: bigint; caughtUp: boolean }> {
  const offsets = await groupOffsets(sandbox.kafka, sandbox.groupId, sandbox.topic);
  let committed = 0n;
  let end = 0n;
  for (const p of offsets) {
    end += BigInt(p.end);
    committed += p.committed === '-1' ? 0n : BigInt(p.committed);
  }
  return { committed, end, caughtUp: offsets.every((p) => p.committed === p.end || (p.committed === '-1' && p.end === '0')) };
}

export async function waitCaughtUp(sandbox: FaultSandbox, timeoutMs: number): Promise<number> {
  return waitFor('the group to commit every partition to its end', async () => (await committedTotal(sandbox)).caughtUp, timeoutMs, 300);
}

/** Milliseconds until the group commits beyond `baseline` (progress has resumed). */
export async function waitCommitProgress(sandbox: FaultSandbox, baseline: bigint, timeoutMs: number): Promise<number> {
  return waitFor('commit progress', async () => {
    const c = await committedTotal(sandbox);
    return c.committed > baseline || (c.caughtUp && c.end > 0n);
  }, timeoutMs, 200);
}

/** Problems a pipeline's stderr must never show: crashes, unhandled rejections, uncaught errors. */
export function stderrProblems(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /unhandled|uncaught|rejection|fatal|Error:|wsdiag: /i.test(l));
}

// ------------------------------------------------------------------------------------------------
// accounting

export interface Expected {
  /** Distinct event_ids of every valid record produced (copies counted once). */
  validIds: ReadonlySet<string>;
  byAttribution: Record<string, number>;
  /** Invalid records by "partition:offset" (their original bytes and the oracle's reason). */
  invalid: ReadonlyMap<string, { key: string; value: Buffer; reason?: string }>;
  /** What `wsdiag retro` must report for its window (minute-aligned, at most 400 days). */
  retro: { fromIso: string; toIso: string; events: number; byAttribution: Record<string, number> };
}

const MINUTE_MS = 60_000;
const emptyCounts = (): Record<string, number> => ({ '1010': 0, '1015': 0, other: 0, none: 0 });

/**
 * Decodes and classifies what was produced with the pipeline's own pure functions (the oracle).
 * The retro window defaults to the span of the valid events; pass one when fuzzed timestamps spread wider.
 */
export function expectationOf(placed: readonly PlacedRecord[], window?: { fromIso: string; toIso: string }, maxRecordBytes = 262_144): Expected {
  const validIds = new Set<string>();
  const byAttribution = emptyCounts();
  const invalid = new Map<string, { key: string; value: Buffer; reason?: string }>();
  const stored: Array<{ ts: number; attribution: string }> = [];
  for (const r of placed) {
    const decoded = decodeRecord(r.value, maxRecordBytes);
    if (!decoded.ok) {
      invalid.set(`${r.partition}:${r.offset}`, { key: r.key, value: r.value, reason: decoded.reason });
      continue;
    }
    const id = decoded.event.event_id;
    if (validIds.has(id)) continue;
    validIds.add(id);
    const attribution = classify(decoded.event).attribution;
    byAttribution[attribution] = (byAttribution[attribution] ?? 0) + 1;
    stored.push({ ts: decoded.event.ts, attribution });
  }
  const times = stored.map((e) => e.ts);
  const fromMs = window ? Date.parse(window.fromIso) : Math.floor((times.length ? Math.min(...times) : 0) / MINUTE_MS) * MINUTE_MS;
  const toMs = window ? Date.parse(window.toIso) : Math.floor((times.length ? Math.max(...times) : 0) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const retroCounts = emptyCounts();
  let retroEvents = 0;
  for (const e of stored) {
    if (e.ts < fromMs || e.ts >= toMs) continue;
    retroEvents++;
    retroCounts[e.attribution] = (retroCounts[e.attribution] ?? 0) + 1;
  }
  return {
    validIds,
    byAttribution,
    invalid,
    retro: { fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString(), events: retroEvents, byAttribution: retroCounts },
  };
}

export interface Figures {
  /** uniqExact(event_id) over raw events. */
  rawDistinct: number;
  /** count() FINAL: rows after ReplacingMergeTree collapsing. */
  rawFinal: number;
  /** count() without FINAL: physical rows (a second copy would show here before a merge). */
  rawRows: number;
  /** sum(events) over rollup_minute FINAL, and per attribution. */
  rollupEvents: number;
  rollupByAttribution: Record<string, number>;
  /** `wsdiag retro --format json` summary. */
  retroEvents: number;
  retroByAttribution: Record<string, number>;
  lost: number;
  /** Event_ids in ClickHouse that were never produced (must be 0). */
  unexpected: number;
  /** Dead letters read back, the distinct source offsets among them, and repeated copies of one offset. */
  dlq: number;
  dlqMatched: number;
  dlqCopies: number;
  dlqProblems: string[];
}

export async function figures(sandbox: FaultSandbox, expected: Expected): Promise<Figures> {
  const db = sandbox.database;
  const ch = sandbox.clickhouse;
  const [raw] = await ch.query<{ d: string; r: string }>(`SELECT uniqExact(event_id) AS d, count() AS r FROM ${db}.events`);
  const [final] = await ch.query<{ n: string }>(`SELECT count() AS n FROM ${db}.events FINAL`);
  const ids = await ch.query<{ event_id: string }>(`SELECT DISTINCT event_id FROM ${db}.events`);
  const stored = new Set(ids.map((r) => r.event_id));
  const [rollup] = await ch.query<{ n: string }>(`SELECT sum(events) AS n FROM ${db}.rollup_minute FINAL`);
  const perAttribution = await ch.query<{ attribution: string; n: string }>(
    `SELECT attribution, sum(events) AS n FROM ${db}.rollup_minute FINAL GROUP BY attribution`,
  );
  const retro = await retroSummary(sandbox, expected.retro.fromIso, expected.retro.toIso);
  let lost = 0;
  for (const id of expected.validIds) if (!stored.has(id)) lost++;
  let unexpected = 0;
  for (const id of stored) if (!expected.validIds.has(id)) unexpected++;
  const dlq = await readTopic(sandbox.kafka, sandbox.dlqTopic, expected.invalid.size, 60_000);
  const { matched, copies, problems } = matchDeadLetters(sandbox, dlq, expected.invalid);
  return {
    rawDistinct: Number(raw!.d),
    rawFinal: Number(final!.n),
    rawRows: Number(raw!.r),
    rollupEvents: Number(rollup!.n),
    rollupByAttribution: Object.fromEntries(perAttribution.map((r) => [r.attribution, Number(r.n)])),
    retroEvents: retro.events,
    retroByAttribution: retro.by_attribution,
    lost,
    unexpected,
    dlq: dlq.length,
    dlqMatched: matched,
    dlqCopies: copies,
    dlqProblems: problems,
  };
}

/**
 * Each dead letter must name the source offset of an invalid record and carry its original bytes.
 * A re-read batch (crash, rebalance, failed commit) publishes its dead letters again: such copies
 * share the source offset headers, which identify a dead letter; they are counted, not hidden.
 */
export function matchDeadLetters(sandbox: FaultSandbox, dlq: readonly ConsumedRecord[], invalid: Expected['invalid']): { matched: number; copies: number; problems: string[] } {
  const seen = new Set<string>();
  const problems: string[] = [];
  let matched = 0;
  let copies = 0;
  for (const d of dlq) {
    const where = `${String(d.headers[deadLetterHeaders.partition])}:${String(d.headers[deadLetterHeaders.offset])}`;
    const original = invalid.get(where);
    const reason = String(d.headers[deadLetterHeaders.reason]);
    if (String(d.headers[deadLetterHeaders.topic]) !== sandbox.topic) problems.push(`${where}: wrong source topic`);
    if (!original) {
      problems.push(`${where}: not an invalid record that was produced (reason ${reason})`);
      continue;
    }
    if (d.key?.toString() !== original.key) problems.push(`${where}: key changed`);
    if (Buffer.compare(d.value ?? Buffer.alloc(0), original.value) !== 0) problems.push(`${where}: value bytes changed`);
    if (original.reason && reason !== original.reason) problems.push(`${where}: reason ${reason}, expected ${original.reason}`);
    if (seen.has(where)) {
      copies++;
      continue;
    }
    seen.add(where);
    matched++;
  }
  return { matched, copies, problems: problems.slice(0, 20) };
}

export async function retroSummary(sandbox: FaultSandbox, fromIso: string, toIso: string): Promise<{ events: number; by_attribution: Record<string, number> }> {
  const child = spawn(process.execPath, [cliPath, 'retro', '--from', fromIso, '--to', toIso, '--format', 'json'], {
    env: { ...process.env, ...sandbox.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`wsdiag retro exited ${code}: ${stderr.slice(0, 2000)}`);
  const report = JSON.parse(stdout) as { summary: { events: number; by_attribution: Record<string, number> } };
  return report.summary;
}

/** How many times the worst figure counts an event beyond once (0 when every figure is exact). */
export function countedTwice(f: Figures, expected: Expected): number {
  const n = expected.validIds.size - f.lost;
  return Math.max(0, f.rawFinal - n, f.rawDistinct - n, f.rollupEvents - n, f.retroEvents - expected.retro.events);
}

// ------------------------------------------------------------------------------------------------
// report rows (bench/fault-report.ts collects them from the full run)

/** What a fault test did; the exactness figures it ended with fill in the rest of its report row. */
export type FaultRun = Pick<FaultRow, 'fault' | 'repetitions' | 'produced' | 'recoverMs' | 'notes'>;

export function report(run: FaultRun, f: Figures & { countedTwice: number }): void {
  const file = process.env.WSDIAG_FAULTS_REPORT;
  const row: FaultRow = { ...run, inClickHouse: f.rawDistinct, inDlq: f.dlqMatched, dlqCopies: f.dlqCopies, lost: f.lost, countedTwice: f.countedTwice };
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}
