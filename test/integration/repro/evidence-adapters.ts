// Turns what each real client reported into a telemetry event v1, the way an emitter on that stack
// would: texts exactly as printed, and only the fields that client can actually see (a verify number
// only from openssl s_client and Python; peer certificate fields only from the probe).
import { createRequire } from 'node:module';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import type {
  ErrorReport,
  NodeWsObservation,
  Observation,
  ProbeObservation,
  ProcessObservation,
  ServerLogObservation,
  Target,
} from './clients.js';
import type { Scenario } from './scenarios.js';

export type AdapterContext = {
  scenario: Scenario;
  target: Target;
  /** Epoch ms when the client finished: the event's `ts`. */
  observedAt: number;
  /** `source.runtime` per client, e.g. "curl 7.88.1 ..." from `curl --version`. */
  runtime: string;
};

const wsVersion: string = createRequire(import.meta.url)('ws/package.json').version;

export const nodeRuntime = (what: string): string => `node ${process.versions.node} ${what}`;
export const nodeWsRuntime = nodeRuntime(`ws ${wsVersion}`);

type Handshake = NonNullable<TelemetryEventInput['handshake']>;
type Close = NonNullable<TelemetryEventInput['close']>;

function baseEvent(
  ctx: AdapterContext,
  client: string,
  kind: TelemetryEventInput['source']['kind'],
): Pick<TelemetryEventInput, 'event_id' | 'ts' | 'source' | 'target' | 'labels'> {
  return {
    event_id: `repro/${ctx.scenario.id}/${client}`,
    ts: ctx.observedAt,
    source: { kind, service: `repro-${client}`, runtime: ctx.runtime },
    target: { url: ctx.target.url },
    labels: { scenario: ctx.scenario.id, client },
  };
}

/** Drops undefined members so the event reads like one an emitter serialised. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const requiredExtensions = (ctx: AdapterContext): string[] | undefined =>
  ctx.scenario.client.requiredExtensions ? [...ctx.scenario.client.requiredExtensions] : undefined;

/** undefined instead of an object with nothing in it. */
function nonEmpty<T extends object>(value: T): T | undefined {
  const kept = compact(value);
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function errorField(report: ErrorReport | undefined): TelemetryEventInput['error'] {
  return report && nonEmpty({ name: report.name, code: report.code, message: report.message });
}

/** @see RFC 6455 §7.1.5 / §7.4.1: 1005 and 1006 are set by the API, never read from a Close frame. */
function closeField(close: NodeWsObservation['close']): Close | undefined {
  if (!close) return undefined;
  const synthesized = close.code === 1005 || close.code === 1006;
  return compact<Close>({
    code: close.code,
    reason: close.reason === '' ? undefined : close.reason,
    initiator: synthesized ? 'unknown' : close.initiator,
    on_wire: !synthesized,
  });
}

function fromNodeWs(obs: NodeWsObservation, ctx: AdapterContext): TelemetryEventInput {
  return compact({
    ...baseEvent(ctx, 'node-ws', 'client'),
    // Like a browser's onerror-before-onopen: "failed" only when it never opened.
    outcome: obs.opened ? 'closed' : 'failed',
    handshake: nonEmpty({
      status: obs.status,
      request_extensions: obs.requestExtensions,
      response_extensions: obs.responseExtensions,
      required_extensions: requiredExtensions(ctx),
    }),
    tls: obs.tlsVersion ? { version: obs.tlsVersion } : undefined,
    close: closeField(obs.close),
    error: errorField(obs.error),
  });
}

function fromProbe(obs: ProbeObservation, ctx: AdapterContext): TelemetryEventInput {
  const cert = obs.certificate;
  // Node's authorizationError is a bare code; checkServerIdentity() also gives the message.
  const error: ErrorReport | undefined =
    obs.error ?? obs.hostnameError ?? (obs.authorizationError ? { code: obs.authorizationError } : undefined);
  return compact({
    ...baseEvent(ctx, 'node-probe', 'probe'),
    outcome: obs.handshakeCompleted && !error ? 'connected' : 'failed',
    tls: nonEmpty({
      version: obs.tlsVersion,
      chain_length: cert?.chainLength,
      peer_certificate: cert && {
        subject: cert.subject,
        issuer: cert.issuer,
        not_before: cert.notBefore,
        not_after: cert.notAfter,
        self_signed: cert.selfSigned,
        san: cert.san,
      },
    }),
    error: errorField(error),
  });
}

/** curl -D - -w '%{http_code}\n': header blocks, then the final status ("000" when none). */
function parseCurlStdout(stdout: string): { status?: number; headers: Record<string, string> } {
  const lines = stdout.split(/\r?\n/);
  const code = Number(lines.filter((l) => /^\d{3}$/.test(l)).at(-1) ?? '0');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) headers[match[1].toLowerCase()] = match[2];
  }
  return { ...(code > 0 ? { status: code } : {}), headers };
}

/** Outcome of a raw handshake: a 101 that lacks a required extension is the client's failure. */
function handshakeOutcome(status: number | undefined, responseExtensions: string, ctx: AdapterContext): 'connected' | 'failed' {
  if (status !== 101) return 'failed';
  const negotiated = responseExtensions.split(',').map((offer) => offer.split(';')[0]?.trim());
  const missing = (ctx.scenario.client.requiredExtensions ?? []).some((e) => !negotiated.includes(e));
  return missing ? 'failed' : 'connected';
}

function rawHandshake(status: number | undefined, responseExtensions: string | undefined, ctx: AdapterContext): Handshake | undefined {
  if (status === undefined) return undefined;
  return compact({
    status,
    request_extensions: ctx.scenario.client.requestExtensions ?? '',
    response_extensions: status === 101 ? (responseExtensions ?? '') : undefined,
    required_extensions: requiredExtensions(ctx),
  });
}

function fromCurl(obs: ProcessObservation, ctx: AdapterContext): TelemetryEventInput {
  const { status, headers } = parseCurlStdout(obs.stdout);
  const responseExtensions = headers['sec-websocket-extensions'];
  // After a 101 curl (no WebSocket support in 7.88) waits until --max-time: exit 28 is the harness's.
  const curlError = status === undefined && obs.exitCode !== 0;
  return compact({
    ...baseEvent(ctx, 'curl', 'client'),
    outcome: curlError ? 'failed' : handshakeOutcome(status, responseExtensions ?? '', ctx),
    handshake: rawHandshake(status, responseExtensions, ctx),
    error: curlError ? { code: obs.exitCode, message: obs.stderr.split('\n')[0] ?? '' } : undefined,
  });
}

function fromOpenssl(obs: ProcessObservation, ctx: AdapterContext): TelemetryEventInput {
  const verify = /verify error:num=(\d+):/.exec(obs.stderr);
  const version = /^Protocol version: (\S+)$/m.exec(obs.stderr);
  return compact({
    ...baseEvent(ctx, 'openssl', 'client'),
    outcome: obs.exitCode === 0 ? 'connected' : 'failed',
    tls: nonEmpty({ version: version?.[1], verify_code: verify?.[1] === undefined ? undefined : Number(verify[1]) }),
    error: obs.exitCode === 0 ? undefined : { message: obs.stderr.trim() },
  });
}

type PythonReport = {
  runtime: string;
  tls_version?: string;
  status?: number;
  headers?: Record<string, string>;
  error?: { name: string; code: string | null; message: string; verify_code: number | null };
};

function fromPython(obs: ProcessObservation, ctx: AdapterContext): TelemetryEventInput {
  const report = JSON.parse(obs.stdout) as PythonReport;
  const responseExtensions = report.headers?.['sec-websocket-extensions'];
  const err = report.error;
  return compact({
    ...baseEvent(ctx, 'python', 'client'),
    source: { kind: 'client', service: 'repro-python', runtime: report.runtime },
    outcome: err ? 'failed' : handshakeOutcome(report.status, responseExtensions ?? '', ctx),
    handshake: rawHandshake(report.status, responseExtensions, ctx),
    tls: nonEmpty({ version: report.tls_version, verify_code: err?.verify_code ?? undefined }),
    error: err && compact({ name: err.name, code: err.code ?? undefined, message: err.message }),
  });
}

function fromServerLog(obs: ServerLogObservation, ctx: AdapterContext): TelemetryEventInput {
  return compact({
    ...baseEvent(ctx, 'server-log', 'server'),
    outcome: obs.serverError ? 'failed' : 'connected',
    error: obs.serverError && compact({ code: obs.serverError.code, message: obs.serverError.message }),
  });
}

export function toTelemetryEvent(obs: Observation, ctx: AdapterContext): TelemetryEventInput {
  switch (obs.client) {
    case 'node-ws':
      return fromNodeWs(obs, ctx);
    case 'node-probe':
      return fromProbe(obs, ctx);
    case 'curl':
      return fromCurl(obs, ctx);
    case 'openssl':
      return fromOpenssl(obs, ctx);
    case 'python':
      return fromPython(obs, ctx);
    case 'server-log':
      return fromServerLog(obs, ctx);
  }
}
