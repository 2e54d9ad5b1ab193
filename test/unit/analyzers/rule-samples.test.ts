// Every vocabulary rule (runtime vocabularies and the code tables' rules) fires on the example it carries,
// through the prefiltered matcher: a rule whose regex or trigger word is broken fails here. The examples are
// the runtimes' own strings (see each rule's source), kept next to the rules.
import { describe, expect, it } from 'vitest';
import { codesVocabulary } from '../../../analyzers/codes/vocabulary.js';
import { matchVocabularies, vocabularies } from '../../../analyzers/vocabularies/index.js';
import { verifyCodeTable } from '../../../analyzers/verify-codes.js';

const rules = [...vocabularies.flatMap((vocabulary) => vocabulary.rules), ...codesVocabulary.rules];
const fired = (text: string): string[] => matchVocabularies([{ kind: 'error.message', text }]).map((hit) => hit.rule);

describe('vocabulary rule examples', () => {
  it.each(rules.map((rule) => [rule.id, rule.example] as const))('%s fires on its example', (id, example) => {
    expect(example.trim(), 'empty example').not.toBe('');
    expect(fired(example)).toContain(id);
  });

  it('uses unique rule ids', () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it.each(verifyCodeTable.filter((row) => row.cause && row.code !== 1).map((row) => [row.code, row.text, row.name] as const))(
    'verify %i text "%s" fires its rule',
    (_code, text, name) => {
      expect(fired(`certificate verify failed: ${text}`)).toContain(`openssl.verify_text.${name.toLowerCase()}`);
    },
  );
});
