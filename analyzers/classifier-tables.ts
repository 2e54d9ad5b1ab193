// A fingerprint of every table the engine decides with (vocabulary and code rules, concepts and their
// lexicon, TLS alerts, verify codes, close codes): a test pins it next to CLASSIFIER_VERSION, so a table
// change cannot ship without a new version (stored rows name the version that classified them).
import { alertCodeRows, platformCodeTables, verifyCodeRows } from './codes/index.js';
import { codesVocabulary } from './codes/vocabulary.js';
import { closeCodeTable } from './close-codes.js';
import { concepts } from './concepts/concepts.js';
import { lexicon } from './concepts/lexicon.js';
import { violationConcepts } from './concepts/protocol-violations.js';
import { vocabularies } from './vocabularies/index.js';
import { tlsErrorTypes } from './codes/tls-error-types.js';
import { upgradeRefusalTexts } from './upgrade-refusal-texts.js';

/** What of a table decides: ids, patterns, causes, confidences, ambiguities, captures, context (not citations or examples). */
function decidingContent(): unknown {
  const rules = [...vocabularies.flatMap((vocabulary) => vocabulary.rules), ...codesVocabulary.rules].map((rule) => [
    rule.id,
    rule.pattern.source,
    rule.pattern.flags,
    rule.cause,
    rule.confidence,
    rule.ambiguity ?? '',
    rule.capture ?? '',
  ]);
  const codes = [...alertCodeRows, ...verifyCodeRows, ...platformCodeTables.flat()].map((row) => [row.table, row.names, row.code ?? '', row.cause, row.confidence, row.ambiguity ?? '', row.texts ?? []]);
  const closes = closeCodeTable.map((row) => [row.from, row.to, row.cause ?? '', row.confidence ?? '', row.wire, row.clientOnly ?? false]);
  const conceptRows = concepts.map(({ example: _example, ...decides }) => decides);
  const violations = violationConcepts.map((row) => [row.id, row.pattern.source, row.pattern.flags]);
  const tlsTypes = tlsErrorTypes.map((row) => [row.pattern.source, row.pattern.flags]);
  const upgradeRefusals = upgradeRefusalTexts.map((row) => [row.id, row.pattern.source, row.pattern.flags, row.part]);
  return { rules, codes, closes, concepts: conceptRows, lexicon, violations, tlsTypes, upgradeRefusals };
}

/** FNV-1a (two 32-bit lanes) over the tables' deciding content, as 16 hex digits. */
export function tablesFingerprint(): string {
  const text = JSON.stringify(decidingContent());
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 16777619);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
