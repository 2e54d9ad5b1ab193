// The matcher's word prefilter must never hide a match: compare it with the exhaustive matcher.
import { describe, expect, it } from 'vitest';
import { alwaysRunRuleIds, matchVocabularies, matchVocabulariesExhaustively } from '../../../analyzers/vocabularies/index.js';
import { pinnedWords } from '../../../analyzers/vocabularies/trigger-words.js';
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

describe('prefiltered matcher', () => {
  it('leaves only rules that cannot have a trigger word to always run', () => {
    expect(alwaysRunRuleIds.length).toBeLessThanOrEqual(3);
  });

  it.each(sampleTexts.map((text) => [text.slice(0, 70), text] as const))('finds the same rules as the exhaustive matcher: %s', (_label, text) => {
    const fields = [{ kind: 'error.message', text }];
    const ids = (hits: { ruleId: string }[]) => hits.map((hit) => hit.ruleId).sort();
    expect(ids(matchVocabularies(fields))).toEqual(ids(matchVocabulariesExhaustively(fields)));
  });
});
