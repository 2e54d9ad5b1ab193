// `wsdiag classify` as a user runs it: NDJSON on stdin, one result per line, in order, no servers.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { classificationSchema } from '../../../schemas/classification.js';
import { sampleTraffic } from '../../../ingest/sample-traffic.js';
import { cliPath } from '../../support/cli-path.js';

const run = (args: string[], input: string) => spawnSync(process.execPath, [cliPath, ...args], { input, encoding: 'utf8' });

describe('wsdiag classify', () => {
  it('answers every input line in order with a valid result', () => {
    const records = sampleTraffic({ count: 300, seed: 5, invalidRatio: 0, startMs: Date.UTC(2026, 10, 25) });
    const out = run(['classify', '-'], records.map((r) => r.value.toString()).join('\n') + '\n');
    expect(out.status, out.stderr).toBe(0);
    const results = out.stdout.trim().split('\n').map((l) => classificationSchema.parse(JSON.parse(l)));
    expect(results.map((r) => r.event_id)).toEqual(records.map((r) => r.eventId));
    expect(new Set(results.map((r) => r.attribution))).toEqual(new Set(['1010', '1015', 'other', 'none']));
  });

  it('reports an invalid line in place and exits 3 (some lines invalid)', () => {
    const good = sampleTraffic({ count: 1, seed: 1, invalidRatio: 0, startMs: 0 })[0]!.value.toString();
    const out = run(['classify'], `${good}\nnot json\n${good}\n`);
    expect(out.status).toBe(3);
    expect(out.stderr).toBe('wsdiag classify: 1 of 3 lines are not valid telemetry events (see their "error" lines)\n');
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ line: 2, error: { reason: 'not_json' } });
    expect(lines[2].event_id).toBe(lines[0].event_id);
  });

  it('prints the JSON Schema of event v1 with the required fields', () => {
    const out = run(['schema'], '');
    expect(out.status).toBe(0);
    const schema = JSON.parse(out.stdout);
    expect(schema.required).toEqual(expect.arrayContaining(['event_id', 'ts', 'outcome', 'source', 'target']));
  });

  it('fails fast with a readable message on bad configuration', () => {
    const out = spawnSync(process.execPath, [cliPath, 'migrate'], { env: { ...process.env, WSDIAG_KAFKA_BROKERS: 'nohostport' }, encoding: 'utf8' });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('WSDIAG_KAFKA_BROKERS');
  });
});
