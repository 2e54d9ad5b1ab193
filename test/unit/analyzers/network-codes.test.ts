// Issue 11: platform network error codes and names (errno, Winsock, WinHTTP, NSURLError/CFNetwork/POSIX, .NET, Java,
// Rust, Go, Python, libuv/undici, curl, Erlang, Dart, Qt, Boost.Asio) read wherever a text or error.code writes them.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { event } from './event-builder.js';
import { networkCodeNegatives, networkCodeProbe, networkCodeProbeNegatives, networkCodeSamples, sampleInput } from './network-code-samples.js';

describe('platform network codes in any notation', () => {
  it.each(networkCodeSamples.map((row) => [`${row[0]} ${row[1]}: ${row[2]}`, ...row] as const))('%s', (_label, _platform, field, text, cause, runtime) => {
    expect(classify(event(sampleInput(field, text, runtime)))).toMatchObject({ attribution: 'other', cause });
  });
});

describe('numbers and words near a code notation that are no network code', () => {
  it.each(networkCodeNegatives)('%s', (_label, text, notCause) => {
    const result = classify(event(sampleInput('message', text)));
    expect(result.cause).not.toBe(notCause);
    expect(['1010', '1015']).not.toContain(result.attribution);
  });
});

describe('other notations of the same codes, written after the tables', () => {
  it.each(networkCodeProbe)('%s: %s', (_platform, text, cause) => {
    expect(classify(event(sampleInput('message', text)))).toMatchObject({ attribution: 'other', cause });
  });

  it.each(networkCodeProbeNegatives)('"%s" is no %s', (text, notCause) => {
    const result = classify(event(sampleInput('message', text)));
    expect(result.cause).not.toBe(notCause);
    expect(['1010', '1015']).not.toContain(result.attribution);
  });
});
