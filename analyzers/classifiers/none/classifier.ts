// `none`: the connection succeeded, or closed normally (1000, 1001, or a clean close without a status).
import type { Cause } from '../../../schemas/classification.js';
import type { Classifier, Finding } from '../../candidate.js';
import { closeCodeRow, type CloseCodeRow } from '../../close-codes.js';
import { strongestCandidate } from '../../findings.js';

const noneRemediation: Partial<Record<Cause, string>> = {
  connected: 'No action: the connection was established.',
  normal_closure: 'No action: the connection closed normally (1000).',
  going_away:
    'Usually no action: an endpoint went away (1001: page navigation, server shutdown or deploy); if it is frequent during deploys, drain connections and let clients reconnect with backoff.',
};

const CLEAN_1005: Finding = { cause: 'normal_closure', confidence: 0.6, evidence: { kind: 'close.code', detail: '1005: a Close frame without a status code, a clean close (rule close_codes.1005)' } };
const CLOSED: Finding = { cause: 'normal_closure', confidence: 0.5, evidence: { kind: 'outcome', detail: 'outcome closed without a close code or error (rule outcome.closed)' } };
const CONNECTED: Finding = { cause: 'connected', confidence: 0.8, evidence: { kind: 'outcome', detail: 'outcome connected without an error (rule outcome.connected)' } };

function closeCodeFinding(code: number, row: CloseCodeRow, confidence: number): Finding {
  return { cause: row.cause as Cause, confidence, evidence: { kind: 'close.code', detail: `close code ${code} ${row.name} (rule close_codes.${code})` } };
}

export const noneClassifier: Classifier = {
  name: 'none',
  attribution: 'none',
  classify(context) {
    const { event } = context;
    if (event.outcome === 'failed') return undefined;
    // Libraries report a normal close as an error object too (Go CloseError, websockets ConnectionClosedOK):
    // with an error only a 1000/1001 close counts, slightly less sure.
    const hasError = event.error !== undefined;
    const findings: Finding[] = [];
    const code = event.close?.code;
    if (code !== undefined) {
      const row = closeCodeRow(code);
      if (row?.cause === 'normal_closure' || row?.cause === 'going_away')
        findings.push(closeCodeFinding(code, row, hasError ? 0.85 : (row.confidence ?? 0.9)));
      else if (hasError) return undefined;
      else if (code === 1005)
        findings.push(CLEAN_1005);
    } else if (hasError) {
      return undefined;
    } else if (event.outcome === 'closed') {
      findings.push(CLOSED);
    } else if (event.outcome === 'connected') {
      findings.push(CONNECTED);
    }
    return strongestCandidate('none', findings, noneRemediation);
  },
};
