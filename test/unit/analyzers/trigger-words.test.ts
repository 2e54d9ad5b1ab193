// The matcher's word prefilter must never hide a match: compare it with the exhaustive matcher.
import { describe, expect, it } from 'vitest';
import { alwaysRunRuleIds, matchVocabularies, matchVocabulariesExhaustively } from '../../../analyzers/vocabularies/index.js';
import { alternativeWords, pinnedWords, requiredLiterals } from '../../../analyzers/vocabularies/trigger-words.js';
import { sampleTexts } from './vocabulary-samples.js';

describe('pinnedWords', () => {
  it.each([
    ['\\bECONNREFUSED\\b', ['econnrefused']],
    ['ECONNREFUSED', []],
    ['Unexpected server response: (\\d{3})', ['server', 'response']],
    ['\\bERR_SSL_(?:SSLV3|TLSV1)_ALERT_([A-Z_]+)\\b', []],
    ['no subprotocols? supported\\b', ['supported']],
    ['x509: certificate is valid for .+, not \\S+', ['certificate', 'valid', 'for', 'not']],
    ['\\bcertificate has expired\\b(?! in certificate chain)', ['certificate', 'has', 'expired']],
  ])('%s → %j', (source, words) => {
    expect(pinnedWords(source)).toEqual(words);
  });
});

describe('requiredLiterals', () => {
  it.each([
    ['\\bERR_SSL_(?:SSLV3|TLSV1)_ALERT_([A-Z_]+)\\b', '', ['ERR_SSL_']],
    ['\\b(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)\\b', '', ['_ALERT_']],
    ['HTTP error: (\\d{3})|Http\\(Response \\{ status: (\\d{3})', '', ['HTTP error: ', 'Http(Response { status: ']],
    ['abc(?!x)def', '', ['abc']],
    ['abcd?', '', ['abc']],
    ['ab|cdef', '', undefined],
    ['ERR_SSL_', 'i', undefined],
  ])('%s /%s → %j', (source, flags, literals) => {
    expect(requiredLiterals(source, flags)).toEqual(literals);
  });
});

describe('alternativeWords', () => {
  it.each([
    ['\\bno shared cipher\\b|\\bNO_SHARED_CIPHER\\b', [['shared', 'cipher'], ['no_shared_cipher']]],
    ['\\bcertificate has expired\\b|certificate', undefined],
    ['\\bthe the\\b', [['the']]],
  ])('%s → %j', (source, words) => {
    expect(alternativeWords(source)).toEqual(words);
  });
});

describe('prefiltered matcher', () => {
  it('finds the same rules as the exhaustive matcher on variants of every sample (case, glued words, brackets)', () => {
    const ids = (hits: { rule: string }[]) => hits.map((hit) => hit.rule).sort();
    for (const sample of sampleTexts) {
      for (const text of [sample.toUpperCase(), sample.toLowerCase(), `[${sample}]`, `x${sample}`, sample.replace(/ /g, '_'), `${sample} ${sample}`]) {
        const fields = [{ kind: 'error.message', text }];
        expect(ids(matchVocabularies(fields)), text).toEqual(ids(matchVocabulariesExhaustively(fields)));
      }
    }
  });

  it('runs no rule on every text: each has a trigger word or a required literal', () => {
    expect(alwaysRunRuleIds).toEqual([]);
  });

  it.each(sampleTexts.map((text) => [text.slice(0, 70), text] as const))('finds the same rules as the exhaustive matcher: %s', (_label, text) => {
    const fields = [{ kind: 'error.message', text }];
    const ids = (hits: { rule: string }[]) => hits.map((hit) => hit.rule).sort();
    expect(ids(matchVocabularies(fields))).toEqual(ids(matchVocabulariesExhaustively(fields)));
  });
});
