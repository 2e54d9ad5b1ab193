// The runtime family dashboards group by, from source.runtime or else the User-Agent.
import { describe, expect, it } from 'vitest';
import { runtimeFamily } from '../../../analyzers/runtime-family.js';

describe('runtimeFamily', () => {
  it.each([
    ['runtime first word', 'node 20 ws 8.18', undefined, 'node'],
    ['alias', 'golang 1.23', undefined, 'go'],
    ['Chrome UA', undefined, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'chrome'],
    // Debian chromium 156 --headless, as the end-to-end test's page reports it.
    ['headless Chrome UA', undefined, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'chrome'],
    ['Edge UA', undefined, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'edge'],
    ['nothing', undefined, undefined, 'unknown'],
  ])('%s', (_label, runtime, userAgent, family) => expect(runtimeFamily(runtime, userAgent)).toBe(family));
});
