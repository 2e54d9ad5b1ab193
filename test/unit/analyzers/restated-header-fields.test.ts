// Issue 11, round 27 (eng-u1, 1.5.83): a field that restates a header is no statement about that header, in general form.
// Round 25 (eng-s1) paired the words of a request-restating field (req_ext=, request_headers=) only with words of the same
// field; the family now covers the response's fields (res_*=, resp_*=, response_*=) and a field keyed by a header's own name
// (an RFC 9110 §5.1 field-name: 'Sec-WebSocket-Extensions=""'), whose key belongs to its field. A 400 beside such a field names
// no refused header: other/http_rejected (convention 4). A 400 whose text says the extension header was refused stays 1010.
// Texts are written for these tests in the shapes proxies log (names and values changed); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { SourcedFinding } from '../../../analyzers/candidate.js';
import { findConcepts } from '../../../analyzers/concepts/scanner.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const conceptIds = (text: string): string[] => {
  const out: SourcedFinding[] = [];
  findConcepts('error.message', text, out);
  return out.map((finding) => finding.rule);
};

const refused400 = (message: string): Partial<TelemetryEventInput> => ({
  source: { kind: 'proxy', service: 'test', runtime: 'go reverse proxy' },
  target: { url: 'ws://edge.example.com/live' },
  handshake: { status: 400, request_extensions: 'permessage-deflate; client_max_window_bits' },
  outcome: 'failed',
  error: { message },
});

describe("a field restating a response header beside a 400: no header refused, other/http_rejected", () => {
  it.each([
    ['a header-named field, quoted and empty', 'backend 10.1.2.3:8443 replied "400 Bad Request" Sec-WebSocket-Extensions=""'],
    ['a header-named field, unquoted', 'backend replied 400 Bad Request Sec-WebSocket-Extensions=permessage-deflate status=400'],
    ['a resp_ field', 'access "GET /live HTTP/1.1" 400 bad request resp_ext="permessage-deflate" req_proto=""'],
    ['a response_ field', 'upstream said 400 Bad Request response_sec_websocket_extensions="" dur=2ms'],
  ])('%s', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.extension_bad');
    expect(verdictOf(refused400(message))).toBe('other/http_rejected');
  });
});

describe('what the widening must not change', () => {
  it.each([
    ['the extension header called invalid in prose', 'upgrade refused: 400 invalid Sec-WebSocket-Extensions header'],
    ['the header named, then refused', 'handshake failed (400): Sec-WebSocket-Extensions rejected by server'],
    ['a bad extension offer stated', 'HTTP 400: bad Sec-WebSocket-Extensions: unknown parameter foo'],
  ])('%s stays 1010', (_label, message) => {
    expect(verdictOf(refused400(message))).toMatch(/^1010\//);
  });

  it('a verdict within a header-named field still reads', () => {
    expect(conceptIds('status=400 Sec-WebSocket-Extensions=bad extension parameter')).toContain('concept.extension_bad');
  });

  it("round 25's request fields still pair only within their field", () => {
    const message = 'WARN access method=GET status=502 req_ext=permessage-deflate; client_max_window_bits upstream_error=connection closed before message completed';
    expect(conceptIds(message)).not.toContain('concept.extension_params');
  });
});
