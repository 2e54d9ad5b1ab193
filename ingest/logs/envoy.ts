// Envoy access-log lines → parsed connection facts, in the default text format and as JSON.
// Default format (Envoy docs, configuration/observability/access_log/usage, "Default format string"):
//   [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS%
//   %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED%
//   %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
//   "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER% %UPSTREAM_LOCAL_ADDRESS%
//   %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS% %REQUESTED_SERVER_NAME% %ROUTE_NAME%
// and the older one without the three fields after %RESPONSE_FLAGS% (up to "%UPSTREAM_HOST%").
// JSON (json_format): keys named after the operators in snake case, as in Istio's JSON access log.
// @see https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage
import { requestPath, type LineParser, type LineResult, type ParsedLogLine } from './log-line.js';

const textLine = /^\[([^\]]+)\] "([^"]*)" (\d{1,3}) (\S+) (.*)$/;
const token = /"((?:[^"\\]|\\.)*)"|(\S+)/g;

/** Response flags that mean the upstream connection failed (UF connect failure, URX retries exhausted, UH no healthy host, UT/UC timeout/termination, UPE protocol error). */
const upstreamFailureFlags = /\b(?:UF|URX|UH|UT|UC|UPE|UMSDR|NR|NC)\b/;
/** Downstream connection failures (DPE protocol error, DC downstream terminated, DT downstream timeout). */
const downstreamFailureFlags = /\b(?:DPE|DC|DT)\b/;

type Fields = {
  start?: string;
  request?: string;
  path?: string;
  code?: string;
  flags?: string;
  upstreamReason?: string;
  downstreamReason?: string;
  authority?: string;
  upstreamHost?: string;
  downstreamRemote?: string;
  sni?: string;
  route?: string;
};

const present = (value: string | undefined): string | undefined => (value && value !== '-' ? value : undefined);

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(token)) out.push((m[1] ?? m[2] ?? '').replace(/\\"/g, '"'));
  return out;
}

function textFields(m: RegExpExecArray): Fields {
  const [, start, request, code, flags, rest = ''] = m;
  const t = tokens(rest);
  // Current default: details, termination details and the quoted reason come before the byte counts.
  const current = t.length >= 16 && !/^\d+$/.test(t[0] ?? '');
  const at = current ? 3 : 0;
  return {
    start, request, code, flags,
    ...(current ? { upstreamReason: t[2] } : {}),
    authority: t[at + 7],
    upstreamHost: t[at + 8],
    ...(current ? { downstreamRemote: t[at + 12], sni: t[at + 13], route: t[at + 9] } : {}),
  };
}

function jsonFields(text: string): Fields | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const o: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (value !== null && value !== undefined) o[key.toLowerCase().replace(/^:/, '')] = String(value);
  return {
    start: o.start_time ?? o.timestamp,
    request: o.method && o.path ? `${o.method} ${o['x-envoy-original-path'] ?? o.path}` : undefined,
    code: o.response_code,
    flags: o.response_flags,
    upstreamReason: o.upstream_transport_failure_reason,
    downstreamReason: o.downstream_transport_failure_reason,
    authority: o.authority ?? o.host,
    upstreamHost: o.upstream_host,
    downstreamRemote: o.downstream_remote_address,
    sni: o.requested_server_name,
    route: o.upstream_cluster ?? o.route_name,
  };
}

function toLine(f: Fields): LineResult {
  const code = Number(f.code);
  const flags = present(f.flags) ?? '';
  const upstreamReason = present(f.upstreamReason);
  const downstreamReason = present(f.downstreamReason);
  const upstreamFailed = upstreamReason !== undefined || upstreamFailureFlags.test(flags);
  const downstreamFailed = downstreamReason !== undefined || downstreamFailureFlags.test(flags);
  const failed = upstreamFailed || downstreamFailed;
  if (!failed && code !== 101) return { ok: false, skip: 'not_connection' };
  const host = present(f.authority) ?? present(f.sni);
  const line: ParsedLogLine = {
    outcome: failed ? 'failed' : 'connected',
    side: downstreamFailed && !upstreamFailed ? 'downstream' : failed ? 'upstream' : 'downstream',
    ...(host ? { host } : {}),
    ...(present(f.upstreamHost) ? { upstreamAddress: f.upstreamHost } : {}),
    ...(present(f.downstreamRemote) ? { clientAddress: f.downstreamRemote } : {}),
    ...(present(f.route) ? { listener: f.route } : {}),
    ...(code > 0 ? { status: code } : {}),
  };
  const path = requestPath(present(f.request)) ?? (f.path?.startsWith('/') ? f.path : undefined);
  if (path) line.path = path;
  const ts = f.start ? Date.parse(f.start) : NaN;
  if (Number.isFinite(ts)) line.ts = ts;
  return { ok: true, line };
}

export const parseEnvoyLine: LineParser = (text) => {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const fields = jsonFields(trimmed);
    return fields ? toLine(fields) : { ok: false, skip: 'unparsable' };
  }
  const m = textLine.exec(trimmed);
  return m ? toLine(textFields(m)) : { ok: false, skip: 'unparsable' };
};
