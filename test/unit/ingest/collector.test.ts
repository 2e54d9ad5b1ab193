// The collector's pure parts: how a body splits into items, where each item goes, the token check.
import { describe, expect, it } from 'vitest';
import { authorized, sortItems, splitBody } from '../../../ingest/collector.js';

const valid = (id: string) => `{"event_id":"${id}","ts":0,"outcome":"failed","source":{"kind":"client","service":"s"},"target":{"url":"wss://h/"}}`;

describe('splitBody', () => {
  it.each([
    ['NDJSON, blank and CRLF lines', `${valid('a')}\r\n\n${valid('b')}\n`, [[1, valid('a')], [3, valid('b')]]],
    ['one object without a newline', valid('a'), [[1, valid('a')]]],
    ['JSON array', `[${valid('a')}, ${valid('b')}]`, [[1, valid('a')], [2, valid('b')]]],
    ['empty array', '[]', []],
    ['broken array stays one item', '[{"event_id":', [[1, '[{"event_id":']]],
  ])('%s', (_label, body, expected) => {
    expect(splitBody(Buffer.from(body)).map((i) => [i.item, i.value.toString()])).toEqual(expected);
  });
});

describe('sortItems', () => {
  it('keys valid events by event_id and dead-letters the rest with the decoder reason and the item number', () => {
    const sorted = sortItems(splitBody(Buffer.from(`${valid('a')}\nnope\n${'x'.repeat(50)}\n`)), 40 + valid('a').length);
    expect(sorted.events.map((e) => e.key)).toEqual(['a']);
    expect(sorted.errors.map((e) => [e.item, e.reason])).toEqual([[2, 'not_json'], [3, 'not_json']]);
    expect(sorted.deadLetters[0]?.headers).toMatchObject({ 'wsdiag.error.reason': 'not_json', 'wsdiag.source.topic': 'http', 'wsdiag.source.item': '2' });
    const tooLarge = sortItems(splitBody(Buffer.from(valid('big-event-id-that-is-long'))), 100);
    expect(tooLarge.errors.map((e) => e.reason)).toEqual(['too_large']);
  });
});

describe('authorized', () => {
  it.each([
    [undefined, undefined, true],
    ['Bearer s3cret-token-value-16', undefined, true],
    ['Bearer s3cret-token-value-16', 's3cret-token-value-16', true],
    ['bearer s3cret-token-value-16', 's3cret-token-value-16', true],
    ['Bearer s3cret-token-value-1', 's3cret-token-value-16', false],
    ['s3cret-token-value-16', 's3cret-token-value-16', false],
    [undefined, 's3cret-token-value-16', false],
  ])('%s against %s → %s', (header, token, expected) => {
    expect(authorized(header, token)).toBe(expected);
  });
});
