// `none`: the connection succeeded, or closed normally (1000, 1001, or a clean close without a status).
import type { Cause } from '../../../schemas/classification.js';
import type { Candidate, Classifier, Finding } from '../../candidate.js';
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

/** One finding's candidate, built once: most events of a connection stream are successes and normal closes. */
const single = (finding: Finding): Candidate => ({ ...(strongestCandidate('none', [finding], noneRemediation) as Candidate), evidence: [finding.evidence] });
const CONNECTED_CANDIDATE = single(CONNECTED);
const CLOSED_CANDIDATE = single(CLOSED);
const CLEAN_1005_CANDIDATE = single(CLEAN_1005);
// Per close code, without and with an error: the candidate depends on nothing else (a few codes, never evicted).
const byCode = new Map<number, Candidate | null>();

function closeCodeCandidate(code: number, hasError: boolean): Candidate | undefined {
  const key = hasError ? -code - 1 : code;
  let candidate = byCode.get(key);
  if (candidate === undefined) {
    const row = closeCodeRow(code);
    candidate =
      row?.cause === 'normal_closure' || row?.cause === 'going_away'
        ? single(closeCodeFinding(code, row, hasError ? 0.85 : (row.confidence ?? 0.9)))
        : !hasError && code === 1005
          ? CLEAN_1005_CANDIDATE
          : null;
    // Any integer can arrive: only table codes are kept.
    if (row) byCode.set(key, candidate);
  }
  return candidate ?? undefined;
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
    const code = context.closeCode;
    if (code !== undefined) return closeCodeCandidate(code, hasError);
    if (hasError) return undefined;
    if (event.outcome === 'closed') return CLOSED_CANDIDATE;
    if (event.outcome === 'connected') return CONNECTED_CANDIDATE;
    return undefined;
  },
};
