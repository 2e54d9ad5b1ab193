// The one place where codes are consulted: numeric and named codes in the event's coded fields
// (tls.verify_code, tls.alert) and codes found inside its texts, looked up in the cited code tables.
// Every classifier takes the code findings of its own attribution from the evidence context.
import type { Evidence } from '../schemas/classification.js';
import { sourcedFinding, type SourcedFinding } from './candidate.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { cdnStatusRow } from './codes/cdn.js';
import { proxyRecordCode, proxyResultRow } from './codes/proxy-result.js';
import { addCodeFindings, codeFindings } from './codes/findings.js';
import { tlsAlertRow } from './tls-alerts.js';
import { verifyCodeRow } from './verify-codes.js';
import { NestedCache } from './nested-cache.js';

const NONE: readonly SourcedFinding[] = [];
/** A sent alert below the exact reason texts (0.8) and verify codes, above the generalising tier (≤ 0.6). */
const SENT_ALERT_CONFIDENCE = 0.75;

/** An error.code that is only a number (or hex): a platform code whose stack the runtime may name. */
const BARE_NUMBER = /^\s*-?(?:\d{1,10}|0x[0-9A-Fa-f]{2,8})\s*$/;

/** '-', a digit or a space first: the only strings BARE_NUMBER can match. */
function startsLikeNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 45 || first === 32 || (first >= 48 && first <= 57);
}

/**
 * Findings of the event's coded fields: verify code, TLS alert, a CDN's report of the origin (521-526), and
 * an error.code that is a bare platform number (-9814 from iOS, 12175 from WinHTTP). `hits` are the text
 * findings, so a code already read from error.code's text is not counted twice.
 */
export function fieldCodeFindings(event: TelemetryEvent, hits: readonly SourcedFinding[] = NONE): readonly SourcedFinding[] {
  const tls = event.tls;
  const status = event.handshake?.status;
  // Cheap tests first: this runs for every event, most have a 101 and no code.
  const cdn = status === undefined || status < 520 ? undefined : cdnStatusRow(status);
  const code = event.error?.code;
  const bareCode = code !== undefined && (typeof code === 'number' || startsLikeNumber(code)) && BARE_NUMBER.test(String(code));
  // A proxy's own record of a failed attempt: its result code field states the cause (codes/proxy-result.ts). On a session
  // that opened (closed), a failure code is the drop after open, which the reset/EOF convention reads.
  const result = event.outcome === 'failed' && event.source.kind === 'proxy' ? proxyResultFinding(event) : undefined;
  if ((tls === undefined || (tls.verify_code === undefined && tls.alert === undefined)) && !cdn && !bareCode && !result) return NONE;
  const findings: SourcedFinding[] = [];
  if (result) findings.push(result);
  if (cdn) {
    const evidence: Evidence = { kind: 'handshake.status', detail: `upgrade answered with HTTP ${cdn.code} (${cdn.names[0]}): ${cdn.meaning} → ${cdn.cause} (rule codes.cdn_status.${cdn.code})` };
    findings.push(sourcedFinding(`codes.cdn_status.${cdn.code}`, cdn.cause, cdn.confidence, evidence));
  }
  if (bareCode) {
    const start = findings.length;
    const found = bareCodeFindings(String(code), event.source.runtime, event.source.user_agent);
    for (let i = 0; i < found.length; i++) {
      const finding = found[i] as SourcedFinding;
      if (!hits.some((hit) => hit.evidence.kind === 'error.code' && hit.cause === finding.cause)) findings.push(finding);
    }
    if (findings.length === start && !cdn && !result && (tls === undefined || (tls.verify_code === undefined && tls.alert === undefined))) return NONE;
  }
  if (tls === undefined) return findings;
  if (tls.verify_code !== undefined) {
    const row = verifyCodeRow(tls.verify_code);
    if (row?.cause) findings.push(verifyCodeFinding(row));
    else if (!row) platformVerifyCode(event, String(tls.verify_code), findings);
  }
  if (tls.alert !== undefined) {
    const row = tlsAlertRow(tls.alert);
    if (row?.cause) findings.push(alertFinding(row, tls.alert_direction));
  }
  return findings;
}

// A verify code's or an alert's finding is a fact of its table row (and the alert's direction): built once per row and shared,
// read-only like the texts' memoized findings, by every event that carries the code. The tables are finite, so are the maps.
type VerifyRow = NonNullable<ReturnType<typeof verifyCodeRow>>;
type AlertRow = NonNullable<ReturnType<typeof tlsAlertRow>>;
const verifyFindings = new Map<VerifyRow, SourcedFinding>();
const alertFindings = { sent: new Map<AlertRow, SourcedFinding>(), received: new Map<AlertRow, SourcedFinding>(), none: new Map<AlertRow, SourcedFinding>() };

function verifyCodeFinding(row: VerifyRow): SourcedFinding {
  let found = verifyFindings.get(row);
  if (found === undefined) {
    const cause = row.cause as NonNullable<VerifyRow['cause']>;
    const evidence: Evidence = {
      kind: 'tls.verify_code',
      detail: `verify code ${row.code} X509_V_ERR_${row.name} (${row.text}) → ${cause} (rule verify_codes.${row.code})`,
    };
    found = sourcedFinding(`verify_codes.${row.code}`, cause, row.confidence ?? 0.6, evidence, row.ambiguity);
    verifyFindings.set(row, found);
  }
  return found;
}

function alertFinding(row: AlertRow, direction: 'sent' | 'received' | undefined): SourcedFinding {
  const byRow = alertFindings[direction ?? 'none'];
  let found = byRow.get(row);
  if (found === undefined) {
    const cause = row.cause as NonNullable<AlertRow['cause']>;
    const evidence: Evidence = {
      kind: 'tls.alert',
      detail: `TLS alert ${row.code} ${row.name}${direction ? ` ${direction}` : ''} → ${cause} (rule tls_alerts.${row.code})`,
    };
    // An alert the client sent is its verdict in the alert's coarse vocabulary (RFC 8446 §6.2: unknown_ca for
    // any anchor problem, certificate_unknown for the rest): a stack's own reason text next to it says more.
    const confidence = direction === 'sent' ? Math.min(SENT_ALERT_CONFIDENCE, row.confidence ?? 0.6) : (row.confidence ?? 0.6);
    found = sourcedFinding(`tls_alerts.${row.code}`, cause, confidence, evidence, row.ambiguity);
    byRow.set(row, found);
  }
  return found;
}

/** The finding of a failed attempt's proxy record whose result code states a cause (not 0: no failure). */
function proxyResultFinding(event: TelemetryEvent): SourcedFinding | undefined {
  const code = proxyRecordCode(event);
  const row = code === undefined || code === 0 ? undefined : proxyResultRow(code);
  if (!row) return undefined;
  const evidence: Evidence = { kind: 'error.message', detail: `the proxy's access-log record ends with result code ${code} (${row.meaning}) → ${row.cause} (rule codes.proxy_result.${code})` };
  return sourcedFinding(`codes.proxy_result.${code}`, row.cause, row.confidence, evidence);
}

// Bare numeric codes (errno values, exit codes) repeat with their runtime across events: their findings are a pure
// function of (runtime, user agent, code), memoized per distinct triple without joining them into a key (bounded, started afresh
// when full).
const bareCodeCache = new NestedCache<readonly SourcedFinding[]>();

function bareCodeFindings(code: string, runtime: string | undefined, userAgent: string | undefined): readonly SourcedFinding[] {
  return bareCodeCache.get(runtime, userAgent, code, () => {
    const fresh: SourcedFinding[] = [];
    addCodeFindings('error.code', code, fresh, 0, `${runtime ?? ''} ${userAgent ?? ''}`);
    return fresh.length === 0 ? NONE : fresh;
  });
}

/**
 * A verify code that is not OpenSSL's: another stack's code in the same field (CERT_E_UNTRUSTEDROOT,
 * SEC_ERROR_UNKNOWN_ISSUER, 0x800B010F, or -67843 from an Apple runtime), read through the code tables.
 */
function platformVerifyCode(event: TelemetryEvent, value: string, findings: SourcedFinding[]): void {
  const found: SourcedFinding[] = [];
  codeFindings('tls.verify_code', value, found, `${event.source.runtime ?? ''} ${event.source.user_agent ?? ''}`);
  const first = found.find((finding) => finding.attribution === '1015');
  if (first) findings.push(sourcedFinding(first.rule, first.cause, first.confidence, { kind: 'tls.verify_code', detail: `verify code ${value}: ${first.evidence.detail}` }, first.ambiguity, first.concept));
}

/**
 * The codes of one text field (named `kind` in evidence), after its rules ran into `out` from index
 * `from`: the code tables of analyzers/codes/ (names and texts in every notation, alert and verify
 * numbers, run in the matcher's pass) keep a finding only for a cause no runtime rule of the field
 * named; then packed OpenSSL errors, HRESULTs, OSStatus and library codes next to their stack's name.
 * Memoized with the rules (text-findings.ts).
 */
export function textCodeFindings(kind: string, text: string, out: SourcedFinding[], from: number): void {
  addCodeFindings(kind, text, out, from);
}
