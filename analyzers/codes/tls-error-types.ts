// Error types of TLS libraries, as `error.name` or `error.code` carry them: a value of one of these types is raised by the
// TLS layer, so a reset or EOF reported under it broke off inside the TLS layer's work. With nothing placing it after the
// handshake, that is the TLS handshake (reset/EOF convention, docs/attribution.md: a text that names TLS/SSL).

export interface TlsErrorType {
  /** Matched against the whole of error.name / error.code. */
  readonly pattern: RegExp;
  readonly source: string;
}

export const tlsErrorTypes: readonly TlsErrorType[] = [
  { pattern: /^native_tls::(?:\w+::)*Error$/, source: 'rust-native-tls src/lib.rs (pub struct Error, the error of TlsConnector::connect) https://docs.rs/native-tls/latest/native_tls/struct.Error.html' },
  { pattern: /^openssl::(?:ssl::)?(?:\w+::)*(?:Error|ErrorStack|HandshakeError)(?:<.*>)?$/, source: 'rust-openssl openssl::ssl::Error, openssl::error::ErrorStack, openssl::ssl::HandshakeError https://docs.rs/openssl/latest/openssl/ssl/struct.Error.html' },
  { pattern: /^(?:tokio_)?rustls::(?:\w+::)*Error$/, source: 'rustls::Error (the TLS layer\'s error; tokio-rustls returns it inside io::Error) https://docs.rs/rustls/latest/rustls/enum.Error.html' },
  { pattern: /^(?:async_native_tls|tokio_native_tls|boring|tokio_boring)::(?:\w+::)*(?:Error|HandshakeError)(?:<.*>)?$/, source: 'tokio-native-tls / async-native-tls re-export native_tls::Error; boring::ssl::Error (BoringSSL binding) https://docs.rs/boring/latest/boring/ssl/struct.Error.html' },
  { pattern: /^(?:ssl\.)?SSL(?:EOF|ZeroReturn|Syscall)?Error$/, source: 'Python ssl module (SSLError, SSLEOFError, SSLZeroReturnError, SSLSyscallError) https://docs.python.org/3/library/ssl.html#exceptions' },
  { pattern: /^(?:javax\.net\.ssl\.)?SSLException$/, source: 'Java javax.net.ssl.SSLException https://docs.oracle.com/en/java/javase/17/docs/api/java.base/javax/net/ssl/SSLException.html' },
  { pattern: /^(?:\w+\.)*(?:Ssl|Tls)(?:Exception|Error)$/, source: 'error classes named after the TLS layer, e.g. Dart dart:io TlsException https://api.dart.dev/stable/dart-io/TlsException-class.html' },
];

const TLS_PART = /tls|ssl/i;

/** Whether an error.name / error.code value is a TLS library's error type. */
export function isTlsErrorType(value: string | undefined): boolean {
  if (value === undefined || value.length > 120 || !TLS_PART.test(value)) return false;
  for (const type of tlsErrorTypes) if (type.pattern.test(value)) return true;
  return false;
}
