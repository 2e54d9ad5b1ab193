// Seeded random events built from real fragments: classify never throws, always returns a result the
// contract accepts (cause belongs to its attribution), and is a pure function of the event.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { causesByAttribution, classificationSchema } from '../../../schemas/classification.js';
import { telemetryEventSchema, type TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { EVENT_TS } from './event-builder.js';
import { sampleTexts } from './vocabulary-samples.js';
import { seededRandom } from '../../../ingest/sample-traffic.js';

const headers = ['', 'permessage-deflate', 'permessage-deflate; client_max_window_bits', 'permessage-deflate; server_max_window_bits=7', 'x-webkit-deflate-frame', 'permessage-deflate; a="b', ';;,', 'permessage-deflate; server_no_context_takeover; server_no_context_takeover'];
const alerts: (string | number)[] = [40, 42, 45, 48, 70, 71, 112, 'handshake_failure', 'CertificateExpired', 'nonsense', 255];
const verifyCodes: (string | number)[] = [0, 2, 9, 10, 18, 19, 20, 21, 62, 'X509_V_ERR_CERT_HAS_EXPIRED', 'garbage', 99999];
const closeCodes = [0, 999, 1000, 1001, 1002, 1004, 1005, 1006, 1008, 1009, 1010, 1011, 1012, 1015, 2500, 3000, 4001, 5000, 65535];
const statuses = [0, 101, 200, 301, 400, 401, 403, 404, 407, 426, 500, 502, 503, 504];

function randomEvent(random: () => number, index: number): TelemetryEventInput {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const maybe = (p = 0.5): boolean => random() < p;
  const day = 86_400_000;
  return {
    event_id: `fuzz-${index}`,
    ts: EVENT_TS,
    outcome: pick(['connected', 'failed', 'closed'] as const),
    source: { kind: pick(['client', 'server', 'proxy', 'probe'] as const), service: 'fuzz', ...(maybe() ? { runtime: pick(['chrome 131', 'node 20', 'go 1.23', 'python 3.12']) } : {}) },
    target: { url: pick(['wss://api.example.com/ws', 'ws://api.example.com/ws', 'WSS://[::1]:8443/', 'wss://10.0.0.5/']) },
    ...(maybe() ? { handshake: { ...(maybe() ? { status: pick(statuses) } : {}), ...(maybe() ? { request_extensions: pick(headers) } : {}), ...(maybe() ? { response_extensions: pick(headers) } : {}), ...(maybe(0.3) ? { required_extensions: [pick(['permessage-deflate', 'x-foo', ''])] } : {}) } } : {}),
    ...(maybe() ? { tls: {
      ...(maybe() ? { verify_code: pick(verifyCodes) } : {}),
      ...(maybe() ? { alert: pick(alerts) } : {}),
      ...(maybe() ? { version: pick(['TLSv1', 'TLSv1.2', 'TLSv1.3', 'SSLv3']) } : {}),
      ...(maybe() ? { chain_length: Math.floor(random() * 4) } : {}),
      ...(maybe() ? { peer_certificate: { subject: pick(['CN=api.example.com', 'CN=other', '', 'O=x']), issuer: pick(['CN=api.example.com', 'CN=R11']), not_before: EVENT_TS + Math.floor((random() - 0.5) * 60) * day, not_after: EVENT_TS + Math.floor((random() - 0.5) * 60) * day, ...(maybe() ? { self_signed: maybe() } : {}), ...(maybe() ? { san: [pick(['DNS:*.example.com', 'DNS:other.org', 'IP Address:10.0.0.5', '*'])] } : {}) } } : {}),
    } } : {}),
    ...(maybe() ? { close: { code: pick(closeCodes), ...(maybe() ? { reason: pick(['', 'bye', 'permessage-deflate required', 'invalid window_bits']) } : {}), ...(maybe() ? { initiator: pick(['client', 'server', 'unknown'] as const) } : {}), ...(maybe() ? { on_wire: maybe() } : {}) } } : {}),
    ...(maybe(0.7) ? { error: { ...(maybe() ? { code: pick(['ECONNREFUSED', 'CERT_HAS_EXPIRED', 60, -1, '']) } : {}), ...(maybe(0.8) ? { message: maybe(0.8) ? pick(sampleTexts) : `${pick(sampleTexts)} ${pick(sampleTexts)}` } : {}) } } : {}),
  };
}

describe('classify on random events', () => {
  const random = seededRandom(20261125);
  const events = Array.from({ length: 2000 }, (_, index) => telemetryEventSchema.parse(randomEvent(random, index)));

  it('always returns a contract-valid result whose cause belongs to its attribution', () => {
    for (const event of events) {
      const result = classify(event);
      expect(classificationSchema.safeParse(result).success, event.event_id).toBe(true);
      expect(causesByAttribution[result.attribution] as readonly string[], event.event_id).toContain(result.cause);
      expect(result.evidence.length, event.event_id).toBeGreaterThan(0);
    }
  });

  it('is a pure function of the event (same result twice, in any order)', () => {
    const first = events.map((event) => JSON.stringify(classify(event)));
    const reversed = [...events].reverse().map((event) => JSON.stringify(classify(event))).reverse();
    expect(reversed).toEqual(first);
  });
});
