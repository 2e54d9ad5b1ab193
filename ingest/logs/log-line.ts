// What a log-line parser hands back (plain data), and how that becomes a telemetry v1 event.
// Parsers never throw: a line is an event, or skipped with a bounded reason the caller counts.
import { createHash } from 'node:crypto';
import type { TelemetryEventInput } from '../../schemas/telemetry-event.js';

export const logFormats = ['nginx', 'haproxy', 'envoy'] as const;
export type LogFormat = (typeof logFormats)[number];

/** Why a line produced no event: not about a connection (startup notices, plain requests), a TCP connection that
 * closed before any TLS ClientHello (health checks), or not in the format at all. */
export const skipReasons = ['not_connection', 'closed_before_hello', 'unparsable'] as const;
export type SkipReason = (typeof skipReasons)[number];

export type ParsedLogLine = {
  /** Epoch ms; undefined when the line carries no time. */
  ts?: number;
  outcome: 'failed' | 'connected';
  /** Which leg failed: the client's connection to the proxy, or the proxy's to its upstream. */
  side: 'downstream' | 'upstream';
  /** The authority the client asked for (Host header, :authority, SNI), port included when it gave one. */
  host?: string;
  path?: string;
  clientAddress?: string;
  upstreamAddress?: string;
  /** The listener or frontend that logged it (nginx `server:`, HAProxy frontend, Envoy route/cluster). */
  listener?: string;
  status?: number;
  tlsVersion?: string;
};

export type LineResult = { ok: true; line: ParsedLogLine } | { ok: false; skip: SkipReason };

export type LineParser = (text: string, options: ParseOptions) => LineResult;

export type ParseOptions = {
  /** Offset of the zone the proxy wrote local times in (nginx, HAProxy), minutes east of UTC. */
  utcOffsetMinutes: number;
};

export type EventContext = {
  format: LogFormat;
  /** `source.service`; defaults to the format name. */
  service: string;
  kind: 'proxy' | 'server';
  instance?: string;
  /** Host for lines that name none (a listener's TLS failure); else the listener address is used. */
  fallbackHost?: string;
  /** Scheme the clients used: proxies that terminate TLS serve wss://. */
  scheme: 'ws' | 'wss';
  /** When the line has no time of its own. */
  nowMs: number;
};

const MAX_MESSAGE_CHARS = 8192;

/** Stable per line and service, so a file read twice (a restart, a rotation replay) counts once downstream. */
export function lineEventId(format: LogFormat, service: string, text: string): string {
  return `${format}-${createHash('sha256').update(service).update('\n').update(text).digest('hex').slice(0, 32)}`;
}

/** "api.example.com:8443" → "api.example.com"; "[::1]:443" → "[::1]". */
export function hostWithoutPort(hostPort: string): string {
  const trimmed = hostPort.trim();
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1) || trimmed;
  const colon = trimmed.lastIndexOf(':');
  return colon > 0 && trimmed.indexOf(':') === colon ? trimmed.slice(0, colon) : trimmed;
}

const usableHost = (host: string | undefined): string | undefined =>
  host && /^[^\s/?#@]+$/.test(host) && host !== '-' ? host : undefined;

/**
 * The authority as a browser would write the URL: the Host header as sent, minus the scheme's default
 * port (RFC 6455 §3: 443 for wss, 80 for ws), so a correlation on the target host finds it.
 */
export function urlAuthority(hostHeader: string, scheme: 'ws' | 'wss'): string {
  const defaultPort = scheme === 'wss' ? ':443' : ':80';
  const lower = hostHeader.trim().toLowerCase();
  return lower.endsWith(defaultPort) ? lower.slice(0, -defaultPort.length) : lower;
}

export function toTelemetryEvent(text: string, parsed: ParsedLogLine, ctx: EventContext): TelemetryEventInput {
  const host = urlAuthority(usableHost(parsed.host) ?? usableHost(ctx.fallbackHost) ?? usableHost(parsed.listener && hostWithoutPort(parsed.listener)) ?? 'unknown', ctx.scheme);
  const path = parsed.path?.startsWith('/') ? parsed.path.split(/\s/)[0] : '/';
  const labels: Record<string, string> = { log_format: ctx.format, side: parsed.side };
  if (parsed.clientAddress) labels.client_addr = parsed.clientAddress;
  if (parsed.upstreamAddress) labels.upstream_addr = parsed.upstreamAddress;
  if (parsed.listener) labels.listener = parsed.listener;
  return {
    event_id: lineEventId(ctx.format, ctx.service, text),
    ts: parsed.ts ?? ctx.nowMs,
    outcome: parsed.outcome,
    source: {
      kind: ctx.kind,
      service: ctx.service,
      runtime: ctx.format,
      ...(ctx.instance ? { instance: ctx.instance } : {}),
    },
    target: { url: `${ctx.scheme}://${host}${path}` },
    ...(parsed.status === undefined ? {} : { handshake: { status: parsed.status } }),
    ...(parsed.tlsVersion ? { tls: { version: parsed.tlsVersion } } : {}),
    ...(parsed.outcome === 'failed' ? { error: { message: text.slice(0, MAX_MESSAGE_CHARS) } } : {}),
    labels,
  };
}

const months: Readonly<Record<string, number>> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** Wall-clock fields in the proxy's zone → epoch ms; undefined for an impossible date. */
export function wallClockMs(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms?: number },
  utcOffsetMinutes: number,
): number | undefined {
  const wall = Date.UTC(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.ms ?? 0);
  const d = new Date(wall);
  // Date.UTC rolls 13/45 over into the next year; a date that does not round-trip is not a date.
  if (!Number.isFinite(wall) || d.getUTCMonth() !== parts.month || d.getUTCDate() !== parts.day || d.getUTCHours() !== parts.hour || d.getUTCMinutes() !== parts.minute || d.getUTCSeconds() !== parts.second) return undefined;
  const ms = wall - utcOffsetMinutes * 60_000;
  return ms >= 0 ? ms : undefined;
}

/** "02/Dec/2026:07:17:22" (nginx access, HAProxy; optional ".123" and " +0100") → epoch ms. */
export function clfTimeMs(text: string, utcOffsetMinutes: number): number | undefined {
  const m = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?: ([+-])(\d{2})(\d{2}))?$/.exec(text);
  const month = m ? months[m[2] as string] : undefined;
  if (!m || month === undefined) return undefined;
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : utcOffsetMinutes;
  return wallClockMs(
    { year: Number(m[3]), month, day: Number(m[1]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), ms: m[7] ? Number(m[7].padEnd(3, '0')) : 0 },
    offset,
  );
}

/** `GET /ws?x=1 HTTP/1.1` → `/ws?x=1`. */
export function requestPath(requestLine: string | undefined): string | undefined {
  const target = requestLine?.split(' ')[1];
  return target?.startsWith('/') ? target : undefined;
}
