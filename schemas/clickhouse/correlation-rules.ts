// What the correlation (dashboards/sql/correlation.ts) calls an unexplained failure and what it takes
// as evidence, as SQL over one event row: shared by the correlation rollups' builds (rollups.ts) and
// the raw reference the tests compare them with.

/**
 * "host:port" of a ws:// or wss:// URL, lower-cased, the scheme's default port filled in
 * (RFC 6455 §3: 80 for ws, 443 for wss). Functions 18.16 has.
 */
export function authoritySql(column = 'target_url'): string {
  const hostPort = `lower(extract(${column}, '^[A-Za-z]+://(?:[^@/?#]*@)?([^/?#]+)'))`;
  // A port is present when a ':' remains once an IPv6 literal's [...] is removed (no '$' anchor: Grafana would read it as a variable).
  const hasPort = `position(replaceRegexpOne(${hostPort}, '^\\\\[.*\\\\]', ''), ':') > 0`;
  return `if(${hasPort}, ${hostPort}, concat(${hostPort}, if(lower(substring(${column}, 1, 4)) = 'wss:', ':443', ':80')))`;
}

/**
 * No evidence of its own: never opened (outcome failed), 1006 set by the API (not read from a Close
 * frame) on wss://, no error text, no TLS fact, no HTTP status, and the classifier could only say
 * abnormal_closure or, since engine 1.5.6 (a 1006 before opening), unknown_failure. Any evidence of
 * its own means the event keeps its direct attribution.
 */
export const UNEXPLAINED_SQL = [
  "outcome = 'failed'",
  'close_code = 1006',
  'close_on_wire != 1',
  "lower(substring(target_url, 1, 4)) = 'wss:'",
  "error_name = ''",
  "error_code = ''",
  "error_message = ''",
  "close_reason = ''",
  "tls_version = ''",
  "tls_alert = ''",
  "tls_verify_code = ''",
  "cert_subject = ''",
  'toUInt32(cert_not_after) = 0',
  'chain_length <= 0',
  'empty(chain_subject)',
  'handshake_status = 0',
  "attribution = 'other'",
  "cause IN ('abnormal_closure', 'unknown_failure')",
].join(' AND ');

/**
 * Part of UNEXPLAINED_SQL, read first (PREWHERE): one number and two short strings that leave few
 * rows, so the other columns are read only in the granules that hold a candidate (on the sample
 * traffic, none: the server CPU of this filter over a day's rows is about a fifth). UNEXPLAINED_SQL
 * still holds it, so the filter is the same.
 */
export const UNEXPLAINED_PREWHERE_SQL = "close_code = 1006 AND outcome = 'failed' AND cause IN ('abnormal_closure', 'unknown_failure')";

/**
 * Evidence: a failure whose classifier found a specific cause. Excluded: the catch-alls, and a
 * missing extension, which fails only the client that required it (a browser requires none).
 */
export const EVIDENCE_SQL = "attribution IN ('1010', '1015', 'other') AND cause NOT IN ('abnormal_closure', 'unknown_failure', 'extension_not_negotiated')";
