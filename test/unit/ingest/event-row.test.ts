// Contract: the row the pipeline writes has exactly the columns the DDL declares.
import { describe, expect, it } from 'vitest';
import { eventColumns } from '../../../schemas/clickhouse/events-table.js';
import { toEventRow, targetHost } from '../../../ingest/event-row.js';
import { telemetryEventSchema } from '../../../schemas/telemetry-event.js';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';

const event = telemetryEventSchema.parse({
  event_id: 'row-1',
  ts: '2026-11-25T09:00:04.250Z',
  outcome: 'failed',
  source: { kind: 'client', service: 'market-feed', region: 'eu-west-1', runtime: 'node 20 ws 8.18' },
  target: { url: 'wss://API.Example.com:8443/socket' },
  tls: { verify_code: 10, peer_certificate: { subject: 'CN=api.example.com', issuer: 'CN=R11', not_after: '2026-11-25T09:00:00Z' } },
  error: { code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' },
});

describe('toEventRow', () => {
  const row = toEventRow(event, classify(event), { topic: 't', partition: 2, offset: '41' }, Date.UTC(2026, 10, 25, 9, 1), CLASSIFIER_VERSION);

  it('fills exactly the DDL columns', () => {
    expect(Object.keys(row).sort()).toEqual(eventColumns.map(([name]) => name).sort());
  });

  it('keeps second precision in ts and the milliseconds apart (no DateTime64 on 18.16)', () => {
    expect(row.ts).toBe(Date.UTC(2026, 10, 25, 9, 0, 4) / 1000);
    expect(row.ts_ms).toBe(250);
    expect(row.cert_not_after).toBe(Date.UTC(2026, 10, 25, 9, 0, 0) / 1000);
  });

  it('marks absent tri-state fields as -1 rather than false', () => {
    expect(row.cert_self_signed).toBe(-1);
    expect(row.close_code).toBe(-1);
    expect(row.chain_length).toBe(-1);
  });

  it('derives host and runtime family for grouping', () => {
    expect(row.target_host).toBe('api.example.com');
    expect(row.runtime_family).toBe('node');
    expect(row.attribution).toBe('1015');
    expect(row.cause).toBe('cert_expired');
    expect(JSON.parse(String(row.evidence)).length).toBeGreaterThan(0);
  });

  it.each([
    ['wss://h.example:443/x', 'h.example'],
    ['ws://[::1]:8080/', '[::1]'],
    ['wss://', ''],
  ])('targetHost(%s) = %s', (url, host) => expect(targetHost(url)).toBe(host));
});
