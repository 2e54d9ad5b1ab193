// A retro an SRE can paste: bounded lists, dates when the window spans days, an explicit empty
// window, no "expired 1970", openssl commands with the affected host, case-specific advice.
import { describe, expect, it } from 'vitest';
import { buildRetro, type RetroInput } from '../../../analyzers/retro/model.js';
import { boundReport, renderMarkdown } from '../../../analyzers/retro/render.js';
import { retroArgsFrom } from '../../../cli/commands/retro.js';

const T = (iso: string): number => Date.parse(iso) / 1000;
const counts = (attempts: number, failures: number) => ({ attempts: String(attempts), failures: String(failures), a1010: '0', a1015: String(failures), other: '0', none: String(attempts - failures) });

/** n hosts, each with its own expired certificate: the sample traffic's shape, which made 36 405 lines. */
function manyHosts(n: number, window = { fromS: T('2025-03-14T09:00:00Z'), toS: T('2025-03-14T10:00:00Z') }): RetroInput {
  const hosts = Array.from({ length: n }, (_, i) => `h${String(i).padStart(3, '0')}.example.com:8443`);
  return {
    window,
    totals: [counts(10 * n, n)],
    timeline: [{ minute: window.fromS, ...counts(10 * n, n) }],
    causes: [{ attribution: '1015', cause: 'cert_expired', attempts: String(n), first_seen: window.fromS + 5, last_seen: window.fromS + 50 }],
    failureGroups: hosts.map((h, i) => ({ attribution: '1015', cause: 'cert_expired', service: `svc${i}`, region: 'eu', target_host: h, runtime_family: 'node', failures: String(n - i) })),
    certificates: hosts.map((h, i) => ({ cert_subject: `CN=${h}`, cert_issuer: 'CN=CA', not_after: window.fromS - 3600 + i, not_before: 0, attribution: '1015', cause: 'cert_expired', attempts: '1', first_seen: window.fromS + 5, last_seen: window.fromS + 50, services: [`svc${i}`], regions: ['eu'], hosts: [h] })),
    extensions: [],
    violations: [],
  };
}

describe('bounded output', () => {
  it('keeps the top N per list and counts the rest', () => {
    const report = buildRetro(manyHosts(200));
    const bounded = boundReport(report, { top: 10 });
    expect(bounded.certificates).toHaveLength(10);
    expect(bounded.omitted).toMatchObject({ certificates: 190, hosts: 190, services: 190 });
    expect(bounded.blast_radius.hosts.at(-1)).toEqual({ name: '(190 more)', failures: report.blast_radius.hosts.slice(10).reduce((s, h) => s + h.failures, 0) });
    const markdown = renderMarkdown(report);
    expect(markdown.split('\n').length).toBeLessThan(120);
    expect(markdown).toContain('- … and 190 more certificates');
  });
});

describe('timeline dates', () => {
  it('times of day within one day, dates too when the window spans days', () => {
    const oneDay = renderMarkdown(buildRetro(manyHosts(1)));
    expect(oneDay).toMatch(/^- 09:00:05 onset of 1015 cert_expired/m);
    const days = renderMarkdown(buildRetro(manyHosts(1, { fromS: T('2025-03-13T09:00:00Z'), toS: T('2025-03-14T10:00:00Z') })));
    expect(days).toMatch(/^- 03-13 09:00:05 onset of 1015 cert_expired/m);
  });
});

describe('empty window', () => {
  it('says so and what to check, instead of empty tables', () => {
    const empty = { ...manyHosts(0), totals: [counts(0, 0)], timeline: [], causes: [] };
    expect(renderMarkdown(buildRetro(empty))).toBe(
      '# Incident retrospective: 2025-03-14 09:00:00 – 2025-03-14 10:00:00 UTC\n\nNo events in this window: check the range (--from/--to or --last, UTC) or that the pipeline ran (`wsdiag summary` counts everything stored).\n',
    );
  });
});

describe('certificates without dates', () => {
  it('are "dates unknown", never expired in 1970, and get no expiry item', () => {
    const input = manyHosts(1);
    input.certificates = input.certificates.map((c) => ({ ...c, not_after: 0 }));
    const report = buildRetro(input);
    expect(report.certificates[0]).toMatchObject({ status: 'unknown', not_after: '', note: expect.stringMatching(/^dates unknown/) });
    expect(renderMarkdown(report)).not.toContain('1970');
    expect(report.remediation.map((r) => r.item)).toEqual([expect.stringMatching(/^1015 cert_expired/)]);
  });
});

describe('remediation', () => {
  it('fills the most affected host and port into the openssl command, with the date advice', () => {
    const [item] = buildRetro(manyHosts(3)).remediation;
    expect(item?.detail).toContain('openssl s_client -connect h000.example.com:8443 -servername h000.example.com -showcerts');
    expect(item?.detail).toContain('NET::ERR_CERT_DATE_INVALID');
  });
});

describe('--last', () => {
  it('is the window ending now, and excludes --from/--to', () => {
    const now = Date.parse('2026-11-25T12:00:00.500Z');
    expect(retroArgsFrom({ last: '2h', format: 'md' }, now)).toEqual({ ok: true, from: '2026-11-25T10:00:00.000Z', to: '2026-11-25T12:00:00.000Z', format: 'md' });
    expect(retroArgsFrom({ last: '2h', from: 'x', format: 'md' }, now)).toMatchObject({ ok: false, error: expect.stringContaining('--last replaces') });
    expect(retroArgsFrom({ last: 'soon', format: 'md' }, now)).toMatchObject({ ok: false });
  });
});
