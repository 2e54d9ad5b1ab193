// Remediation per cause for the retro checklist: the classifiers' own texts, so a retro says what the
// engine says for the same failure.
import { extensionRemediation } from '../classifiers/mandatory-extension/remediation.js';
import { otherRemediation } from '../classifiers/other-failure/remediation.js';
import { tlsRemediation } from '../classifiers/tls-handshake/remediation.js';

const byCause: Readonly<Record<string, string | undefined>> = { ...extensionRemediation, ...tlsRemediation, ...otherRemediation };

export function remediationFor(cause: string): string {
  return byCause[cause] ?? 'No remediation is recorded for this cause: read the evidence of a few events (wsdiag.events) to decide.';
}
