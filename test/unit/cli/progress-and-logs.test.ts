// Terminal output pieces: the progress and summary lines, the pretty log line, and which kafkajs
// errors are transient (kept at debug, out of a demo's output).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressLine, summaryLine } from '../../../cli/progress.js';
import { prettyLine } from '../../../ingest/pretty-log.js';
import { createLogger } from '../../../ingest/logger.js';
import { isTransientKafkaLog } from '../../../ingest/kafka-source.js';

describe('progress', () => {
  it('records/s over the interval, stored, dead letters and lag', () => {
    expect(progressLine({ records: 3000, stored: 2900, deadLetters: 30, lag: 1200 }, { records: 1000 }, 2000)).toBe('3000 records, 1000 records/s, 2900 stored, 30 dead letters, lag 1200');
  });
  it('a total when known', () => expect(progressLine({ records: 500, total: 2000 }, { records: 0 }, 1000)).toBe('500/2000 records, 500 records/s'));
  it('the summary names every count and the average rate', () => {
    expect(summaryLine('drained', { records: 5000, stored: 4950, deadLetters: 50, duplicates: 0, lag: 0 }, 12_500)).toBe(
      'drained: 5000 records, 4950 stored, 50 dead letters, 0 duplicates skipped in 12.5 s (400 records/s)',
    );
  });
});

describe('WSDIAG_LOG_FORMAT=pretty', () => {
  it('one readable line with the stage, message and fields; secrets still redacted', () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c) => chunks.push(String(c)));
    createLogger('info', out, 'pretty').child({ stage: 'sink' }).warn({ rows: 5, password: 'hunter2' }, 'insert retried');
    expect(chunks.join('')).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN  sink  insert retried {2}rows=5 password=\[redacted\]\n$/);
  });
  it('passes a line that is not JSON through', () => expect(prettyLine('plain text')).toBe('plain text\n'));
});

describe('kafkajs errors during group join and leader election are transient', () => {
  it.each([
    ['The coordinator is not aware of this member, re-joining the group', undefined, true],
    ['Response JoinGroup(key: 11, version: 5)', 'The group is rebalancing, so a rejoin is needed', true],
    ['Response Metadata(key: 3, version: 6)', 'There is no leader for this topic-partition as we are in the middle of a leadership election', true],
    ['Response FindCoordinator(key: 10, version: 2)', 'The coordinator is loading and hence can\'t process requests', true],
    ['Connection error: connect ECONNREFUSED 127.0.0.1:9092', undefined, false],
    ['Response SaslAuthenticate(key: 36, version: 1)', 'Authentication failed during authentication due to invalid credentials with SASL mechanism PLAIN', false],
  ])('%s (%s) → %s', (message, error, transient) => expect(isTransientKafkaLog(message, error)).toBe(transient));
});
