// `wsdiag retro --format html` as a browser shows it: Debian's Chromium (installed by scripts/setup)
// renders the page headless to a PNG with logging on stderr; no console errors, no network, and the
// DOM after rendering holds one SVG series per attribution and a bar per cause.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRetro, type RetroInput } from '../../analyzers/retro/model.js';
import { renderHtml } from '../../analyzers/retro/render-html.js';

const T = (hms: string): number => Date.parse(`2025-03-14T${hms}Z`) / 1000;
const counts = (attempts: number, a1010: number, a1015: number, other: number) => ({ attempts: String(attempts), failures: String(a1010 + a1015 + other), a1010: String(a1010), a1015: String(a1015), other: String(other), none: String(attempts - a1010 - a1015 - other) });

/** Half an hour of an incident: expired certificate, then a 1010 wave, a few 5xx throughout. */
function incident(): RetroInput {
  return {
    window: { fromS: T('09:00:00'), toS: T('09:30:00') },
    totals: [counts(3000, 60, 240, 30)],
    timeline: Array.from({ length: 30 }, (_, i) => ({ minute: T('09:00:00') + i * 60, ...counts(100, i >= 20 ? 6 : 0, i < 12 ? 20 : 0, 1) })),
    causes: [
      { attribution: '1015', cause: 'cert_expired', attempts: '240', first_seen: T('09:00:04'), last_seen: T('09:11:50') },
      { attribution: '1010', cause: 'extension_not_negotiated', attempts: '60', first_seen: T('09:20:00'), last_seen: T('09:29:50') },
      { attribution: 'other', cause: 'server_error', attempts: '30', first_seen: T('09:00:30'), last_seen: T('09:29:30') },
    ],
    failureGroups: [
      { attribution: '1015', cause: 'cert_expired', service: 'market-feed', region: 'eu-west-1', target_host: 'api.example.com', runtime_family: 'browser', failures: '240' },
      { attribution: '1010', cause: 'extension_not_negotiated', service: 'collab', region: 'us-east-1', target_host: 'collab.example.com', runtime_family: 'node', failures: '60' },
      { attribution: 'other', cause: 'server_error', service: 'chat', region: 'us-east-1', target_host: 'chat.example.com', runtime_family: 'java', failures: '30' },
    ],
    certificates: [
      { cert_subject: 'CN=api.example.com', cert_issuer: 'CN=R11', not_after: T('09:00:00'), not_before: T('08:00:00') - 86400 * 90, attribution: '1015', cause: 'cert_expired', attempts: '240', first_seen: T('09:00:04'), last_seen: T('09:11:50'), services: ['market-feed'], regions: ['eu-west-1'], hosts: ['api.example.com'] },
    ],
    extensions: [],
    violations: [],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'wsdiag-retro-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chromium = (args: string[]) =>
  spawnSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, '--enable-logging=stderr', '--v=0', ...args],
    { encoding: 'utf8', timeout: 90_000 },
  );

describe('wsdiag retro --format html', { timeout: 120_000 }, () => {
  const html = renderHtml(buildRetro(incident()));
  const page = join(dir, 'retro.html');
  writeFileSync(page, html);

  it('is one self-contained page: no script, no external reference', () => {
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
  });

  it('renders in Chromium to a PNG without console errors', () => {
    const png = join(dir, 'retro.png');
    const out = chromium([`--screenshot=${png}`, '--window-size=1000,1400', `file://${page}`]);
    expect(out.status, out.stderr).toBe(0);
    expect(readFileSync(png).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(readFileSync(png).length).toBeGreaterThan(20_000);
    expect(out.stderr).not.toMatch(/CONSOLE|Uncaught|ERR_FILE_NOT_FOUND|net::ERR_/);
  });

  it('the rendered DOM has a failures-per-minute series per attribution and a bar per cause', () => {
    const out = chromium(['--dump-dom', `file://${page}`]);
    expect(out.status, out.stderr).toBe(0);
    const dom = out.stdout;
    const seriesOf = (a: string) => new RegExp(`<polyline[^>]*data-series="${a}"[^>]*points="([^"]+)"`).exec(dom)?.[1]?.trim().split(/\s+/) ?? [];
    for (const a of ['1010', '1015', 'other']) expect(seriesOf(a), a).toHaveLength(30);
    // 1015 is high for the first 12 minutes, 1010 only from minute 20: y grows downwards in SVG.
    const y = (a: string, i: number) => Number(seriesOf(a)[i]!.split(',')[1]);
    expect(y('1015', 0)).toBeLessThan(y('1015', 20));
    expect(y('1010', 25)).toBeLessThan(y('1010', 5));
    expect([...dom.matchAll(/class="cause-bar" data-cause="([^"]+)"/g)].map((m) => m[1])).toEqual(['cert_expired', 'server_error', 'extension_not_negotiated']);
    expect(dom).toContain('openssl s_client -connect api.example.com:443 -servername api.example.com');
  });
});
