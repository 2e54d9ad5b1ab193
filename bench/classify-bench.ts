// Throughput of `classify` next to `JSON.parse` of the same events (events/s): classification must
// cost well under decoding. Three sets: the failure corpus (texts repeat as in the corpus mix), the
// same with every error text unique (cold), and steady traffic from the sample generator (mostly
// successes, as a connection stream is). Run after `tsc`: `node dist/bench/classify-bench.js`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { classify } from '../analyzers/classify.js';
import { sampleTraffic } from '../ingest/sample-traffic.js';
import { telemetryEventSchema, type TelemetryEvent, type TelemetryEventInput } from '../schemas/telemetry-event.js';

const TARGET_EVENTS = 10_000;
const MIN_BENCH_MS = 1_000;

function corpusEvents(): TelemetryEventInput[] {
  // dist/bench/ → ../../test, bench/ (tsx) → ../test
  for (const relative of ['../../test/fixtures/corpus/', '../test/fixtures/corpus/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (!existsSync(dir)) continue;
    const events: TelemetryEventInput[] = [];
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ndjson')).sort()) {
      for (const line of readFileSync(`${dir}/${file}`, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const sample = JSON.parse(line) as { event?: TelemetryEventInput };
        if (sample.event) events.push(sample.event);
      }
    }
    if (events.length > 0) return events;
  }
  return [];
}

const ts = Date.parse('2025-06-01T12:00:00Z');
const synthesized: TelemetryEventInput[] = [
  { event_id: 's1', ts, outcome: 'failed', source: { kind: 'client', service: 'web', runtime: 'chrome 131' }, target: { url: 'wss://api.example.com/ws' }, close: { code: 1006 }, error: { message: "WebSocket connection to 'wss://api.example.com/ws' failed: Error in connection establishment: net::ERR_CERT_DATE_INVALID" } },
  { event_id: 's2', ts, outcome: 'failed', source: { kind: 'client', service: 'svc', runtime: 'node 20 ws 8.18' }, target: { url: 'wss://api.example.com/ws' }, error: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' }, tls: { chain_length: 1, peer_certificate: { subject: 'CN=api.example.com', issuer: 'CN=R11', san: ['DNS:api.example.com'], not_before: ts - 1e9, not_after: ts + 1e9 } } },
  { event_id: 's3', ts, outcome: 'failed', source: { kind: 'client', service: 'svc', runtime: 'go 1.23' }, target: { url: 'wss://api.example.com/ws' }, error: { message: 'failed to WebSocket dial: expected handshake response status code 101 but got 403' }, handshake: { status: 403 } },
  { event_id: 's4', ts, outcome: 'closed', source: { kind: 'client', service: 'svc' }, target: { url: 'wss://api.example.com/ws' }, close: { code: 1000, on_wire: true, initiator: 'client' } },
  { event_id: 's5', ts, outcome: 'failed', source: { kind: 'client', service: 'svc', runtime: 'python 3.12' }, target: { url: 'wss://api.example.com/ws' }, handshake: { status: 101, request_extensions: 'permessage-deflate; client_max_window_bits', response_extensions: 'permessage-deflate; server_max_window_bits=7', required_extensions: ['permessage-deflate'] } },
  { event_id: 's6', ts, outcome: 'failed', source: { kind: 'probe', service: 'probe' }, target: { url: 'wss://api.example.com/ws' }, tls: { verify_code: 10, alert: 45, alert_direction: 'sent' } },
  { event_id: 's7', ts, outcome: 'failed', source: { kind: 'client', service: 'svc', runtime: 'java 21 okhttp' }, target: { url: 'wss://api.example.com/ws' }, error: { name: 'javax.net.ssl.SSLHandshakeException', message: 'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target' } },
  { event_id: 's8', ts, outcome: 'failed', source: { kind: 'client', service: 'svc', runtime: 'node 20' }, target: { url: 'ws://api.example.com/ws' }, error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.1:80' } },
];

/**
 * ~10k raw JSON lines and their validated events, mixed from the corpus (or the synthesized set).
 * `uniqueTexts` appends the event number to every error message, so no message repeats: every
 * message goes through the vocabulary matcher (the text memo never hits), the cold figure.
 */
export function benchEvents(uniqueTexts = false): { lines: string[]; events: TelemetryEvent[] } {
  const base = corpusEvents();
  const source = base.length > 0 ? base : synthesized;
  const lines: string[] = [];
  const events: TelemetryEvent[] = [];
  for (let i = 0; lines.length < TARGET_EVENTS; i++) {
    const base = source[i % source.length] as TelemetryEventInput;
    const input: TelemetryEventInput =
      uniqueTexts && base.error?.message ? { ...base, error: { ...base.error, message: `${base.error.message} [${i}]` } } : base;
    const line = JSON.stringify({ ...input, event_id: `bench-${i}` });
    // Decoded from the JSON line, as the pipeline does: texts are flat strings, not concatenations.
    const parsed = telemetryEventSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      if (i > source.length * 2 && lines.length === 0) throw new Error('no valid events to benchmark');
      continue;
    }
    lines.push(line);
    events.push(parsed.data);
  }
  return { lines, events };
}

/** ~10k lines of the sample generator's traffic (the demo's and the pipeline bench's), decoded as the pipeline does. */
export function trafficEvents(): { lines: string[]; events: TelemetryEvent[] } {
  const records = sampleTraffic({ count: TARGET_EVENTS, seed: 1, invalidRatio: 0, startMs: Date.parse('2025-06-01T00:00:00Z') });
  const lines = records.map((record) => record.value.toString('utf8'));
  return { lines, events: lines.map((line) => telemetryEventSchema.parse(JSON.parse(line))) };
}

const ROUNDS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

/**
 * Events/s of each run, measured in alternating rounds (JSON.parse, classify, ..., each pass over the
 * set timed on its own) and reported as the median round: on a shared machine the load drifts, and
 * alternating keeps both sides of a ratio under the same drift.
 */
function perSecond(items: number, ...runs: (() => void)[]): number[] {
  for (const run of runs) run(); // warm up
  const rates: number[][] = runs.map(() => []);
  const started = performance.now();
  for (let round = 0; round < ROUNDS || performance.now() - started < MIN_BENCH_MS; round++) {
    runs.forEach((run, index) => {
      const start = performance.now();
      run();
      (rates[index] as number[]).push((items * 1000) / (performance.now() - start));
    });
  }
  return rates.map(median);
}

export interface ClassifyBenchResult {
  /** classify() over the mixed events, texts repeating as in real traffic. */
  classifyPerSec: number;
  /** classify() when no error text repeats (every text goes through the vocabulary matcher). */
  classifyColdPerSec: number;
  /** JSON.parse of the same events' JSON lines (in the mixed set's series). */
  jsonParsePerSec: number;
  /** JSON.parse of the same lines in the cold set's series (the anchor of its ratio). */
  jsonParseColdPerSec: number;
  /** classify() over the sample generator's traffic (~73% successes and normal closes). */
  classifyTrafficPerSec: number;
  /** JSON.parse of the traffic lines. */
  jsonParseTrafficPerSec: number;
}

export async function runClassifyBench(): Promise<ClassifyBenchResult> {
  const { lines, events } = benchEvents();
  const cold = benchEvents(true).events;
  let sink = 0;
  const parseLines = (): void => {
    for (const line of lines) sink += (JSON.parse(line) as { ts: number }).ts > 0 ? 1 : 0;
  };
  // Each set in its own series, next to JSON.parse of the same lines: the cold set's 10k distinct messages
  // clear the text memo (4096 entries), so rounds of it between the mixed set's rounds made every mixed round
  // re-match all of the corpus's distinct texts (≈ +50% per mixed round), a cost of the bench's interleaving,
  // not of either set. The mixed set's memo is filled in its warm-up round, as a stream's would be.
  const [jsonParsePerSec = 0, classifyPerSec = 0] = perSecond(lines.length, parseLines, () => {
    for (const event of events) sink += classify(event).confidence;
  });
  // Cold: 10k distinct messages cycle through the text memo, so every lookup misses.
  const [jsonParseColdPerSec = 0, classifyColdPerSec = 0] = perSecond(lines.length, parseLines, () => {
    for (const event of cold) sink += classify(event).confidence;
  });
  const traffic = trafficEvents();
  const [jsonParseTrafficPerSec = 0, classifyTrafficPerSec = 0] = perSecond(
    traffic.lines.length,
    () => {
      for (const line of traffic.lines) sink += (JSON.parse(line) as { ts: string }).ts.length > 0 ? 1 : 0;
    },
    () => {
      for (const event of traffic.events) sink += classify(event).confidence;
    },
  );
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the loops from being optimised away');
  const round = Math.round;
  return {
    classifyPerSec: round(classifyPerSec),
    classifyColdPerSec: round(classifyColdPerSec),
    jsonParsePerSec: round(jsonParsePerSec),
    jsonParseColdPerSec: round(jsonParseColdPerSec),
    classifyTrafficPerSec: round(classifyTrafficPerSec),
    jsonParseTrafficPerSec: round(jsonParseTrafficPerSec),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runClassifyBench();
  const ratio = (perSec: number, json = result.jsonParsePerSec): number => Math.round((perSec / json) * 100) / 100;
  console.log(
    JSON.stringify({
      bench: 'classify',
      method: `events/s, median of >= ${ROUNDS} alternating rounds per series; three series (corpus mix, cold, traffic), each classify against JSON.parse of the same ~10k lines in the same series`,
      jsonParsePerSec: result.jsonParsePerSec,
      classifyPerSec: result.classifyPerSec,
      classifyColdPerSec: result.classifyColdPerSec,
      ratio: ratio(result.classifyPerSec),
      coldRatio: ratio(result.classifyColdPerSec, result.jsonParseColdPerSec),
      jsonParseTrafficPerSec: result.jsonParseTrafficPerSec,
      classifyTrafficPerSec: result.classifyTrafficPerSec,
      trafficRatio: ratio(result.classifyTrafficPerSec, result.jsonParseTrafficPerSec),
    }),
  );
}
