// `none`: the connection succeeded, or closed normally (1000, 1001, or a clean close without a status).
import type { Cause } from '../../../schemas/classification.js';
import type { Classifier, Finding } from '../../candidate.js';
import { closeCodeRow, type CloseCodeRow } from '../../close-codes.js';
import { finding, strongestCandidate } from '../../findings.js';

const noneRemediation: Partial<Record<Cause, string>> = {
  connected: 'No action: the connection was established.',
  normal_closure: 'No action: the connection closed normally (1000).',
  going_away:
    'Usually no action: an endpoint went away (1001: page navigation, server shutdown or deploy); if it is frequent during deploys, drain connections and let clients reconnect with backoff.',
};

// Evidence details, described only when the `none` candidate is chosen.
const describeCloseCode = (code: number, row: CloseCodeRow): string => `close code ${code} ${row.name} (rule close_codes.${code})`;
const describe1005 = (): string => '1005: a Close frame without a status code, a clean close (rule close_codes.1005)';
const describeClosed = (): string => 'outcome closed without a close code or error (rule outcome.closed)';
const describeConnected = (): string => 'outcome connected without an error (rule outcome.connected)';

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
        findings.push(finding(row.cause, hasError ? 0.85 : (row.confidence ?? 0.9), 'close.code', describeCloseCode, code, row));
      else if (hasError) return undefined;
      else if (code === 1005)
        findings.push(finding('normal_closure', 0.6, 'close.code', describe1005));
    } else if (hasError) {
      return undefined;
    } else if (event.outcome === 'closed') {
      findings.push(finding('normal_closure', 0.5, 'outcome', describeClosed));
    } else if (event.outcome === 'connected') {
      findings.push(finding('connected', 0.8, 'outcome', describeConnected));
    }
    return strongestCandidate('none', findings, noneRemediation);
  },
};
