// One text per code-table rule, in the notation its stack prints (analyzers/codes/vocabulary.ts).
import { allCodeRows, codeRuleId, type CodeRow } from '../../../analyzers/codes/index.js';

function sampleFor(row: CodeRow): string | undefined {
  const name = row.names[0] as string;
  switch (row.table) {
    case 'tls_alert':
      return `received fatal alert: ${name}`;
    case 'x509_verify':
      return name;
    case 'openssl_reason':
      return `SSL_R_${name}`;
    case 'wolfssl':
      return `wolfSSL_connect failed: ${name}`;
    case 'java_certpath':
      return `java.security.cert.CertPathValidatorException: reason ${name}`;
    case 'erlang_ssl':
      return `{bad_cert,${name}}`;
    case 'cdn_status':
      return undefined;
    case 'rust_io':
      return `Io(Kind(${name}))`;
    case 'runtime_net':
    case 'qt_socket':
      return row.texts?.[0] ?? name;
    case 'botan':
      return `Certificate validation failure: ${row.texts?.[0] ?? name}`;
    case 'haskell_x509':
      return `HandshakeFailed (Error_Protocol ("certificate rejected: [${name}]",True,CertificateUnknown))`;
    case 'bouncycastle':
      return `Caused by: java.security.cert.CertificateException: ${row.texts?.[0] ?? name}`;
    default:
      return name;
  }
}

/** [rule id, text] for every row rule and the numeric-notation rules. */
export const codeRuleSamples: readonly (readonly [string, string])[] = [
  ...allCodeRows.flatMap((row) => {
    const text = sampleFor(row);
    return text === undefined ? [] : [[codeRuleId(row), text] as const];
  }),
  ['codes.tls_alert.number', 'tls: received alert 70'],
  ['codes.tls_alert.tuple', 'SSLError: alert (2, 48)'],
  ['codes.x509_verify.number', 'SSL verify result: 20'],
];
