// 1015 TLS handshake failure: gathers findings from the verify code, TLS alert, certificate facts and
// runtime texts, resolves the ambiguous ones with the other fields, and keeps the strongest cause.
import type { Cause } from '../../../schemas/classification.js';
import type { Classifier, Finding } from '../../candidate.js';
import { finding, strongestCandidate } from '../../findings.js';
import type { EvidenceContext } from '../../evidence-context.js';
import { tlsAlertRow, type TlsAlertRow } from '../../tls-alerts.js';
import { verifyCodeRow, type VerifyCodeRow } from '../../verify-codes.js';
import type { TextHit } from '../../vocabularies/index.js';
import { certificateFindings, isSelfSignedLeaf } from './certificate-facts.js';
import { tlsRemediation } from './remediation.js';

const OLD_TLS_VERSION = /^(?:ssl|tls ?v?1(?:\.[01])?$|tlsv1(?:\.[01])?$|tls1[01]?$)/i;
const CIPHER_WORD = /cipher/i;
const VERSION_WORD = /version|protocol/i;
const TLS_HINT = /\b(?:ssl|tls|x509|certificate|cert)\b/i;

// Evidence details, described only when the 1015 candidate is chosen.
const describeVerifyCode = (row: VerifyCodeRow): string =>
  `verify code ${row.code} X509_V_ERR_${row.name} (${row.text}) → ${row.cause} (rule verify_codes.${row.code})`;
const describeAlert = (row: TlsAlertRow, direction: string | undefined): string =>
  `TLS alert ${row.code} ${row.name}${direction ? ` ${direction}` : ''} → ${row.cause} (rule tls_alerts.${row.code})`;
const describeDecided = (original: Finding, cause: Cause, reason: string): string => `${original.evidence.detail}; decided ${cause}: ${reason}`;
const describeDecidedChain = (original: Finding, chainLength: number): string =>
  `${original.evidence.detail}; decided untrusted_ca: the server sent a chain of ${chainLength}, so the anchor is untrusted`;
const describe1015 = (): string => '1015 reported by the API (rule close_codes.1015)';
const describe1006 = (): string => '1006 on a wss:// connection with a TLS hint and no other cause (rule inferred.1006_wss)';

function tableFindings(context: EvidenceContext, findings: Finding[]): void {
  const tls = context.event.tls;
  if (tls?.verify_code !== undefined) {
    const row = verifyCodeRow(tls.verify_code);
    if (row?.cause) findings.push(finding(row.cause, row.confidence ?? 0.6, 'tls.verify_code', describeVerifyCode, row, undefined, undefined, row.ambiguity));
  }
  if (tls?.alert !== undefined) {
    const row = tlsAlertRow(tls.alert);
    if (row?.cause) findings.push(finding(row.cause, row.confidence ?? 0.6, 'tls.alert', describeAlert, row, tls.alert_direction, undefined, row.ambiguity));
  }
}

/** Decide an ambiguous finding with the chain facts or the wording; more confident when decided. */
function resolveFinding(original: Finding, context: EvidenceContext): Finding {
  const { event } = context;
  if (original.ambiguity === 'issuer') {
    const chainLength = event.tls?.chain_length;
    const confidence = Math.min(0.9, original.confidence + 0.3);
    if (isSelfSignedLeaf(event)) return finding('self_signed', confidence, original.kind, describeDecided, original, 'self_signed', 'the leaf is self-signed');
    if (chainLength === 1)
      return finding('incomplete_chain', confidence, original.kind, describeDecided, original, 'incomplete_chain', 'the server sent only the leaf (chain_length 1)');
    if (chainLength !== undefined && chainLength >= 2) return finding('untrusted_ca', confidence, original.kind, describeDecidedChain, original, chainLength);
    return original;
  }
  if (original.ambiguity === 'handshake') {
    const version = event.tls?.version;
    const cipherWord = CIPHER_WORD.test(context.text);
    const versionWord = VERSION_WORD.test(context.text);
    const confidence = Math.min(0.8, original.confidence + 0.2);
    if (version && OLD_TLS_VERSION.test(version.trim()))
      return finding('tls_version_mismatch', confidence, original.kind, describeDecided, original, 'tls_version_mismatch', `tls.version ${version} is obsolete`);
    if (cipherWord && !versionWord) return finding('cipher_mismatch', confidence, original.kind, describeDecided, original, 'cipher_mismatch', 'the error text names ciphers');
    if (versionWord && !cipherWord)
      return finding('tls_version_mismatch', confidence, original.kind, describeDecided, original, 'tls_version_mismatch', 'the error text names the protocol version');
    return original;
  }
  return original;
}

function hasTlsFacts(tls: object | undefined): boolean {
  if (tls === undefined) return false;
  for (const _ in tls) return true;
  return false;
}

function inferredFrom1006(context: EvidenceContext): Finding | undefined {
  const { event } = context;
  if (!context.secure || event.close?.code !== 1006) return undefined;
  const hint = hasTlsFacts(event.tls) || TLS_HINT.test(context.text);
  if (!hint) return undefined;
  return finding('tls_unknown', 0.3, 'close.code', describe1006);
}

export const tlsHandshakeClassifier: Classifier = {
  name: 'tls-handshake',
  attribution: '1015',
  classify(context) {
    if (context.tlsCompleted) return undefined;
    const event = context.event;
    const code = event.close?.code;
    const hits = context.hits;
    let tlsHits = 0;
    for (let i = 0; i < hits.length; i++) if ((hits[i] as TextHit).attribution === '1015') tlsHits++;
    // Nothing TLS-related at all: answer without allocating.
    if (event.tls === undefined && tlsHits === 0 && code !== 1006 && code !== 1015) return undefined;
    const findings: Finding[] = [];
    tableFindings(context, findings);
    if (context.failed) certificateFindings(event, findings);
    if (tlsHits > 0) for (let i = 0; i < hits.length; i++) if ((hits[i] as TextHit).attribution === '1015') findings.push(hits[i] as TextHit);
    if (code === 1015) findings.push(finding('tls_unknown', 0.6, 'close.code', describe1015));
    if (findings.length === 0) {
      const inferred = inferredFrom1006(context);
      if (inferred) findings.push(inferred);
    }
    let ambiguous = false;
    for (let i = 0; i < findings.length && !ambiguous; i++) ambiguous = (findings[i] as Finding).ambiguity !== undefined;
    if (ambiguous) for (let i = 0; i < findings.length; i++) findings[i] = resolveFinding(findings[i] as Finding, context);
    return strongestCandidate('1015', findings, tlsRemediation, 'tls_unknown');
  },
};
