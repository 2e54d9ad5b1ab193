// Erlang/OTP ssl and public_key certificate path validation reasons, as `{bad_cert, Reason}` in ssl
// errors and verify_fun callbacks (Elixir prints the same terms). Recognised only next to "bad_cert".
import { rowMaker, type CodeRow } from './types.js';

const publicKey = 'Erlang/OTP public_key pkix_path_validation/3 (bad_cert reasons) https://www.erlang.org/doc/apps/public_key/public_key.html#pkix_path_validation/3';
const ssl = 'Erlang/OTP ssl (verify_fun, {bad_cert, hostname_check_failed}) https://www.erlang.org/doc/apps/ssl/ssl.html';
const k = rowMaker('erlang_ssl', publicKey);
const s = rowMaker('erlang_ssl', ssl);

/**
 * OTP's own description of the bad_certificate alert its *client* generated while verifying the server's certificate
 * (ssl_alert's "TLS client: In state <state> at <module>:<line> generated CLIENT ALERT: Fatal - Bad Certificate"; the
 * states are certify (TLS 1.2) and wait_cert_cr / wait_cert (TLS 1.3)). ssl_handshake:path_validation_alert/1 maps
 * {bad_cert, selfsigned_peer}, invalid_issuer, invalid_signature, name_not_permitted and
 * revocation_status_undetermined to BAD_CERTIFICATE; with default options (no CRL check) and no name constraints the
 * usual one is a self-signed leaf (an untrusted or unrelated root gives unknown_ca), so it reads as self_signed at a
 * moderate confidence (docs/attribution.md, "Erlang terms in general form"). A verify_fun's {bad_cert, Reason} next to it
 * says more and decides. Other stacks' bad_certificate (OpenSSL, forge) stays tls_unknown.
 * @see https://github.com/erlang/otp/blob/OTP-25.2.3/lib/ssl/src/ssl_handshake.erl (path_validation_alert/1)
 * @see https://github.com/erlang/otp/blob/OTP-25.2.3/lib/ssl/src/ssl_alert.erl (own_alert_format/6)
 */
export const OTP_CLIENT_BAD_CERTIFICATE = /\bTLS client: In state (?:certify|wait_cert_cr|wait_cert) at \w+\.erl:\d+ generated CLIENT ALERT: Fatal - Bad Certificate\b(?<!\bbad_cert\b[\s\S]*)(?![\s\S]*\bbad_cert\b)/;
export const otpClientBadCertificateSource = 'Erlang/OTP ssl_handshake:path_validation_alert/1 ({bad_cert, selfsigned_peer} and four rarer reasons → BAD_CERTIFICATE) https://github.com/erlang/otp/blob/OTP-25.2.3/lib/ssl/src/ssl_handshake.erl';

export const erlangTable: readonly CodeRow[] = [
  s('hostname_check_failed', undefined, 'the peer certificate does not match the host name (public_key:pkix_verify_hostname)', 'hostname_mismatch', 0.85),
  k('selfsigned_peer', undefined, 'the peer certificate is self-signed', 'self_signed', 0.85),
  // Raised for a certificate outside its validity period in either direction: expired is the usual case.
  k('cert_expired', undefined, 'the certificate is outside its validity period', 'cert_expired', 0.7),
  k('invalid_issuer', undefined, 'the issuer does not match the next certificate of the path', 'tls_unknown', 0.6),
  k('invalid_signature', undefined, 'a certificate signature does not verify', 'tls_unknown', 0.6),
  k('missing_basic_constraint', undefined, 'an issuer lacks the CA basic constraint', 'tls_unknown', 0.6),
];

// Reason atoms of Erlang/OTP's kernel sockets as applications print the returned term (`~p`, Elixir's inspect), e.g.
// gun's `{error,{down,{shutdown,closed}}}`, `{error,{stream_error,closed}}`, Elixir's `{:error, :closed}`. The atom
// counts only as the last element of a tuple (`{…,closed}`, `{…, :closed}`): "closed" and "timeout" are ordinary
// words elsewhere, and `{closed,normal}` (a peer's clean close) is another term. The wrappers (`down`,
// `stream_error`, `shutdown`) name no cause; errno atoms (econnrefused, ehostunreach), nxdomain and
// `{tls_alert,{Alert,Desc}}` are read by the errno, runtime and TLS alert tables.
const genTcp = 'Erlang/OTP kernel gen_tcp (recv/2,3 and send/2: {error, closed} if the socket is closed; connect/4: {error, timeout}) https://www.erlang.org/doc/apps/kernel/gen_tcp.html';
const sslApp = 'Erlang/OTP ssl (connect/3,4 and recv/2,3: {error, closed}, {error, timeout}) https://www.erlang.org/doc/apps/ssl/ssl.html';
const t = rowMaker('erlang_term', `${genTcp}; ${sslApp}`);

export const erlangTermTable: readonly CodeRow[] = [
  // The conventions decide the phase: before the upgrade with no TLS word a reset; after a 101 an abnormal closure.
  t('closed', undefined, 'the socket was closed by the peer or the network (gen_tcp/ssl {error, closed})', 'network_reset', 0.6),
  t('timeout', undefined, 'connect or receive timed out (gen_tcp/ssl {error, timeout})', 'network_timeout', 0.6),
];
