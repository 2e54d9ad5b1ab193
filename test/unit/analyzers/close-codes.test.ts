import { describe, expect, it } from 'vitest';
import { closeCodeRow, closeCodeTable, closeViolations, violationKinds } from '../../../analyzers/close-codes.js';

describe('close-code table', () => {
  it('covers 0..65535 with contiguous, non-overlapping rows', () => {
    const rows = [...closeCodeTable].sort((a, b) => a.from - b.from);
    expect(rows[0]?.from).toBe(0);
    expect(rows.at(-1)?.to).toBe(65535);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.from, rows[i]!.name).toBe(rows[i - 1]!.to + 1);
  });

  it.each([
    [1000, 'valid'],
    [1003, 'valid'],
    [1004, 'reserved'],
    [1005, 'api_only'],
    [1006, 'api_only'],
    [1007, 'valid'],
    [1012, 'valid'],
    [1014, 'valid'],
    [1015, 'api_only'],
    [1016, 'invalid'],
    [2999, 'invalid'],
    [3000, 'valid'],
    [4999, 'valid'],
    [5000, 'invalid'],
    [999, 'invalid'],
  ])('code %i is %s on the wire', (code, wire) => {
    expect(closeCodeRow(code)?.wire).toBe(wire);
  });
});

describe('closeViolations', () => {
  it.each([
    ['1005 read from a frame', { code: 1005, on_wire: true }, ['close_code_1005_on_wire']],
    ['1006 read from a frame', { code: 1006, on_wire: true }, ['close_code_1006_on_wire']],
    ['1015 read from a frame', { code: 1015, on_wire: true }, ['close_code_1015_on_wire']],
    ['1006 synthesized by the API', { code: 1006, on_wire: false }, []],
    ['1006 without on_wire', { code: 1006 }, []],
    ['1004 on the wire', { code: 1004, on_wire: true }, ['close_code_reserved:1004']],
    ['1010 sent by the server', { code: 1010, initiator: 'server', on_wire: true }, ['close_code_1010_sent_by_server']],
    ['1010 sent by the server, on_wire unknown', { code: 1010, initiator: 'server' }, ['close_code_1010_sent_by_server']],
    ['1010 sent by the client', { code: 1010, initiator: 'client', on_wire: true }, []],
    ['999', { code: 999, on_wire: true }, ['close_code_invalid:999']],
    ['0 read from a frame', { code: 0, on_wire: true }, ['close_code_invalid:0']],
    // Below 1000 and not marked as read from a frame: the library's own number (apiOwnCode, RFC 6455 §7.4.2), no breach.
    ['0 without on_wire (an API code)', { code: 0 }, []],
    ['1 without on_wire (an API code)', { code: 1 }, []],
    ['1016', { code: 1016, on_wire: true }, ['close_code_invalid:1016']],
    ['2999', { code: 2999, on_wire: true }, ['close_code_invalid:2999']],
    ['5000', { code: 5000, on_wire: true }, ['close_code_invalid:5000']],
    ['5000 said to be synthesized', { code: 5000, on_wire: false }, []],
    ['1000', { code: 1000, on_wire: true }, []],
    ['1014 (IANA)', { code: 1014, on_wire: true }, []],
    ['3000', { code: 3000, on_wire: true }, []],
    ['4999', { code: 4999, on_wire: true }, []],
    ['no code', {}, []],
  ] as const)('%s', (_label, close, expected) => {
    expect(closeViolations(close)).toEqual(expected);
  });

  it('every violation id it emits is listed in violationKinds', () => {
    const patterns = violationKinds.map((kind) => new RegExp(`^${kind.id.replace('<n>', '\\d+')}$`));
    for (let code = 0; code <= 6000; code++) {
      for (const initiator of ['client', 'server'] as const) {
        for (const violation of closeViolations({ code, initiator, on_wire: true })) {
          expect(patterns.some((pattern) => pattern.test(violation)), violation).toBe(true);
        }
      }
    }
  });
});
