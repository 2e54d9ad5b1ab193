// Every platform code table, in one explicit list, plus the TLS alert and OpenSSL verify tables seen
// as code rows. Tests and docs iterate this list; recognition is in vocabulary.ts and scanner.ts.
import { gnutlsAlertNames, tlsAlertTable } from '../tls-alerts.js';
import { verifyCodeTable } from '../verify-codes.js';
import { appleTable } from './apple.js';
import { bearsslTable } from './bearssl.js';
import { botanTable } from './botan.js';
import { bouncycastleTable } from './bouncycastle.js';
import { cdnTable } from './cdn.js';
import { dotnetTable } from './dotnet.js';
import { erlangTable, erlangTermTable } from './erlang.js';
import { espTlsTable } from './esp-idf.js';
import { curlTable } from './curl.js';
import { gnutlsTable } from './gnutls.js';
import { haskellX509Table } from './haskell.js';
import { javaTable } from './java.js';
import { llhttpTable } from './llhttp.js';
import { mbedtlsTable } from './mbedtls.js';
import { mqttReasonTable } from './mqtt.js';
import { networkCodeTable } from './network.js';
import { nssTable } from './nss.js';
import { opensslReasonTable } from './openssl-reasons.js';
import { proxyStatusTable } from './proxy.js';
import { proxyResultTable } from './proxy-result.js';
import { qtSslTable } from './qt-ssl.js';
import type { CodeRow } from './types.js';
import { windowsTable } from './windows.js';
import { winrtWebTable } from './winrt.js';
import { wolfsslTable } from './wolfssl.js';

export type { CodeRow, CodeTableId } from './types.js';

/** The TLS alert table's rows that name a cause, as code rows (analyzers/tls-alerts.ts owns them). */
export const alertCodeRows: readonly CodeRow[] = tlsAlertTable.flatMap((row) =>
  row.cause === undefined
    ? []
    : [{ table: 'tls_alert' as const, names: [row.name], code: row.code, meaning: row.name.replace(/_/g, ' '), cause: row.cause, confidence: row.confidence ?? 0.6, ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}), source: row.gnutls ? `${row.source}; ${gnutlsAlertNames}` : row.source }],
);

/** The verify code table's rows that name a cause, as code rows (analyzers/verify-codes.ts owns them). */
export const verifyCodeRows: readonly CodeRow[] = verifyCodeTable.flatMap((row) =>
  row.cause === undefined
    ? []
    : [{ table: 'x509_verify' as const, names: [`X509_V_ERR_${row.name}`, row.name], code: row.code, meaning: row.text, cause: row.cause, confidence: row.confidence ?? 0.6, ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}), source: row.source }],
);

/** The platform tables this folder owns, in the order their rules run. */
export const platformCodeTables: readonly (readonly CodeRow[])[] = [
  opensslReasonTable,
  appleTable,
  windowsTable,
  nssTable,
  gnutlsTable,
  mbedtlsTable,
  wolfsslTable,
  bearsslTable,
  dotnetTable,
  javaTable,
  bouncycastleTable,
  botanTable,
  haskellX509Table,
  erlangTable,
  erlangTermTable,
  curlTable,
  cdnTable,
  networkCodeTable,
  qtSslTable,
  proxyStatusTable,
  proxyResultTable,
  espTlsTable,
  winrtWebTable,
  llhttpTable,
  mqttReasonTable,
];

/** Every code row wsdiag recognises, alerts and verify codes included. */
export const allCodeRows: readonly CodeRow[] = [...alertCodeRows, ...verifyCodeRows, ...platformCodeTables.flat()];

/** Stable rule id of a row, printed in evidence: "codes.<table>.<canonical name, lower case>". */
export function codeRuleId(row: CodeRow): string {
  return `codes.${row.table}.${(row.names[0] as string).toLowerCase().replace(/[^a-z0-9_]+/g, '_')}`;
}
