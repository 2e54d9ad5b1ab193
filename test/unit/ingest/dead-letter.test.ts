import { describe, expect, it } from 'vitest';
import { deadLetterHeaders, toDeadLetterRecord } from '../../../ingest/dead-letter.js';

describe('toDeadLetterRecord', () => {
  it('keeps key, value and headers byte for byte and adds the reason and source position', () => {
    const value = Buffer.from([0x00, 0xff, 0x7b, 0x0a]);
    const key = Buffer.from('conn-7');
    const out = toDeadLetterRecord({
      record: { topic: 'ws.telemetry', partition: 4, offset: '9007199254740993', key, value, headers: { trace: Buffer.from('abc'), multi: [Buffer.from('a'), 'b'] } },
      reason: 'invalid_utf8',
      detail: 'value is not valid UTF-8',
    });
    expect(out.value).toBe(value);
    expect(out.key).toBe(key);
    expect(out.headers?.trace).toEqual(Buffer.from('abc'));
    expect(out.headers?.multi).toEqual([Buffer.from('a'), 'b']);
    expect(out.headers?.[deadLetterHeaders.reason]).toBe('invalid_utf8');
    expect(out.headers?.[deadLetterHeaders.offset]).toBe('9007199254740993');
    expect(out.headers?.[deadLetterHeaders.partition]).toBe('4');
    expect(out.headers?.[deadLetterHeaders.topic]).toBe('ws.telemetry');
  });
});
