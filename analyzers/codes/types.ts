// Shape of one row of the platform code tables: a code as a TLS stack or platform reports it, its
// names, what it means, the wsdiag cause it points to, and the primary source it was read from.
import type { Cause } from '../../schemas/classification.js';
import type { Ambiguity } from '../candidate.js';

/** Which table a row belongs to; also the first part of its rule id in evidence ("codes.<table>.<name>"). */
export type CodeTableId =
  | 'tls_alert'
  | 'x509_verify'
  | 'openssl_reason'
  | 'apple_osstatus'
  | 'nsurl'
  | 'windows_hresult'
  | 'winhttp'
  | 'nss'
  | 'gnutls'
  | 'mbedtls'
  | 'wolfssl'
  | 'bearssl'
  | 'dotnet'
  | 'java_certpath'
  | 'bouncycastle'
  | 'botan'
  | 'haskell_x509'
  | 'erlang_ssl'
  | 'curl'
  | 'cdn_status'
  | 'dns_sd'
  | 'dotnet_net'
  | 'java_net'
  | 'rust_io'
  | 'libuv'
  | 'qt_socket'
  | 'qt_ssl'
  | 'boost_asio'
  | 'runtime_net'
  | 'proxy_status'
  | 'proxy_result'
  | 'esp_tls'
  | 'winrt_web'
  | 'llhttp'
  | 'erlang_term'
  | 'mqtt_reason';

export interface CodeRow {
  readonly table: CodeTableId;
  /** Symbolic names as the stack spells them, the canonical one first. */
  readonly names: readonly string[];
  /** The numeric value as the stack reports it (OSStatus, HRESULT, negative library code, ...). */
  readonly code?: number;
  /** What the stack documents for it, briefly. */
  readonly meaning: string;
  /** tls_unknown when the code says TLS failed without saying why. */
  readonly cause: Cause;
  readonly confidence: number;
  readonly ambiguity?: Ambiguity;
  /** Texts the stack prints for this code (matched case-insensitively as whole phrases). */
  readonly texts?: readonly string[];
  /** Citation: header file or documentation page, with its URL. */
  readonly source: string;
}

/** Options of the compact row constructors the table files use. */
export type RowExtras = Partial<Pick<CodeRow, 'ambiguity' | 'texts' | 'code'>>;

/** Compact constructor of one table's rows, all from one primary source. */
export function rowMaker(table: CodeTableId, source: string) {
  return (names: string | readonly string[], code: number | undefined, meaning: string, cause: Cause, confidence: number, extras: RowExtras = {}): CodeRow => ({
    table,
    names: typeof names === 'string' ? [names] : names,
    ...(code === undefined ? {} : { code }),
    meaning,
    cause,
    confidence,
    source,
    ...extras,
  });
}
