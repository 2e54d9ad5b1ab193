// A carried protocol's request timeout after a fault the emitter logged: the session's connection failed first (a frame its
// WebSocket library refused, a reset, a close code it refused), and the request the application sent afterwards never got
// its answer. The logged fault decides, as a close code or a server's stated reason does (conventions 11 and 17); the timeout
// is its consequence, not a silent peer's.
import type { Finding, SourcedFinding } from './candidate.js';
import type { EvidenceContext } from './evidence-context.js';
import { BoundedCache } from './bounded-cache.js';
import { logLabels } from './codes/proxy-result.js';
import { findTextFindings } from './text-findings.js';

/**
 * An error-level record of a log line, its message after the level: the level bracketed or bare, after at most three fields of
 * time, date or source position (Go's log package with Ltime|Lshortfile writes "15:04:05 client.go:292: ", and a leveled
 * logger then "[ERROR] "; zap's console encoder "2026-12-04T12:58:19Z\tERROR\tclient.go:292\t…"; Python's BASIC_FORMAT
 * "ERROR:name:message"), or logfmt's level=error (logrus, slog's TextHandler) before its message. Warnings and below are steps.
 * @see https://pkg.go.dev/log#pkg-constants (Ltime, Lshortfile: "01:23:23 d.go:23: message")
 * @see https://pkg.go.dev/go.uber.org/zap/zapcore#CapitalLevelEncoder (ERROR)
 * @see https://docs.python.org/3/library/logging.html#logging.BASIC_FORMAT, https://pkg.go.dev/log/slog#TextHandler
 */
const ERROR_RECORD = /^(?:\S+\s+){0,3}?(?:\[(?:ERROR|ERR|FATAL|CRITICAL)\]|(?:ERROR|FATAL|CRITICAL)(?::|(?=\s))|(?:\S+\s+)*?level=(?:error|ERROR|fatal|FATAL)\s)\s*(\S.*)$/;

// Messages of error records repeat across sessions (one library's fixed wording): each is read once. Null: no cause of its own.
const recordFindings = new BoundedCache<SourcedFinding | null>(512);

/** The strongest `other` cause an error record's message names, other than a timeout or an unknown failure. */
function recordFault(message: string): SourcedFinding | null {
  return recordFindings.get(message, () => {
    const out: SourcedFinding[] = [];
    findTextFindings('error.message', message, out);
    let best: SourcedFinding | null = null;
    for (const hit of out) {
      if (hit.attribution !== 'other' || hit.cause === 'network_timeout' || hit.cause === 'unknown_failure') continue;
      if (best === null || hit.confidence > best.confidence) best = hit;
    }
    return best;
  });
}

/** The first error record, in the log labels' order, whose message names a fault of the session. */
function loggedFault(labels: Readonly<Record<string, unknown>>): { key: string; hit: SourcedFinding } | undefined {
  for (const [key, log] of logLabels(labels)) {
    for (const line of log.split('\n')) {
      const record = ERROR_RECORD.exec(line);
      const hit = record ? recordFault(record[1] as string) : null;
      if (hit) return { key, hit };
    }
  }
  return undefined;
}

/**
 * An opened session with no close code whose error states only a timeout (a request that waited for its reply: "request
 * GetVersion: timeout waiting for response from server"), and whose emitter logged a fault of the session at error level
 * ("Unhandled error: websocket: bad MASK", "read: connection reset by peer"): the fault's cause, a reset after open read as the
 * drop it is (abnormal_closure, RFC 6455 §7.1.5), just above the timeout it explains. A log with no such record leaves the
 * timeout standing (a server that stopped answering).
 */
export function faultBeforeRequestTimeout(context: EvidenceContext): Finding | undefined {
  const labels = context.event.labels;
  if (labels === undefined || context.closeCode !== undefined) return undefined;
  let timeout = 0;
  for (const hit of context.hits) {
    if (hit.cause === 'network_timeout') timeout = Math.max(timeout, hit.confidence);
    else if (hit.cause !== 'unknown_failure') return undefined;
  }
  if (timeout === 0) return undefined;
  const fault = loggedFault(labels);
  if (fault === undefined) return undefined;
  const { key, hit } = fault;
  const cause = hit.cause === 'network_reset' ? 'abnormal_closure' : hit.cause;
  return {
    cause,
    confidence: timeout + 0.01,
    evidence: {
      kind: `labels.${key}`,
      detail: `${hit.evidence.detail}, logged at error level by the emitter before the timeout its error states: the session's connection failed first, and the request sent after it went unanswered → ${cause} (rule inferred.fault_before_request_timeout, conventions 11 and 17)`,
    },
  };
}
