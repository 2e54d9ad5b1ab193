// Issue 11: proxy log lines (the upstream failure a proxy states decides, not the status it answered) and packed
// OpenSSL/BoringSSL error values in every notation, decoded to their library's reason or received alert.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { unpackSslError } from '../../../analyzers/codes/openssl-reasons.js';
import { event } from './event-builder.js';
import { proxyNegatives, proxySampleInput, proxySamples, type ProxySample } from './proxy-log-samples.js';

const label = (sample: ProxySample): string => `${sample.system}: ${sample.message.slice(-110)}`;
const outcome = (sample: ProxySample): string => {
  const result = classify(event(proxySampleInput(sample)));
  return `${result.attribution}/${result.cause}`;
};

describe('a proxy line that states the upstream failure is attributed by it', () => {
  it.each(proxySamples.map((sample) => [label(sample), sample] as const))('%s', (_label, sample) => {
    expect(outcome(sample)).toBe(sample.expected);
  });
});

describe('proxy lines that state no upstream failure keep their reading', () => {
  it.each(proxyNegatives.map((sample) => [label(sample), sample] as const))('%s', (_label, sample) => {
    expect(outcome(sample)).toBe(sample.expected);
  });
});

describe('packed error values (OpenSSL include/openssl/err.h.in, BoringSSL include/openssl/err.h)', () => {
  it.each([
    ['OpenSSL 3, ERR_LIB_SSL 20 << 23', 0x0a000086, { library: 'openssl3', reason: 134 }],
    ['OpenSSL 3, received alert 70 (reason 1070)', 0x0a00042e, { library: 'openssl3', reason: 1070 }],
    ['OpenSSL 1.1, ERR_LIB_SSL 20 << 24 | func << 12', 0x14094410, { library: 'openssl1', reason: 0x410 }],
    ['BoringSSL, ERR_LIB_SSL 16 << 24', 0x1000007d, { library: 'boringssl', reason: 125 }],
  ] as const)('%s', (_label, value, expected) => {
    expect(unpackSslError(value)).toEqual(expected);
  });

  it.each([
    ['another library (X509, 11 << 23)', 0x05800074],
    ['an OpenSSL 3 value with function bits set', 0x0a012086],
    ['a Windows HRESULT', 0x80090325],
  ] as const)('%s is no SSL reason', (_label, value) => {
    expect(unpackSslError(value)).toBeUndefined();
  });
});

describe('a refusal text next to a 101 status field is the client refusing the answer', () => {
  const withStatus = (message: string, status: number) =>
    classify(event({ handshake: { status }, error: { message }, source: { kind: 'client', service: 'test', runtime: 'go' } }));
  it.each([
    // gorilla/websocket and its forks (hertz-contrib/websocket) return ErrBadHandshake for a non-101 status and for bad Upgrade/Accept headers alike.
    ['gorilla/websocket client.go ErrBadHandshake', 'websocket: bad handshake'],
    ['a status complaint read by the generalising tier', 'Invalid HTTP status'],
  ])('%s: "%s" with 101 → protocol_error, with 403 → http_rejected', (_source, message) => {
    expect(withStatus(message, 101)).toMatchObject({ attribution: 'other', cause: 'protocol_error' });
    expect(withStatus(message, 101).evidence[0]?.detail).toContain('inferred.answer_headers_rejected');
    expect(withStatus(message, 403)).toMatchObject({ attribution: 'other', cause: 'http_rejected' });
  });
});

describe('an exact catch-all that names no attribution lets the concepts of its text stand', () => {
  const proxyLine = (message: string) => classify(event({ outcome: 'failed', source: { kind: 'proxy', service: 'edge', runtime: 'mitmproxy' }, error: { message } }));
  it.each([
    // mitmproxy's "Client disconnected." (proxy/layers/http/_http1.py) beside its TLS layer's failure in words no exact rule knows.
    ['mitmproxy', '10.0.0.1:50000: Server TLS handshake failed. handshake aborted by peer\n10.0.0.1:50000: << Client disconnected.', '1015'],
    // Chromium's net error list (net/base/net_error_list.h) names more errors than the browser rules map; the text beside one still counts.
    ['chromium', 'net::ERR_SOME_NEW_ERROR (TLS handshake failed)', '1015'],
  ])('%s: %s', (_system, message, attribution) => {
    expect(proxyLine(message).attribution).toBe(attribution);
  });

  it('a client that went away is no reset of the upstream', () => {
    expect(proxyLine('10.0.0.1:50000: GET https://example.com/ws\n10.0.0.1:50000: << Client disconnected.')).toMatchObject({ attribution: 'other', cause: 'unknown_failure' });
  });
});
