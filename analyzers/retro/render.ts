// Renders a RetroReport: Markdown for a postmortem document, JSON for tools. Both are bounded: the
// top N of each list, the rest summarised by count, so a long window stays a page, not megabytes.
import type { BlastRadius, Named, RetroReport } from './model.js';

export interface RenderOptions {
  /** Items kept per list (certificates, hosts, extension cells, remediation items, ...). */
  top: number;
}
export const defaultRenderOptions: RenderOptions = { top: 10 };

type Omitted = Partial<Record<'certificates' | 'extensions' | 'violations' | 'remediation' | 'services' | 'regions' | 'hosts' | 'runtimes', number>>;
export type BoundedReport = RetroReport & { omitted: Omitted };

const cut = <T>(items: readonly T[], top: number): { kept: T[]; omitted: number } => ({ kept: items.slice(0, top), omitted: Math.max(0, items.length - top) });

function boundRadius(radius: BlastRadius, top: number, omitted?: Omitted): BlastRadius {
  const out = {} as BlastRadius;
  for (const key of ['services', 'regions', 'hosts', 'runtimes'] as const) {
    const { kept, omitted: rest } = cut(radius[key], top);
    out[key] = rest > 0 ? [...kept, { name: `(${rest} more)`, failures: radius[key].slice(top).reduce((s, i) => s + i.failures, 0) }] : kept;
    if (omitted && rest > 0) omitted[key] = rest;
  }
  return out;
}

/** The report with every list cut to the top N (lists are already sorted by importance) and what was cut. */
export function boundReport(report: RetroReport, { top }: RenderOptions = defaultRenderOptions): BoundedReport {
  const omitted: Omitted = {};
  const keep = <K extends 'certificates' | 'extensions' | 'violations' | 'remediation'>(key: K): RetroReport[K] => {
    const { kept, omitted: rest } = cut(report[key] as unknown[], top);
    if (rest > 0) omitted[key] = rest;
    return kept as RetroReport[K];
  };
  return {
    ...report,
    causes: report.causes.map((c) => ({ ...c, blast_radius: boundRadius(c.blast_radius, top) })),
    blast_radius: boundRadius(report.blast_radius, top, omitted),
    certificates: keep('certificates').map((c) => ({ ...c, hosts: c.hosts.slice(0, top), services: c.services.slice(0, top), regions: c.regions.slice(0, top) })),
    extensions: keep('extensions'),
    violations: keep('violations'),
    remediation: keep('remediation'),
    omitted,
  };
}

export function renderJson(report: RetroReport, options: RenderOptions = defaultRenderOptions): string {
  return `${JSON.stringify(boundReport(report, options), null, 2)}\n`;
}

/** "2025-03-14T09:00:04Z" → "2025-03-14 09:00:04". */
const t = (iso: string): string => iso.replace('T', ' ').replace('Z', '');
/** Time of day for events inside a window within one day; with the date when the window spans days. */
let spansDays = false;
const hms = (iso: string): string => (spansDays ? `${iso.slice(5, 10)} ${iso.slice(11, 19)}` : iso.slice(11, 19));
const more = (count: number | undefined, what: string): string[] => (count ? [`- … and ${count} more ${what} (\`--top\` shows more, \`--format json\` has the same cut)`] : []);

/** At most ~120 rows: minutes summed into equal buckets on long windows. */
function timelineRows(report: RetroReport): Array<[string, RetroReport['timeline'][number]]> {
  const rows = report.timeline;
  const size = Math.max(1, Math.ceil(rows.length / 120));
  const out: Array<[string, RetroReport['timeline'][number]]> = [];
  for (let i = 0; i < rows.length; i += size) {
    const group = rows.slice(i, i + size);
    const sum = group.reduce(
      (acc, m) => ({
        minute: acc.minute,
        events: acc.events + m.events,
        failures: acc.failures + m.failures,
        by_attribution: { '1010': acc.by_attribution['1010'] + m.by_attribution['1010'], '1015': acc.by_attribution['1015'] + m.by_attribution['1015'], other: acc.by_attribution.other + m.by_attribution.other, none: acc.by_attribution.none + m.by_attribution.none },
      }),
      { minute: group[0]!.minute, events: 0, failures: 0, by_attribution: { '1010': 0, '1015': 0, other: 0, none: 0 } },
    );
    out.push([hms(sum.minute).slice(0, spansDays ? 11 : 5), sum]);
  }
  return out;
}
const pct = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(2)}%` : '0.00%');
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ') || '—';
const list = (items: Named[]): string => items.map((i) => `${i.name || '(none)'} (${i.failures})`).join(', ') || '—';

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m >= 60 ? `${Math.floor(m / 60)}h ${m % 60}m ${s}s` : `${m}m ${s}s`;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function radius(r: BlastRadius): string[] {
  return [`- services: ${list(r.services)}`, `- regions: ${list(r.regions)}`, `- hosts: ${list(r.hosts)}`, `- runtimes: ${list(r.runtimes)}`];
}

/** Key moments, in time order: certificate expiries in the window, onset and last failure per cause. */
function keyMoments(report: RetroReport): string[] {
  const moments: Array<[string, string]> = [];
  for (const cert of report.certificates) {
    if (cert.not_after >= report.window.from && cert.not_after < report.window.to) moments.push([cert.not_after, `certificate ${cert.subject} expires`]);
  }
  for (const c of report.causes) {
    const where = `${c.blast_radius.services.map((s) => s.name).join(', ')}; ${c.blast_radius.regions.map((s) => s.name).join(', ')}`;
    moments.push([c.onset, `onset of ${c.attribution} ${c.cause} (${where})`]);
    moments.push([c.last_failure, c.ongoing ? `${c.attribution} ${c.cause} still failing at the end of the window` : `last ${c.attribution} ${c.cause} failure`]);
  }
  return moments.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([at, what]) => `- ${hms(at)} ${what}`);
}

export function renderMarkdown(full: RetroReport, options: RenderOptions = defaultRenderOptions): string {
  const report = boundReport(full, options);
  const { window: w, summary: s } = report;
  spansDays = w.from.slice(0, 10) !== w.to.slice(0, 10);
  const scope = w.service ? ` — service ${w.service}` : '';
  if (s.events === 0) {
    return `# Incident retrospective: ${t(w.from)} – ${t(w.to)} UTC${scope}\n\nNo events in this window: check the range (--from/--to or --last, UTC) or that the pipeline ran (\`wsdiag summary\` counts everything stored).\n`;
  }
  const bucket = timelineRows(report);
  const bucketMinutes = (report.timeline.length > 0 ? Math.ceil(report.timeline.length / Math.max(1, bucket.length)) : 1) * Math.max(1, Math.round(report.timeline_step_s / 60));
  const per = bucketMinutes % 1440 === 0 ? `${bucketMinutes / 1440} day${bucketMinutes === 1440 ? '' : 's'}` : bucketMinutes % 60 === 0 ? `${bucketMinutes / 60} hour${bucketMinutes === 60 ? '' : 's'}` : `${bucketMinutes} minutes`;
  const lines: string[] = [
    `# Incident retrospective: ${t(w.from)} – ${t(w.to)} UTC${scope}`,
    '',
    '## Summary',
    '',
    `${s.events} connection attempts, ${s.failures} failures (${pct(s.failures, s.events)}). Each event counts once, re-deliveries included.`,
    '',
    ...table(
      ['attribution', 'events', 'share of attempts'],
      (['1010', '1015', 'other', 'none'] as const).map((a) => [a, String(s.by_attribution[a]), pct(s.by_attribution[a], s.events)]),
    ),
    '',
    ...table(['attribution', 'cause', 'events'], s.by_cause.map((c) => [c.attribution, c.cause, String(c.events)])),
    '',
    '## Timeline',
    '',
    ...keyMoments(report),
    '',
    `<details><summary>${bucketMinutes === 1 ? 'Per minute' : `Per ${per}`}</summary>`,
    '',
    ...table(
      [bucketMinutes === 1 ? 'minute' : 'from', 'attempts', 'failures', '1010', '1015', 'other'],
      bucket.map(([at, m]) => [at, String(m.events), String(m.failures), String(m.by_attribution['1010']), String(m.by_attribution['1015']), String(m.by_attribution.other)]),
    ),
    '',
    '</details>',
    '',
    '## Onset and recovery per cause',
    '',
    ...table(
      ['attribution', 'cause', 'failures', 'onset', 'last failure', 'duration', 'recovered'],
      report.causes.map((c) => [c.attribution, c.cause, String(c.failures), hms(c.onset), hms(c.last_failure), duration(c.duration_s), c.ongoing ? 'no (still failing)' : 'yes']),
    ),
    '',
    '## Blast radius',
    '',
    ...radius(report.blast_radius),
  ];
  for (const c of report.causes.filter((c) => c.attribution === '1010' || c.attribution === '1015')) {
    lines.push('', `### ${c.attribution} ${c.cause}`, '', ...radius(c.blast_radius));
  }
  lines.push('', '## Certificates involved', '');
  if (report.certificates.length === 0) lines.push('None.');
  for (const cert of report.certificates) {
    lines.push(`- **${cert.subject}** (issuer ${cert.issuer}; ${cert.hosts.join(', ')}; ${cert.services.join(', ')} in ${cert.regions.join(', ')}): ${cert.note}.`);
    for (const f of cert.failures_by_cause) lines.push(`  - ${f.attribution} ${f.cause}: ${f.failures}, ${hms(f.first)}–${hms(f.last)}`);
  }
  lines.push(...more(report.omitted.certificates, 'certificates'));
  lines.push('', '## Extension negotiation (services with 1010 failures)', '');
  if (report.extensions.length === 0) lines.push('None.');
  else
    lines.push(
      ...table(
        ['service', 'host', 'requested', 'negotiated', 'required', 'events', 'failures', 'causes', 'seen'],
        report.extensions.map((e) => [e.service, e.target_host, e.requested, e.negotiated, e.required, String(e.events), String(e.failures), e.causes.join(', '), `${hms(e.first_seen)}–${hms(e.last_seen)}`]),
      ),
      ...more(report.omitted.extensions, 'extension cells'),
    );
  lines.push('', '## Protocol violations', '');
  if (report.violations.length === 0) lines.push('None.');
  else lines.push(...table(['violation', 'service', 'events', 'seen'], report.violations.map((v) => [v.violation, v.service, String(v.events), `${hms(v.first_seen)}–${hms(v.last_seen)}`])));
  if (report.correlated) {
    lines.push('', '## Failures without evidence of their own (correlated)', '');
    lines.push('Browsers report a TLS failure to JavaScript as 1006 with no detail; these failures are attributed from evidence about the same host and port within the correlation window (probes first), with a lower confidence than direct evidence.', '');
    lines.push(
      ...table(
        ['target', 'failures', 'likely cause', 'confidence', 'evidence', 'seen'],
        report.correlated.map((c) => [c.target, String(c.failures), c.attribution ? `${c.attribution} ${c.cause}` : 'unexplained (no evidence in the window)', c.attribution ? String(c.confidence) : '—', c.evidence?.detail ?? '—', `${hms(c.first_failure)}–${hms(c.last_failure)}`]),
      ),
    );
    const moved = report.correlated_summary?.by_attribution;
    if (moved) lines.push('', `With these attributions the window counts 1010 ${moved['1010']}, 1015 ${moved['1015']}, other ${moved.other} (direct: 1010 ${report.summary.by_attribution['1010']}, 1015 ${report.summary.by_attribution['1015']}, other ${report.summary.by_attribution.other}).`);
  }
  lines.push('', '## Remediation checklist', '');
  for (const r of report.remediation) lines.push(`- [ ] **${r.item}** — ${r.detail}`);
  lines.push(...more(report.omitted.remediation, 'remediation items (smaller causes and certificates)'));
  return `${lines.join('\n')}\n`;
}
