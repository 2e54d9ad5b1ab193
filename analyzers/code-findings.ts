// The one place where codes are consulted: numeric and named codes in the event's coded fields
// (tls.verify_code, tls.alert) and codes found inside its texts, looked up in the cited code tables.
// Every classifier takes the code findings of its own attribution from the evidence context.
import type { Evidence } from '../schemas/classification.js';
import { attributionOf, type SourcedFinding } from './candidate.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { tlsAlertRow } from './tls-alerts.js';
import { verifyCodeRow } from './verify-codes.js';

const NONE: readonly SourcedFinding[] = [];

/** Findings of the event's coded fields, verify code first, then the TLS alert. */
export function fieldCodeFindings(event: TelemetryEvent): readonly SourcedFinding[] {
  const tls = event.tls;
  if (tls === undefined || (tls.verify_code === undefined && tls.alert === undefined)) return NONE;
  const findings: SourcedFinding[] = [];
  if (tls.verify_code !== undefined) {
    const row = verifyCodeRow(tls.verify_code);
    if (row?.cause) {
      const evidence: Evidence = {
        kind: 'tls.verify_code',
        detail: `verify code ${row.code} X509_V_ERR_${row.name} (${row.text}) → ${row.cause} (rule verify_codes.${row.code})`,
      };
      findings.push({ rule: `verify_codes.${row.code}`, attribution: attributionOf(row.cause), cause: row.cause, confidence: row.confidence ?? 0.6, evidence, ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}) });
    }
  }
  if (tls.alert !== undefined) {
    const row = tlsAlertRow(tls.alert);
    if (row?.cause) {
      const direction = tls.alert_direction;
      const evidence: Evidence = {
        kind: 'tls.alert',
        detail: `TLS alert ${row.code} ${row.name}${direction ? ` ${direction}` : ''} → ${row.cause} (rule tls_alerts.${row.code})`,
      };
      findings.push({ rule: `tls_alerts.${row.code}`, attribution: attributionOf(row.cause), cause: row.cause, confidence: row.confidence ?? 0.6, evidence, ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}) });
    }
  }
  return findings;
}

/**
 * Appends the findings of codes written inside one text field (named `kind` in evidence) to `out`.
 * Runs after the runtime vocabularies on every text field, memoized with them. The code tables of
 * analyzers/codes/ plug in here; until then the vocabularies' own code rules cover the codes.
 */
export function textCodeFindings(_kind: string, _text: string, _out: SourcedFinding[]): void {}
