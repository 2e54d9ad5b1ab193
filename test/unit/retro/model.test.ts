// The pure retro model and renderers over hand-written query rows (the shapes dashboards/sql/retro.ts returns).
import { describe, expect, it } from 'vitest';
import { buildRetro, type RetroInput } from '../../../analyzers/retro/model.js';
import { renderJson, renderMarkdown } from '../../../analyzers/retro/render.js';

const T = (hms: string): number => Date.parse(`2025-03-14T${hms}Z`) / 1000;
const counts = (attempts: number, a1010: number, a1015: number, other: number) => ({ attempts: String(attempts), failures: String(a1010 + a1015 + other), a1010: String(a1010), a1015: String(a1015), other: String(other), none: String(attempts - a1010 - a1015 - other) });

function input(): RetroInput {
  return {
    window: { fromS: T('09:00:00'), toS: T('10:00:00') },
    totals: [counts(1000, 10, 40, 5)],
    timeline: [
      { minute: T('09:01:00'), ...counts(20, 0, 2, 0) },
      { minute: T('09:00:00'), ...counts(20, 0, 1, 0) },
    ],
    causes: [
      { attribution: 'none', cause: 'connected', attempts: '945', first_seen: T('09:00:01'), last_seen: T('09:59:59') },
      { attribution: '1015', cause: 'cert_expired', attempts: '40', first_seen: T('09:00:04'), last_seen: T('09:30:10') },
      { attribution: '1010', cause: 'extension_not_negotiated', attempts: '10', first_seen: T('09:40:00'), last_seen: T('09:59:30') },
      { attribution: 'other', cause: 'server_error', attempts: 5, first_seen: T('09:10:00'), last_seen: T('09:20:00') },
    ],
    failureGroups: [
      { attribution: '1015', cause: 'cert_expired', service: 'market-feed', region: 'eu-west-1', target_host: 'api.example.com', runtime_family: 'node', failures: '30' },
      { attribution: '1015', cause: 'cert_expired', service: 'market-feed', region: 'eu-west-1', target_host: 'api.example.com', runtime_family: 'go', failures: '10' },
      { attribution: '1010', cause: 'extension_not_negotiated', service: 'collab-editor', region: 'us-east-1', target_host: 'collab.example.com', runtime_family: 'node', failures: '10' },
      { attribution: 'other', cause: 'server_error', service: 'chat-gateway', region: 'us-east-1', target_host: 'chat.example.com', runtime_family: 'java', failures: '5' },
    ],
    certificates: [
      { cert_subject: 'CN=api', cert_issuer: 'CN=R11', not_after: T('09:00:00'), not_before: T('08:00:00'), attribution: '1015', cause: 'cert_expired', attempts: '40', first_seen: T('09:00:04'), last_seen: T('09:30:10'), services: ['market-feed'], regions: ['eu-west-1'], hosts: ['api.example.com'] },
      { cert_subject: 'CN=api', cert_issuer: 'CN=R11', not_after: T('09:00:00'), not_before: T('08:00:00'), attribution: 'none', cause: 'connected', attempts: '2', first_seen: T('09:00:00'), last_seen: T('09:00:00'), services: ['market-feed'], regions: ['eu-west-1'], hosts: ['api.example.com'] },
      { cert_subject: 'CN=soon', cert_issuer: 'CN=CA', not_after: T('10:00:00') + 13 * 86400, not_before: 0, attribution: 'none', cause: 'connected', attempts: '7', first_seen: T('09:00:00'), last_seen: T('09:50:00'), services: ['n'], regions: ['r'], hosts: ['h'] },
      { cert_subject: 'CN=fine', cert_issuer: 'CN=CA', not_after: T('10:00:00') + 15 * 86400, not_before: 0, attribution: 'none', cause: 'connected', attempts: '9', first_seen: T('09:00:00'), last_seen: T('09:50:00'), services: ['n'], regions: ['r'], hosts: ['h'] },
    ],
    extensions: [
      { service: 'collab-editor', target_host: 'collab.example.com', requested: 'permessage-deflate', negotiated: '', required: 'permessage-deflate', attribution: '1010', cause: 'extension_not_negotiated', attempts: '10', first_seen: T('09:40:00'), last_seen: T('09:59:30') },
      { service: 'collab-editor', target_host: 'collab.example.com', requested: 'permessage-deflate', negotiated: 'permessage-deflate', required: 'permessage-deflate', attribution: 'none', cause: 'connected', attempts: '50', first_seen: T('09:00:00'), last_seen: T('09:39:00') },
      { service: 'collab-editor', target_host: 'collab.example.com', requested: 'permessage-deflate', negotiated: 'permessage-deflate', required: 'permessage-deflate', attribution: 'none', cause: 'normal_closure', attempts: '5', first_seen: T('09:00:30'), last_seen: T('09:38:00') },
      { service: 'chat-gateway', target_host: 'chat.example.com', requested: 'permessage-deflate', negotiated: '', required: '', attribution: 'none', cause: 'connected', attempts: '9', first_seen: T('09:00:00'), last_seen: T('09:10:00') },
    ],
    violations: [{ violation: 'close_code_1005_on_wire', service: 'notifications', attempts: '3', first_seen: T('09:01:00'), last_seen: T('09:02:00') }],
  };
}

describe('buildRetro', () => {
  const report = buildRetro(input());

  it('takes the summary from the merged totals, not from summing causes', () => {
    expect(report.summary).toMatchObject({ events: 1000, failures: 55, failure_rate: 0.055, by_attribution: { '1010': 10, '1015': 40, other: 5, none: 945 } });
  });

  it('orders causes by onset and marks one still failing in the last minute as ongoing', () => {
    expect(report.causes.map((c) => [c.cause, c.onset, c.last_failure, c.duration_s, c.ongoing])).toEqual([
      ['cert_expired', '2025-03-14T09:00:04Z', '2025-03-14T09:30:10Z', 1806, false],
      ['server_error', '2025-03-14T09:10:00Z', '2025-03-14T09:20:00Z', 600, false],
      ['extension_not_negotiated', '2025-03-14T09:40:00Z', '2025-03-14T09:59:30Z', 1170, true],
    ]);
    expect(report.causes[0]?.blast_radius.runtimes).toEqual([{ name: 'node', failures: 30 }, { name: 'go', failures: 10 }]);
    expect(report.blast_radius.regions).toEqual([{ name: 'eu-west-1', failures: 40 }, { name: 'us-east-1', failures: 15 }]);
  });

  it('lists the failing and the soon-expiring certificate, not the valid one', () => {
    expect(report.certificates.map((c) => [c.subject, c.status, c.handshakes, c.failures, c.note])).toEqual([
      ['CN=api', 'expired', 42, 40, 'expired 2025-03-14 09:00:00, failures from 2025-03-14 09:00:04 to 2025-03-14 09:30:10 (40 of 42 handshakes)'],
      ['CN=soon', 'expiring_soon', 7, 0, 'expires 2025-03-27 10:00:00 (13 days after the window), seen in 7 handshakes, none failed'],
    ]);
  });

  it('shows the extension matrix only for services with 1010 failures, causes merged per cell', () => {
    expect(report.extensions.map((e) => [e.service, e.negotiated, e.required, e.events, e.failures, e.causes])).toEqual([
      ['collab-editor', '', 'permessage-deflate', 10, 10, ['extension_not_negotiated']],
      ['collab-editor', 'permessage-deflate', 'permessage-deflate', 55, 0, ['connected', 'normal_closure']],
    ]);
  });

  it('sorts the timeline and builds a remediation item per failure cause, certificate and violation', () => {
    expect(report.timeline.map((m) => m.minute)).toEqual(['2025-03-14T09:00:00Z', '2025-03-14T09:01:00Z']);
    expect(report.remediation.map((r) => r.item.split(':')[0])).toEqual(['1015 cert_expired', '1010 extension_not_negotiated', 'other server_error', 'Certificate CN=api (CN=R11) on api.example.com', 'Certificate CN=soon (CN=CA) on h', 'Protocol violation close_code_1005_on_wire from notifications']);
    expect(report.remediation[0]?.detail).toMatch(/^Renew the server certificate/);
  });

  it('is independent of row order (both engines may return groups in any order)', () => {
    const shuffled = input();
    for (const key of ['timeline', 'causes', 'failureGroups', 'certificates', 'extensions', 'violations'] as const) (shuffled[key] as unknown[]).reverse();
    expect(renderJson(buildRetro(shuffled))).toBe(renderJson(report));
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(buildRetro({ ...input(), window: { ...input().window, service: 'market-feed' } }));

  it.each([
    ['title with scope', '# Incident retrospective: 2025-03-14 09:00:00 – 2025-03-14 10:00:00 UTC — service market-feed'],
    ['summary sentence', '1000 connection attempts, 55 failures (5.50%).'],
    ['certificate expiry as a key moment', '- 09:00:00 certificate CN=api expires'],
    ['onset', '- 09:00:04 onset of 1015 cert_expired (market-feed; eu-west-1)'],
    ['ongoing cause', '| 1010 | extension_not_negotiated | 10 | 09:40:00 | 09:59:30 | 19m 30s | no (still failing) |'],
    ['certificate line', '- **CN=api** (issuer CN=R11; api.example.com; market-feed in eu-west-1): expired 2025-03-14 09:00:00, failures from 2025-03-14 09:00:04'],
    ['empty negotiated shown as a dash', '| collab-editor | collab.example.com | permessage-deflate | — | permessage-deflate | 10 | 10 |'],
    ['checklist', '- [ ] **1015 cert_expired: 40 failures (market-feed; eu-west-1)** — Renew'],
  ])('has the %s', (_label, line) => {
    expect(md).toContain(line);
  });

  it('escapes pipes in values so a table cannot be broken by data', () => {
    const withPipe = input();
    withPipe.violations = [{ violation: 'a|b', service: 's', attempts: '1', first_seen: T('09:00:00'), last_seen: T('09:00:00') }];
    expect(renderMarkdown(buildRetro(withPipe))).toContain('| a\\|b | s | 1 |');
  });
});
