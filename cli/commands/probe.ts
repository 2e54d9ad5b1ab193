// `wsdiag probe URL… [--every 60s] [--ca FILE] [--emit stdout|kafka]`: a real WebSocket handshake per
// URL and round, each one a telemetry event v1 (source.kind "probe"). stdout: NDJSON, so
// `wsdiag probe … | wsdiag classify -` works without servers; kafka: published to WSDIAG_TOPIC.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { collect, parseDuration, parseWith, UsageError, type CliCommand } from '../program.js';
import { createKafkaPublisher } from '../../ingest/kafka-source.js';
import { cipherOutsideOffer, probeOnce, type ProbeTarget } from '../../ingest/probe-connection.js';
import { probeEvent, type ProbeIdentity } from '../../ingest/probe-event.js';
import { setup } from './wiring.js';

export const DEFAULT_REQUEST_EXTENSIONS = 'permessage-deflate; client_max_window_bits';

export interface ProbeSettings {
  urls: string[];
  everyMs?: number;
  count?: number;
  emit: 'stdout' | 'kafka';
  target: Omit<ProbeTarget, 'url'>;
  service: string;
  region?: string;
  requiredExtensions: string[];
}

export { parseDuration };

const tlsVersion = (v: string | undefined): ProbeTarget['tlsMaxVersion'] | 'bad' | undefined =>
  v === undefined ? undefined : ({ '1.2': 'TLSv1.2', '1.3': 'TLSv1.3', 'TLSv1.2': 'TLSv1.2', 'TLSv1.3': 'TLSv1.3' } as const)[v] ?? 'bad';

const declare: CliCommand['configure'] = (command) =>
  command
    .argument('[url...]', 'ws:// or wss:// URLs to handshake with')
    .option('--every <duration>', 'repeat every period (60s, 5m); without it: one round')
    .option('--count <n>', 'rounds to run with --every')
    .option('--ca <file>', "PEM file of the CAs to trust (instead of Node's bundle)")
    .option('--emit <where>', 'stdout (NDJSON) or kafka (WSDIAG_TOPIC)', 'stdout')
    .option('--tls-max <version>', 'highest TLS version offered: 1.2 or 1.3')
    .option('--tls-min <version>', 'lowest TLS version offered: 1.2 or 1.3')
    .option('--require-extension <name>', 'an extension the client requires (repeatable)', collect, [])
    .option('--extensions <header>', 'Sec-WebSocket-Extensions offered', DEFAULT_REQUEST_EXTENSIONS)
    .option('--service <name>', 'source.service of the events', 'wsdiag-probe')
    .option('--region <name>', 'source.region of the events')
    .option('--timeout <duration>', 'per handshake', '10s');

type ProbeResult = { ok: true; settings: ProbeSettings } | { ok: false; error: string };

export function parseProbeArgs(args: string[], readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): ProbeResult {
  const parsed = parseWith({ name: 'probe', configure: declare }, args);
  return parsed.ok ? probeSettingsFrom(parsed.parsed.opts, parsed.parsed.args, readFile) : parsed;
}

function probeSettingsFrom(opts: Record<string, unknown>, positionals: string[], readFile: (path: string) => string): ProbeResult {
  const values = opts as {
    every?: string; count?: string; ca?: string; emit: string; tlsMax?: string; tlsMin?: string;
    requireExtension: string[]; extensions: string; service: string; region?: string; timeout: string;
  };
  if (positionals.length === 0) return { ok: false, error: 'at least one ws:// or wss:// URL is required' };
  for (const url of positionals) if (!/^wss?:\/\/[^\s/?#]+/i.test(url)) return { ok: false, error: `not a ws:// or wss:// URL: ${url}` };
  if (values.emit !== 'stdout' && values.emit !== 'kafka') return { ok: false, error: '--emit must be stdout or kafka' };
  const everyMs = values.every === undefined ? undefined : parseDuration(values.every);
  if (values.every !== undefined && everyMs === undefined) return { ok: false, error: '--every takes a duration such as 60s' };
  const timeoutMs = parseDuration(values.timeout);
  if (timeoutMs === undefined) return { ok: false, error: '--timeout takes a duration such as 10s' };
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && !(Number.isInteger(count) && count > 0)) return { ok: false, error: '--count takes a whole number above 0' };
  const tlsMax = tlsVersion(values.tlsMax);
  const tlsMin = tlsVersion(values.tlsMin);
  if (tlsMax === 'bad' || tlsMin === 'bad') return { ok: false, error: '--tls-max and --tls-min take 1.2 or 1.3' };
  let ca: string | undefined;
  if (values.ca !== undefined) {
    try {
      ca = readFile(values.ca);
    } catch (error) {
      return { ok: false, error: `--ca ${values.ca}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }
  const requiredExtensions = values.requireExtension.map((e) => e.trim().toLowerCase()).filter(Boolean);
  return {
    ok: true,
    settings: {
      urls: positionals,
      ...(everyMs !== undefined ? { everyMs } : {}),
      ...(count !== undefined ? { count } : {}),
      emit: values.emit as 'stdout' | 'kafka',
      target: {
        requestExtensions: values.extensions,
        timeoutMs,
        ...(ca !== undefined ? { ca } : {}),
        ...(tlsMax ? { tlsMaxVersion: tlsMax } : {}),
        ...(tlsMin ? { tlsMinVersion: tlsMin } : {}),
      },
      service: values.service,
      ...(values.region !== undefined ? { region: values.region } : {}),
      requiredExtensions,
    },
  };
}

const runtime = `node ${process.versions.node} wsdiag-probe`;

/** One handshake per URL, concurrently; a handshake_failure gets the cipher second pass. */
export async function probeRound(settings: ProbeSettings): Promise<ReturnType<typeof probeEvent>[]> {
  return Promise.all(
    settings.urls.map(async (url) => {
      const target = { ...settings.target, url };
      const obs = await probeOnce(target);
      const handshakeFailure = /HANDSHAKE_FAILURE/.test(obs.transportError?.code ?? '') && url.toLowerCase().startsWith('wss:');
      const outside = handshakeFailure ? await cipherOutsideOffer(target) : undefined;
      const identity: ProbeIdentity = {
        eventId: randomUUID(),
        service: settings.service,
        instance: hostname(),
        ...(settings.region !== undefined ? { region: settings.region } : {}),
        runtime,
        requestExtensions: settings.target.requestExtensions,
        requiredExtensions: settings.requiredExtensions,
        ...(outside ? { cipherOutsideOffer: outside } : {}),
      };
      return probeEvent(obs, identity);
    }),
  );
}

export const probeCommand: CliCommand = {
  name: 'probe',
  summary: 'WebSocket handshakes as telemetry events (URL... [--every 60s] [--ca FILE] [--emit stdout|kafka])',
  configure: declare,
  run: async ({ opts, args }, env) => {
    const parsed = probeSettingsFrom(opts, args, (p) => readFileSync(p, 'utf8'));
    if (!parsed.ok) throw new UsageError(parsed.error);
    return probe(parsed.settings, env);
  },
};

async function probe(settings: ProbeSettings, env: NodeJS.ProcessEnv): Promise<number> {
  const { config, logger } = setup(env);
  const publisher = settings.emit === 'kafka' ? createKafkaPublisher(config, logger) : undefined;
  let stopping = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Without --every: one round. With it: until --count rounds or a signal.
  const rounds = settings.count ?? (settings.everyMs === undefined ? 1 : Infinity);
  try {
    for (let round = 0; round < rounds && !stopping; round++) {
      const started = Date.now();
      const events = await probeRound(settings);
      if (publisher) {
        await publisher.publish(config.WSDIAG_TOPIC, events.map((e) => ({ key: Buffer.from(e.target.url), value: Buffer.from(JSON.stringify(e)) })));
      } else {
        for (const event of events) if (!process.stdout.write(`${JSON.stringify(event)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
      }
      logger.debug({ round, events: events.length, failed: events.filter((e) => e.outcome === 'failed').length }, 'probe round');
      if (round + 1 < rounds && settings.everyMs !== undefined && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, started + settings.everyMs! - Date.now()));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
    return 0;
  } finally {
    await publisher?.disconnect();
  }
}
