// Test PKI for the loopback reproductions: a trusted root → intermediate → leaf chain, an untrusted
// second PKI, and one broken leaf per 1015 certificate cause, all made by the real `openssl` CLI.
// Generated once per test worker into a temp dir (OpenSSL 3.0 has no `x509 -not_before`, so dated
// leaves are issued with `openssl ca -startdate/-enddate`).
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const leafCases = [
  'valid',
  'expired',
  'not_yet_valid',
  'self_signed',
  /** Leaf issued by an untrusted root; the server sends leaf + that root (a MITM proxy look). */
  'untrusted_root',
  /** Leaf issued by an untrusted root's intermediate; the server sends leaf + intermediate. */
  'untrusted_chain',
  /** Leaf issued by the trusted intermediate; the server sends the leaf alone. */
  'incomplete_chain',
  'wrong_host',
] as const;
export type LeafCase = (typeof leafCases)[number];

export type ServedCertificate = {
  /** PEM of the private key. */
  key: string;
  /** PEM the server sends: leaf first, then whatever chain this case serves. */
  chain: string;
  /** Path of the leaf certificate alone. */
  leafPath: string;
};

export type TestPki = {
  dir: string;
  /** Path of the only root clients trust. */
  rootCaPath: string;
  rootCa: string;
  /** Path of the second, untrusted root (a CA file that trusts the wrong PKI). */
  untrustedRootCaPath: string;
  leaves: Record<LeafCase, ServedCertificate>;
  /** A client certificate (extendedKeyUsage clientAuth) from the trusted intermediate, chain = leaf + intermediate. */
  client: ServedCertificate;
};

const leafExtensions = (san: string): string =>
  [
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature',
    'extendedKeyUsage = serverAuth',
    'subjectKeyIdentifier = hash',
    `subjectAltName = ${san}`,
  ].join('\n');

const extensionsFile = `
[ ca_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ leaf_localhost ]
${leafExtensions('DNS:localhost, IP:127.0.0.1')}
authorityKeyIdentifier = keyid:always

[ leaf_wrong_host ]
${leafExtensions('DNS:wrong.example')}
authorityKeyIdentifier = keyid:always

[ leaf_client ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ leaf_self_signed ]
${leafExtensions('DNS:localhost, IP:127.0.0.1')}
`;

const caConfig = (dir: string): string => `
[ ca ]
default_ca = test_ca

[ test_ca ]
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
default_md = sha256
default_days = 825
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none

[ policy_any ]
organizationName = optional
commonName = supplied
`;

/** OpenSSL ASN.1 UTCTime, YYMMDDHHMMSSZ, `days` from now. */
function asn1Time(days: number): string {
  const iso = new Date(Date.now() + days * 86_400_000).toISOString();
  return iso.slice(2, 19).replace(/[-:T]/g, '') + 'Z';
}

let cached: Promise<TestPki> | undefined;

/** The test PKI, generated on first use and shared by every test in this worker. */
export function testPki(): Promise<TestPki> {
  cached ??= generate();
  return cached;
}

/** Deletes this worker's PKI folder; the next testPki() makes a new one. */
export async function removeTestPki(): Promise<void> {
  const pki = cached;
  cached = undefined;
  if (pki) await rm((await pki).dir, { recursive: true, force: true });
}

async function generate(): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'wsdiag-pki-'));
  // Keys never outlive the run that made them (test workers may be killed: they call removeTestPki).
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'issued'));
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await writeFile(join(dir, 'ca.cnf'), caConfig(dir));
  await writeFile(join(dir, 'ext.cnf'), extensionsFile);
  const p = (name: string): string => join(dir, name);

  const keyNames = ['root', 'inter', 'other-root', 'other-inter', 'client', ...leafCases];
  await Promise.all(
    keyNames.map((name) =>
      run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', p(`${name}.key`)]),
    ),
  );

  const selfSigned = (name: string, subject: string, section: string): Promise<unknown> =>
    run('openssl', [
      'req', '-x509', '-new', '-key', p(`${name}.key`), '-subj', subject, '-days', '3650',
      '-config', p('ext.cnf'), '-extensions', section, '-out', p(`${name}.pem`),
    ]);

  // `openssl ca` shares one index file, so issuance runs one at a time.
  const issue = async (
    name: string,
    subject: string,
    issuer: string,
    section: string,
    validity: { startDays: number; endDays: number } = { startDays: -1, endDays: 365 },
  ): Promise<void> => {
    await run('openssl', ['req', '-new', '-key', p(`${name}.key`), '-subj', subject, '-out', p(`${name}.csr`)]);
    await run('openssl', [
      'ca', '-batch', '-notext', '-config', p('ca.cnf'),
      '-cert', p(`${issuer}.pem`), '-keyfile', p(`${issuer}.key`),
      '-startdate', asn1Time(validity.startDays), '-enddate', asn1Time(validity.endDays),
      '-extfile', p('ext.cnf'), '-extensions', section,
      '-in', p(`${name}.csr`), '-out', p(`${name}.pem`),
    ]);
  };

  await selfSigned('root', '/O=wsdiag test/CN=wsdiag Test Root CA', 'ca_ext');
  await selfSigned('other-root', '/O=untrusted test/CN=Untrusted Test Root CA', 'ca_ext');
  await selfSigned('self_signed', '/CN=localhost', 'leaf_self_signed');
  await issue('inter', '/O=wsdiag test/CN=wsdiag Test Intermediate CA', 'root', 'ca_ext', { startDays: -3000, endDays: 3000 });
  await issue('other-inter', '/O=untrusted test/CN=Untrusted Test Intermediate CA', 'other-root', 'ca_ext', { startDays: -3000, endDays: 3000 });
  await issue('valid', '/CN=localhost', 'inter', 'leaf_localhost');
  await issue('expired', '/CN=localhost', 'inter', 'leaf_localhost', { startDays: -730, endDays: -365 });
  await issue('not_yet_valid', '/CN=localhost', 'inter', 'leaf_localhost', { startDays: 365, endDays: 730 });
  await issue('untrusted_root', '/CN=localhost', 'other-root', 'leaf_localhost');
  await issue('untrusted_chain', '/CN=localhost', 'other-inter', 'leaf_localhost');
  await issue('incomplete_chain', '/CN=localhost', 'inter', 'leaf_localhost');
  await issue('wrong_host', '/CN=wrong.example', 'inter', 'leaf_wrong_host');
  await issue('client', '/O=wsdiag test/CN=wsdiag-pipeline', 'inter', 'leaf_client');

  const pem = (name: string): Promise<string> => readFile(p(`${name}.pem`), 'utf8');
  const served: Record<LeafCase, string[]> = {
    valid: ['valid', 'inter'],
    expired: ['expired', 'inter'],
    not_yet_valid: ['not_yet_valid', 'inter'],
    self_signed: ['self_signed'],
    untrusted_root: ['untrusted_root', 'other-root'],
    untrusted_chain: ['untrusted_chain', 'other-inter'],
    incomplete_chain: ['incomplete_chain'],
    wrong_host: ['wrong_host', 'inter'],
  };
  const leaves = {} as Record<LeafCase, ServedCertificate>;
  for (const leaf of leafCases) {
    const chain = (await Promise.all(served[leaf].map(pem))).join('');
    leaves[leaf] = { key: await readFile(p(`${leaf}.key`), 'utf8'), chain, leafPath: p(`${leaf}.pem`) };
  }
  const client = { key: await readFile(p('client.key'), 'utf8'), chain: (await Promise.all(['client', 'inter'].map(pem))).join(''), leafPath: p('client.pem') };
  return { dir, rootCaPath: p('root.pem'), rootCa: await pem('root'), untrustedRootCaPath: p('other-root.pem'), leaves, client };
}
