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
    case 'erlang_term':
      return `{error,{down,{shutdown,${name}}}}`;
    case 'mqtt_reason':
      return `MQTT CONNACK: ${name}`;
    case 'cdn_status':
    case 'proxy_result':
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
    // Envoy's flags after the status of its access line, HAProxy's states in the termination field, the rest by text or name.
    case 'proxy_status':
      if (row.source.startsWith('Envoy') && /^[A-Z]{2,3}$/.test(name)) return `"GET /ws HTTP/1.1" 503 ${name} - "-" 0 91 2`;
      if (row.source.startsWith('HAProxy')) return `0/0/0/-1/4 502 204 - - ${name}-- 1/1/0/0/0 0/0 "GET /ws HTTP/1.1"`;
      return row.texts?.[0] ?? name;
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
  ['codes.erlang_ssl.client_bad_certificate', '{error,{tls_alert,{bad_certificate,"TLS client: In state wait_cert_cr at ssl_handshake.erl:2109 generated CLIENT ALERT: Fatal - Bad Certificate\\n"}}}'],
];
