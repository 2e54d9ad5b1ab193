// Erlang/OTP ssl and public_key certificate path validation reasons, as `{bad_cert, Reason}` in ssl
// errors and verify_fun callbacks (Elixir prints the same terms). Recognised only next to "bad_cert".
import { rowMaker, type CodeRow } from './types.js';

const publicKey = 'Erlang/OTP public_key pkix_path_validation/3 (bad_cert reasons) https://www.erlang.org/doc/apps/public_key/public_key.html#pkix_path_validation/3';
const ssl = 'Erlang/OTP ssl (verify_fun, {bad_cert, hostname_check_failed}) https://www.erlang.org/doc/apps/ssl/ssl.html';
const k = rowMaker('erlang_ssl', publicKey);
const s = rowMaker('erlang_ssl', ssl);

export const erlangTable: readonly CodeRow[] = [
  s('hostname_check_failed', undefined, 'the peer certificate does not match the host name (public_key:pkix_verify_hostname)', 'hostname_mismatch', 0.85),
  k('selfsigned_peer', undefined, 'the peer certificate is self-signed', 'self_signed', 0.85),
  // Raised for a certificate outside its validity period in either direction: expired is the usual case.
  k('cert_expired', undefined, 'the certificate is outside its validity period', 'cert_expired', 0.7),
  k('invalid_issuer', undefined, 'the issuer does not match the next certificate of the path', 'tls_unknown', 0.6),
  k('invalid_signature', undefined, 'a certificate signature does not verify', 'tls_unknown', 0.6),
  k('missing_basic_constraint', undefined, 'an issuer lacks the CA basic constraint', 'tls_unknown', 0.6),
];
