// `wsdiag retro --format html`: one self-contained page (inline CSS and SVG, no script, no network)
// with failures per minute by attribution, each cause's span, the blast radius, certificates and the
// checklist. Bounded like the Markdown (top N per list).
import type { RetroReport } from './model.js';
import { boundReport, defaultRenderOptions, type RenderOptions } from './render.js';

const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const colours = { '1010': '#d97706', '1015': '#dc2626', other: '#2563eb' } as const;
const series = ['1010', '1015', 'other'] as const;
const W = 900;
const H = 220;
const PAD = 40;

/** Failures per minute, one polyline per attribution. */
function failuresChart(report: RetroReport): string {
  const rows = report.timeline;
  const max = Math.max(1, ...rows.flatMap((m) => series.map((a) => m.by_attribution[a])));
  const x = (i: number): number => PAD + (rows.length <= 1 ? 0 : (i * (W - 2 * PAD)) / (rows.length - 1));
  const y = (v: number): number => H - PAD + -((H - 2 * PAD) * v) / max;
  const lines = series.map((a) => {
    const points = rows.map((m, i) => `${x(i).toFixed(1)},${y(m.by_attribution[a]).toFixed(1)}`).join(' ');
    return `<polyline class="series" data-series="${a}" fill="none" stroke="${colours[a]}" stroke-width="2" points="${points}"/>`;
  });
  const first = rows[0]?.minute.slice(11, 16) ?? '';
  const last = rows.at(-1)?.minute.slice(11, 16) ?? '';
  return `<svg id="failures-per-minute" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="failures per minute by attribution">
<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#999"/><line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${H - PAD}" stroke="#999"/>
<text x="${PAD}" y="${H - 10}" font-size="12">${esc(first)}</text><text x="${W - PAD}" y="${H - 10}" font-size="12" text-anchor="end">${esc(last)}</text>
<text x="${PAD - 6}" y="${PAD + 4}" font-size="12" text-anchor="end">${max}</text><text x="${PAD - 6}" y="${H - PAD}" font-size="12" text-anchor="end">0</text>
${lines.join('\n')}
${series.map((a, i) => `<rect x="${W - PAD - 240 + i * 80}" y="8" width="12" height="12" fill="${colours[a]}"/><text x="${W - PAD - 224 + i * 80}" y="19" font-size="12">${a}</text>`).join('')}
</svg>`;
}

/** One bar per cause from onset to last failure, over the window. */
function causeChart(report: RetroReport): string {
  const from = Date.parse(report.window.from);
  const span = Math.max(1, Date.parse(report.window.to) - from);
  const rowH = 22;
  const h = PAD + rowH * report.causes.length;
  const x = (iso: string): number => 220 + ((W - 240) * (Date.parse(iso) - from)) / span;
  const bars = report.causes.map((c, i) => {
    const colour = colours[c.attribution as keyof typeof colours] ?? '#6b7280';
    const y = 20 + i * rowH;
    return `<text x="210" y="${y + 14}" font-size="12" text-anchor="end">${esc(`${c.attribution} ${c.cause}`)}</text><rect class="cause-bar" data-cause="${esc(c.cause)}" x="${x(c.onset).toFixed(1)}" y="${y}" width="${Math.max(2, x(c.last_failure) - x(c.onset)).toFixed(1)}" height="16" fill="${colour}"><title>${esc(`${c.cause}: ${c.failures} failures, ${c.onset} – ${c.last_failure}`)}</title></rect>`;
  });
  return `<svg id="causes" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="span of each cause">${bars.join('\n')}</svg>`;
}

const table = (header: string[], rows: string[][]): string =>
  `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

const more = (count: number | undefined, what: string): string => (count ? `<p class="more">… and ${count} more ${esc(what)}</p>` : '');

export function renderHtml(full: RetroReport, options: RenderOptions = defaultRenderOptions): string {
  const report = boundReport(full, options);
  const { window: w, summary: s } = report;
  const title = `Incident retrospective: ${w.from} – ${w.to}${w.service ? ` (service ${w.service})` : ''}`;
  const body =
    s.events === 0
      ? '<p>No events in this window: check the range (--from/--to or --last, UTC) or that the pipeline ran (<code>wsdiag summary</code>).</p>'
      : [
          `<p>${s.events} connection attempts, ${s.failures} failures (${s.events ? ((100 * s.failures) / s.events).toFixed(2) : '0.00'}%). Each event counts once.</p>`,
          '<h2>Failures per minute by attribution</h2>',
          failuresChart(report),
          '<h2>Causes: onset to last failure</h2>',
          causeChart(report),
          '<h2>Blast radius</h2>',
          table(['', 'failures'], (['services', 'regions', 'hosts', 'runtimes'] as const).flatMap((k) => report.blast_radius[k].map((n) => [`${k.slice(0, -1)} ${n.name || '(none)'}`, String(n.failures)]))),
          '<h2>Certificates involved</h2>',
          report.certificates.length ? table(['subject', 'issuer', 'hosts', 'status', 'note'], report.certificates.map((c) => [c.subject, c.issuer, c.hosts.join(', '), c.status, c.note])) : '<p>None.</p>',
          more(report.omitted.certificates, 'certificates'),
          '<h2>Remediation checklist</h2>',
          `<ul class="checklist">${report.remediation.map((r) => `<li><label><input type="checkbox"> <strong>${esc(r.item)}</strong> — ${esc(r.detail)}</label></li>`).join('')}</ul>`,
          more(report.omitted.remediation, 'remediation items'),
        ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#111}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}h2{margin-top:28px}.checklist{list-style:none;padding:0}.checklist li{margin:6px 0}.more{color:#555}</style>
</head><body><h1>${esc(title)}</h1>
${body}
</body></html>
`;
}
