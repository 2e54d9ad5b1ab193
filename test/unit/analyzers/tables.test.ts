// Every protocol fact carries its citation, and every table points at causes the contract knows.
import { describe, expect, it } from 'vitest';
import { closeCodeTable, violationKinds } from '../../../analyzers/close-codes.js';
import { classifierRegistry } from '../../../analyzers/registry.js';
import { tlsAlertRow, tlsAlertTable } from '../../../analyzers/tls-alerts.js';
import { verifyCodeRow, verifyCodeTable } from '../../../analyzers/verify-codes.js';
import { vocabularies } from '../../../analyzers/vocabularies/index.js';
import { allCauses, attributions, causesByAttribution } from '../../../schemas/classification.js';

const tables = {
  'close codes': closeCodeTable.map((row) => ({ id: `${row.from}-${row.to}`, source: row.source, cause: row.cause })),
  violations: violationKinds.map((row) => ({ id: row.id, source: row.source, cause: undefined })),
  'TLS alerts': tlsAlertTable.map((row) => ({ id: String(row.code), source: row.source, cause: row.cause })),
  'verify codes': verifyCodeTable.map((row) => ({ id: String(row.code), source: row.source, cause: row.cause })),
  ...Object.fromEntries(vocabularies.map((vocabulary) => [`vocabulary ${vocabulary.name}`, vocabulary.rules.map((rule) => ({ id: rule.id, source: rule.source, cause: rule.cause }))])),
};

describe.each(Object.entries(tables))('%s table', (_name, rows) => {
  it('has rows', () => expect(rows.length).toBeGreaterThan(0));
  it.each(rows)('row $id cites its source and names a contract cause', (row) => {
    expect(row.source.trim().length).toBeGreaterThan(10);
    if (row.cause !== undefined) expect(allCauses).toContain(row.cause);
  });
});

describe('vocabulary rules', () => {
  const rules = vocabularies.flatMap((vocabulary) => vocabulary.rules);
  it('have unique ids', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s is stateless (no g/y flag) and confidence in 0..1', (_id, rule) => {
    expect(rule.pattern.global || rule.pattern.sticky).toBe(false);
    expect(rule.confidence).toBeGreaterThan(0);
    expect(rule.confidence).toBeLessThanOrEqual(1);
  });
});

describe('lookups', () => {
  it.each([
    [45, 'certificate_expired'],
    ['45', 'certificate_expired'],
    ['certificate_expired', 'certificate_expired'],
    ['CERTIFICATE_EXPIRED', 'certificate_expired'],
    ['CertificateExpired', 'certificate_expired'],
    ['handshake failure', 'handshake_failure'],
    ['SSL_AD_HANDSHAKE_FAILURE', 'handshake_failure'],
    ['unknown certificate authority', 'unknown_ca'],
  ])('TLS alert %s → %s', (alert, name) => {
    expect(tlsAlertRow(alert)?.name).toBe(name);
  });
  it.each([
    [10, 'CERT_HAS_EXPIRED'],
    ['10', 'CERT_HAS_EXPIRED'],
    ['X509_V_ERR_CERT_HAS_EXPIRED', 'CERT_HAS_EXPIRED'],
    ['depth_zero_self_signed_cert', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    [62, 'HOSTNAME_MISMATCH'],
  ])('verify code %s → %s', (code, name) => {
    expect(verifyCodeRow(code)?.name).toBe(name);
  });
});

describe('classifier registry', () => {
  it('has one classifier per attribution', () => {
    expect(classifierRegistry.map((classifier) => classifier.attribution).sort()).toEqual([...attributions].sort());
  });
  it('every cause of every attribution is documented in docs/attribution.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../docs/attribution.md', import.meta.url), 'utf8');
    for (const causes of Object.values(causesByAttribution)) for (const cause of causes) expect(doc, cause).toContain(`\`${cause}\``);
    for (const violation of violationKinds) expect(doc, violation.id).toContain(violation.id);
  });
});
