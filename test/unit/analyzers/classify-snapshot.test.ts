// Byte-identical output: classify() on every corpus and holdout event (and on variants that miss the
// text memo, every vocabulary sample text, and structured events that make every evidence rule cite)
// must print exactly what the snapshot recorded. Recorded from the engine at 071ca80 (before its performance
// work), then regenerated only for intended behaviour changes, each commit saying which outputs changed and
// why (first: the generalising tier of issue 11). Regenerate only for an intended behaviour change:
// `WRITE_CLASSIFY_SNAPSHOT=1 npx vitest run test/unit/analyzers/classify-snapshot.test.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, loadCorpus } from '../../../bench/accuracy.js';
import { HOLDOUT_SETS } from '../../../bench/holdout-accuracy.js';
import { classify } from '../../../analyzers/classify.js';
import type { TelemetryEvent } from '../../../schemas/telemetry-event.js';
import { telemetryEventSchema, type TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verifyCodeTable } from '../../../analyzers/verify-codes.js';
import { tlsAlertTable } from '../../../analyzers/tls-alerts.js';
import { daysFromEvent, event as buildEvent, EVENT_TS } from './event-builder.js';
import { sampleTexts } from './vocabulary-samples.js';

const SNAPSHOT = join(findRepoRoot(), 'test/fixtures/classify-snapshot.ndjson');

function snapshotEvents(): TelemetryEvent[] {
  const recorded = [...loadCorpus().samples, ...HOLDOUT_SETS.flatMap((set) => loadCorpus(join(findRepoRoot(), set.dir)).samples)].map((sample) => sample.event);
  // The same events with a message no other event has: the matcher runs instead of the memo.
  const distinct = recorded
    .filter((event) => event.error?.message)
    .map((event, index) => ({ ...event, event_id: `${event.event_id}-distinct`, error: { ...event.error, message: `${event.error?.message} [${index}]` } }));
  const texts = sampleTexts.flatMap((text, index) => [
    buildEvent({ event_id: `sample-${index}-wss`, error: { message: text } }),
    buildEvent({ event_id: `sample-${index}-ws`, target: { url: 'ws://api.example.com/socket' }, error: { message: text }, close: { code: 1006 } }),
    buildEvent({ event_id: `sample-${index}-reason`, outcome: 'closed', close: { code: 1011, reason: text.slice(0, 120) } }),
  ]);
  return [...recorded, ...distinct, ...texts, ...structuredEvents()];
}

/** Events whose evidence is structured (close codes, verify codes, alerts, certificates, headers): every rule's evidence text. */
function structuredEvents(): TelemetryEvent[] {
  const inputs: Partial<TelemetryEventInput>[] = [];
  for (const code of [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 2999, 3000, 4000, 4999])
    for (const initiator of ['client', 'server'] as const)
      for (const on_wire of [true, false, undefined])
        for (const outcome of ['closed', 'failed'] as const)
          for (const url of ['wss://api.example.com/socket', 'ws://api.example.com/socket'])
            inputs.push({ outcome, target: { url }, close: { code, initiator, ...(on_wire === undefined ? {} : { on_wire }), ...(code === 1010 ? { reason: 'permessage-deflate params rejected' } : {}) } });
  for (const row of verifyCodeTable)
    for (const chain_length of [undefined, 1, 3])
      inputs.push({ tls: { verify_code: row.code, ...(chain_length === undefined ? {} : { chain_length }) }, error: { message: 'handshake failure: no shared cipher' } });
  for (const row of tlsAlertTable)
    for (const version of [undefined, 'TLSv1'])
      for (const message of ['protocol version not supported', 'no shared cipher'])
        inputs.push({ tls: { alert: row.code, alert_direction: 'received', ...(version ? { version } : {}) }, error: { message } });
  const cert = { subject: 'CN=api.example.com', issuer: 'CN=R11', not_before: daysFromEvent(-30), not_after: daysFromEvent(60) };
  inputs.push(
    { tls: { peer_certificate: { ...cert, not_after: daysFromEvent(-1) } } },
    { tls: { peer_certificate: { ...cert, not_before: daysFromEvent(2) } } },
    { tls: { peer_certificate: { ...cert, issuer: cert.subject } } },
    { tls: { peer_certificate: { ...cert, self_signed: true } } },
    { tls: { peer_certificate: { ...cert, san: ['DNS:other.example.com', 'DNS:*.example.org'] } } },
    { tls: { peer_certificate: { ...cert, subject: 'CN=other.example.com' } } },
    { close: { code: 1006 }, tls: { version: 'TLSv1.3' } },
    { close: { code: 1006 }, error: { message: 'ssl error' } },
  );
  const headers: [string | undefined, string, string[] | undefined][] = [
    ['permessage-deflate; client_max_window_bits', '', ['permessage-deflate']],
    ['permessage-deflate; client_max_window_bits', 'permessage-deflate; server_max_window_bits=7', ['permessage-deflate']],
    ['permessage-deflate', 'permessage-deflate; client_max_window_bits=10', undefined],
    ['permessage-deflate', 'x-webkit-deflate-frame', ['permessage-deflate']],
    ['', 'permessage-deflate', undefined],
    ['permessage-deflate', 'permessage-deflate; =bad', ['permessage-deflate']],
    [undefined, 'x-foo', ['x-foo']],
    ['permessage-deflate', 'permessage-deflate, x-foo', ['permessage-deflate']],
    ['permessage-deflate; client_max_window_bits', 'permessage-deflate; server_no_context_takeover, x-foo', undefined],
  ];
  for (const [request, response, required] of headers)
    for (const outcome of ['failed', 'connected'] as const)
      for (const status of [101, 403, undefined])
        inputs.push({
          outcome,
          handshake: { ...(status === undefined ? {} : { status }), ...(request === undefined ? {} : { request_extensions: request }), response_extensions: response, ...(required ? { required_extensions: required } : {}) },
        });
  for (const status of [400, 401, 403, 404, 407, 426, 500, 502, 503, 504]) inputs.push({ handshake: { status } });
  inputs.push({ outcome: 'connected' }, { outcome: 'closed' }, { outcome: 'failed' }, { outcome: 'failed', error: { code: 'ECONNREFUSED' } });
  const events: TelemetryEvent[] = [];
  inputs.forEach((input, index) => {
    const parsed = telemetryEventSchema.safeParse({
      event_id: `structured-${index}`,
      ts: EVENT_TS,
      outcome: 'failed',
      source: { kind: 'client', service: 'test', runtime: 'node 20 ws 8.18' },
      target: { url: 'wss://api.example.com/socket' },
      ...input,
    });
    if (parsed.success) events.push(parsed.data);
  });
  return events;
}

const lines = (events: readonly TelemetryEvent[]): string[] => events.map((event) => JSON.stringify(classify(event)));

describe('classify output snapshot', () => {
  const events = snapshotEvents();

  if (process.env.WRITE_CLASSIFY_SNAPSHOT === '1') {
    it('writes the snapshot', () => {
      writeFileSync(SNAPSHOT, `${lines(events).join('\n')}\n`);
    });
    return;
  }

  const expected = readFileSync(SNAPSHOT, 'utf8').trimEnd().split('\n');

  it('covers every corpus and holdout event', () => {
    expect(events.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(1500);
  });

  it('prints exactly the recorded classification for every event, first and repeated (memoized) pass', () => {
    expect(lines(events)).toEqual(expected);
    expect(lines(events)).toEqual(expected);
    expect(lines([...events].reverse()).reverse()).toEqual(expected);
    // Three passes over ~3 000 events: 4-5 s on a loaded 2-core machine, past vitest's 5 s default (no speed target here).
  }, 60_000);
});
