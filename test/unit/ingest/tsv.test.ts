import { describe, expect, it } from 'vitest';
import { encodeTsv, escapeTsv } from '../../../ingest/tsv.js';

describe('TabSeparated encoding', () => {
  it.each([
    ['plain text', 'abc', 'abc'],
    ['tab and newline', 'a\tb\nc', 'a\\tb\\nc'],
    ['backslash first', 'C:\\path\t', 'C:\\\\path\\t'],
    ['carriage return', 'x\r\n', 'x\\r\\n'],
    ['quotes are plain in TSV', `it's "ok"`, `it's "ok"`],
  ])('%s', (_label, input, expected) => {
    expect(escapeTsv(input)).toBe(expected);
  });

  it('writes numbers bare, and numeric columns given text (a 64-bit offset) escaped like any text', () => {
    const body = encodeTsv([{ a: 7, b: -1.5, c: '9007199254740993', d: 'x\ty' }], [['a', 'UInt16'], ['b', 'Float32'], ['c', 'UInt64'], ['d', 'Int32']]);
    expect(body).toBe('7\t-1.5\t9007199254740993\tx\\ty\n');
  });

  it('writes arrays of numbers bare and arrays of times quoted with 10 digits', () => {
    const body = encodeTsv([{ t: [0, 1_700_000_000], n: [1, -1] }], [['t', 'Array(DateTime)'], ['n', 'Array(Int8)']]);
    expect(body).toBe("['0000000000','1700000000']\t[1,-1]\n");
  });

  it('writes rows in column order, DateTime as 10 digits, array strings quoted with backslash escapes', () => {
    const body = encodeTsv(
      [
        { id: 'e1', ts: 0, n: -1, tags: ["a'b", 'c\\d'] },
        { id: 'e\t2', ts: 1_700_000_000, n: 7, tags: [] },
      ],
      [['id', 'String'], ['ts', 'DateTime'], ['n', 'Int32'], ['tags', 'Array(String)']],
    );
    expect(body).toBe("e1\t0000000000\t-1\t['a\\'b','c\\\\d']\ne\\t2\t1700000000\t7\t[]\n");
  });
});
