// All runtime vocabularies, in one explicit list, and the matcher that runs them over an event's texts.
// Captured values (HTTP status, TLS alert, verify code) are resolved here through their tables.
import type { Cause, Evidence } from '../../schemas/classification.js';
import type { Ambiguity } from '../candidate.js';
import { httpStatusCause } from '../http-status.js';
import { tlsAlertRow } from '../tls-alerts.js';
import { verifyCodeRow } from '../verify-codes.js';
import { browserVocabulary } from './browser.js';
import { curlVocabulary } from './curl.js';
import { dotnetVocabulary } from './dotnet.js';
import { goVocabulary } from './go.js';
import { javaVocabulary } from './java.js';
import { nodeVocabulary } from './node.js';
import { opensslVocabulary } from './openssl.js';
import { proxyVocabulary } from './proxy.js';
import { pythonVocabulary } from './python.js';
import { rustVocabulary } from './rust.js';
import { systemVocabulary } from './system.js';
import type { Vocabulary, VocabularyRule } from './types.js';

export const vocabularies: readonly Vocabulary[] = [
  browserVocabulary,
  nodeVocabulary,
  goVocabulary,
  javaVocabulary,
  pythonVocabulary,
  dotnetVocabulary,
  rustVocabulary,
  curlVocabulary,
  opensslVocabulary,
  proxyVocabulary,
  systemVocabulary,
];

const allRules: readonly VocabularyRule[] = vocabularies.flatMap((vocabulary) => vocabulary.rules);

/** One text field of an event, named as evidence names it ("error.message"). */
export interface TextField {
  readonly kind: string;
  readonly text: string;
}

/** A vocabulary rule that matched, with the cause after resolving its capture. */
export interface TextHit {
  readonly cause: Cause;
  readonly confidence: number;
  readonly ambiguity?: Ambiguity;
  readonly evidence: Evidence;
}

function firstGroup(match: RegExpExecArray): string | undefined {
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return match[i];
  return undefined;
}

function resolve(rule: VocabularyRule, match: RegExpExecArray, kind: string): TextHit {
  let cause: Cause = rule.cause;
  let confidence = rule.confidence;
  let ambiguity = rule.ambiguity;
  let note = '';
  const value = rule.capture ? firstGroup(match) : undefined;
  if (value !== undefined) {
    if (rule.capture === 'http_status') {
      cause = httpStatusCause(Number(value)) ?? cause;
      note = ` (HTTP ${value})`;
    } else {
      const row = rule.capture === 'tls_alert' ? tlsAlertRow(value) : verifyCodeRow(value);
      if (row?.cause) {
        cause = row.cause;
        confidence = Math.min(confidence, row.confidence ?? confidence);
        ambiguity = row.ambiguity;
        note = ` (${rule.capture === 'tls_alert' ? 'alert' : 'verify'} ${row.code} ${row.name})`;
      } else {
        confidence = Math.min(confidence, 0.5);
      }
    }
  }
  const detail = `"${match[0].slice(0, 160)}" matched ${rule.id}${note} → ${cause}`;
  return ambiguity ? { cause, confidence, ambiguity, evidence: { kind, detail } } : { cause, confidence, evidence: { kind, detail } };
}

/** Every rule that matches any of the fields; [] when there is no text. Rules are compiled once, at load. */
export function matchVocabularies(fields: readonly TextField[]): TextHit[] {
  const hits: TextHit[] = [];
  for (const field of fields) {
    for (const rule of allRules) {
      const match = rule.pattern.exec(field.text);
      if (match) hits.push(resolve(rule, match, field.kind));
    }
  }
  return hits;
}
