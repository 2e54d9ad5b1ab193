// 1015 TLS handshake failure: gathers findings from the verify code, TLS alert, certificate facts and
// runtime texts, resolves the ambiguous ones with the other fields, and keeps the strongest cause.
import { causes1015, type Cause } from '../../../schemas/classification.js';
import type { Classifier, Finding } from '../../candidate.js';
import { strongestCandidate } from '../../findings.js';
import type { EvidenceContext } from '../../evidence-context.js';
import { tlsAlertRow } from '../../tls-alerts.js';
import { verifyCodeRow } from '../../verify-codes.js';
import { certificateFindings, isSelfSignedLeaf } from './certificate-facts.js';
import { tlsRemediation } from './remediation.js';

const tlsCauses: ReadonlySet<Cause> = new Set(causes1015);
const OLD_TLS_VERSION = /^(?:ssl|tls ?v?1(?:\.[01])?$|tlsv1(?:\.[01])?$|tls1[01]?$)/i;
const CIPHER_WORD = /cipher/i;
const VERSION_WORD = /version|protocol/i;
const TLS_HINT = /\b(?:ssl|tls|x509|certificate|cert)\b/i;

function tableFindings(context: EvidenceContext): Finding[] {
  const tls = context.event.tls;
  const findings: Finding[] = [];
  if (tls?.verify_code !== undefined) {
    const row = verifyCodeRow(tls.verify_code);
    if (row?.cause)
      findings.push({
        cause: row.cause,
        confidence: row.confidence ?? 0.6,
        ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}),
        evidence: { kind: 'tls.verify_code', detail: `verify code ${row.code} X509_V_ERR_${row.name} (${row.text}) → ${row.cause} (rule verify_codes.${row.code})` },
      });
  }
  if (tls?.alert !== undefined) {
    const row = tlsAlertRow(tls.alert);
    if (row?.cause)
      findings.push({
        cause: row.cause,
        confidence: row.confidence ?? 0.6,
        ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}),
        evidence: { kind: 'tls.alert', detail: `TLS alert ${row.code} ${row.name}${tls.alert_direction ? ` ${tls.alert_direction}` : ''} → ${row.cause} (rule tls_alerts.${row.code})` },
      });
  }
  return findings;
}

/** Decide an ambiguous finding with the chain facts or the wording; more confident when decided. */
function resolveFinding(finding: Finding, context: EvidenceContext): Finding {
  const { event } = context;
  if (finding.ambiguity === 'issuer') {
    const chainLength = event.tls?.chain_length;
    const decided: [Cause, string] | undefined = isSelfSignedLeaf(event)
      ? ['self_signed', 'the leaf is self-signed']
      : chainLength === 1
        ? ['incomplete_chain', 'the server sent only the leaf (chain_length 1)']
        : chainLength !== undefined && chainLength >= 2
          ? ['untrusted_ca', `the server sent a chain of ${chainLength}, so the anchor is untrusted`]
          : undefined;
    if (!decided) return finding;
    return {
      cause: decided[0],
      confidence: Math.min(0.9, finding.confidence + 0.3),
      evidence: { kind: finding.evidence.kind, detail: `${finding.evidence.detail}; decided ${decided[0]}: ${decided[1]}` },
    };
  }
  if (finding.ambiguity === 'handshake') {
    const version = event.tls?.version;
    const cipherWord = CIPHER_WORD.test(context.text);
    const versionWord = VERSION_WORD.test(context.text);
    const decided: [Cause, string] | undefined =
      version && OLD_TLS_VERSION.test(version.trim())
        ? ['tls_version_mismatch', `tls.version ${version} is obsolete`]
        : cipherWord && !versionWord
          ? ['cipher_mismatch', 'the error text names ciphers']
          : versionWord && !cipherWord
            ? ['tls_version_mismatch', 'the error text names the protocol version']
            : undefined;
    if (!decided) return finding;
    return {
      cause: decided[0],
      confidence: Math.min(0.8, finding.confidence + 0.2),
      evidence: { kind: finding.evidence.kind, detail: `${finding.evidence.detail}; decided ${decided[0]}: ${decided[1]}` },
    };
  }
  return finding;
}

function inferredFrom1006(context: EvidenceContext): Finding | undefined {
  const { event } = context;
  if (!context.secure || event.close?.code !== 1006) return undefined;
  const tls = event.tls;
  const hint = (tls !== undefined && Object.keys(tls).length > 0) || TLS_HINT.test(context.text);
  if (!hint) return undefined;
  return {
    cause: 'tls_unknown',
    confidence: 0.3,
    evidence: { kind: 'close.code', detail: '1006 on a wss:// connection with a TLS hint and no other cause (rule inferred.1006_wss)' },
  };
}

export const tlsHandshakeClassifier: Classifier = {
  name: 'tls-handshake',
  attribution: '1015',
  classify(context) {
    if (context.tlsCompleted) return undefined;
    const code = context.event.close?.code;
    let tlsHits = 0;
    for (const hit of context.hits) if (tlsCauses.has(hit.cause)) tlsHits++;
    // Nothing TLS-related at all: answer without allocating.
    if (context.event.tls === undefined && tlsHits === 0 && code !== 1006 && code !== 1015) return undefined;
    const findings: Finding[] = tableFindings(context);
    if (context.failed) findings.push(...certificateFindings(context.event));
    for (const hit of context.hits) if (tlsCauses.has(hit.cause)) findings.push(hit);
    if (context.event.close?.code === 1015)
      findings.push({ cause: 'tls_unknown', confidence: 0.6, evidence: { kind: 'close.code', detail: '1015 reported by the API (rule close_codes.1015)' } });
    if (findings.length === 0) {
      const inferred = inferredFrom1006(context);
      if (inferred) findings.push(inferred);
    }
    const resolved = findings.some((finding) => finding.ambiguity) ? findings.map((finding) => resolveFinding(finding, context)) : findings;
    return strongestCandidate('1015', resolved, tlsRemediation, 'tls_unknown');
  },
};
