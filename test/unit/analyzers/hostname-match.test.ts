import { describe, expect, it } from 'vitest';
import { dnsNameMatches, hostMatchesSan, urlHost } from '../../../analyzers/hostname-match.js';

describe('dnsNameMatches (RFC 6125 §6.4.3)', () => {
  it.each([
    ['exact', 'api.example.com', 'api.example.com', true],
    ['case-insensitive', 'API.Example.COM', 'api.example.com', true],
    ['trailing dot', 'api.example.com.', 'api.example.com', true],
    ['wildcard matches one label', '*.example.com', 'api.example.com', true],
    ['wildcard does not match two labels', '*.example.com', 'a.b.example.com', false],
    ['wildcard does not match the bare domain', '*.example.com', 'example.com', false],
    ['wildcard only leftmost', 'api.*.com', 'api.example.com', false],
    ['no wildcard over a public suffix', '*.com', 'example.com', false],
    ['partial wildcard prefix', 'ws*.example.com', 'ws1.example.com', true],
    ['partial wildcard prefix mismatch', 'ws*.example.com', 'api.example.com', false],
    ['partial wildcard suffix', '*-eu.example.com', 'api-eu.example.com', true],
    ['two wildcards', '*.*.example.com', 'a.b.example.com', false],
    ['no partial wildcard on A-label', 'xn--*.example.com', 'xn--bcher-kva.example.com', false],
    ['different name', 'www.example.com', 'api.example.com', false],
  ])('%s: %s vs %s', (_label, pattern, host, expected) => {
    expect(dnsNameMatches(pattern, host)).toBe(expected);
  });
});

describe('hostMatchesSan', () => {
  it.each([
    ['DNS: prefix', 'api.example.com', ['DNS:www.example.com', 'DNS:*.example.com'], true],
    ['bare names', 'api.example.com', ['www.example.com'], false],
    ['IP host against IP SAN', '10.0.0.5', ['IP Address:10.0.0.5'], true],
    ['IP host never matches a DNS wildcard', '10.0.0.5', ['DNS:*.0.0.5'], false],
    ['IP host against another IP', '10.0.0.5', ['IP Address:10.0.0.6'], false],
    ['email entries ignored', 'api.example.com', ['email:api.example.com'], false],
  ])('%s', (_label, host, san, expected) => {
    expect(hostMatchesSan(host, san)).toBe(expected);
  });
});

describe('urlHost', () => {
  it.each([
    ['wss://api.example.com/socket', 'api.example.com'],
    ['wss://API.example.com:8443/x?y', 'api.example.com'],
    ['ws://user:pw@host.example.com/', 'host.example.com'],
    ['wss://[::1]:443/', '::1'],
    ['wss://example.com.', 'example.com'],
    ['wss://example.com#frag', 'example.com'],
  ])('%s → %s', (url, host) => {
    expect(urlHost(url)).toBe(host);
  });
});
