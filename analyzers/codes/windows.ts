// Windows codes: SChannel SEC_E_*, CryptoAPI CERT_E_* / CRYPT_E_* / TRUST_E_* HRESULTs (winerror.h),
// and the WinINet / WinHTTP 12xxx errors that wrap them. HRESULTs are stored unsigned (0x80090325);
// runtimes also print them as signed decimals (-2146893019).
import { rowMaker, type CodeRow } from './types.js';

const winerror = 'Windows SDK winerror.h (MessageId/MessageText) https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes';
const schannel = `${winerror}; SChannel error codes https://learn.microsoft.com/en-us/windows/win32/secauthn/schannel-error-codes-for-tls-and-ssl-alerts`;
const winhttp = 'WinHTTP error messages (winhttp.h) https://learn.microsoft.com/en-us/windows/win32/winhttp/error-messages';
const wininet = 'WinINet error messages (wininet.h) https://learn.microsoft.com/en-us/windows/win32/wininet/wininet-errors';

const sec = rowMaker('windows_hresult', schannel);
const cert = rowMaker('windows_hresult', winerror);
const http = rowMaker('winhttp', `${winhttp}; ${wininet}`);

export const windowsTable: readonly CodeRow[] = [
  sec('SEC_E_UNSUPPORTED_FUNCTION', 0x80090302, 'the function requested is not supported', 'tls_unknown', 0.55),
  sec('SEC_E_ILLEGAL_MESSAGE', 0x80090326, 'the message received was unexpected or badly formatted', 'tls_unknown', 0.6),
  sec('SEC_E_WRONG_PRINCIPAL', 0x80090322, 'the target principal name is incorrect', 'hostname_mismatch', 0.8, { texts: ['The target principal name is incorrect'] }),
  sec('SEC_E_UNTRUSTED_ROOT', 0x80090325, 'the certificate chain was issued by an authority that is not trusted', 'untrusted_ca', 0.75, {
    ambiguity: 'issuer',
    texts: ['The certificate chain was issued by an authority that is not trusted'],
  }),
  sec('SEC_E_CERT_UNKNOWN', 0x80090327, 'an unknown error occurred while processing the certificate', 'tls_unknown', 0.6),
  sec('SEC_E_CERT_EXPIRED', 0x80090328, 'the received certificate has expired', 'cert_expired', 0.85, { texts: ['The received certificate has expired'] }),
  sec('SEC_E_DECRYPT_FAILURE', 0x80090330, 'the specified data could not be decrypted', 'tls_unknown', 0.5),
  sec('SEC_E_ALGORITHM_MISMATCH', 0x80090331, 'client and server cannot communicate: no common algorithm', 'tls_version_mismatch', 0.55, { ambiguity: 'handshake' }),
  sec('SEC_E_CERT_WRONG_USAGE', 0x80090349, 'the certificate is not valid for the requested usage', 'tls_unknown', 0.7),
  sec('SEC_E_DOWNGRADE_DETECTED', 0x80090350, 'a protocol downgrade was detected', 'tls_version_mismatch', 0.6),
  cert('CERT_E_EXPIRED', 0x800b0101, 'a required certificate is not within its validity period', 'cert_expired', 0.85, { ambiguity: 'validity' }),
  cert('CERT_E_VALIDITYPERIODNESTING', 0x800b0102, 'validity periods of the chain do not nest correctly', 'tls_unknown', 0.6),
  cert('CERT_E_ROLE', 0x800b0103, 'a CA-only certificate is used as an end entity', 'tls_unknown', 0.6),
  cert('CERT_E_PATHLENCONST', 0x800b0104, 'a path length constraint was violated', 'tls_unknown', 0.6),
  cert('CERT_E_CRITICAL', 0x800b0105, 'unknown critical extension', 'tls_unknown', 0.6),
  cert('CERT_E_PURPOSE', 0x800b0106, 'certificate used for a purpose its CA does not allow', 'tls_unknown', 0.6),
  cert('CERT_E_ISSUERCHAINING', 0x800b0107, 'a parent of the certificate did not issue it', 'untrusted_ca', 0.55, { ambiguity: 'issuer' }),
  cert('CERT_E_MALFORMED', 0x800b0108, 'a certificate is missing or has an empty value for an important field', 'tls_unknown', 0.6),
  cert('CERT_E_UNTRUSTEDROOT', 0x800b0109, 'chain terminated in a root certificate not trusted by the trust provider', 'untrusted_ca', 0.8, {
    ambiguity: 'issuer',
    texts: ['terminated in a root certificate which is not trusted by the trust provider'],
  }),
  cert('CERT_E_CHAINING', 0x800b010a, 'a certificate chain could not be built to a trusted root authority', 'incomplete_chain', 0.6, {
    ambiguity: 'issuer',
    texts: ['A certificate chain could not be built to a trusted root authority'],
  }),
  cert('TRUST_E_FAIL', 0x800b010b, 'generic trust failure', 'tls_unknown', 0.55),
  cert('CERT_E_REVOKED', 0x800b010c, 'a certificate was explicitly revoked by its issuer', 'tls_unknown', 0.8),
  cert('CERT_E_UNTRUSTEDTESTROOT', 0x800b010d, 'the root certificate is a testing certificate', 'untrusted_ca', 0.75),
  cert('CERT_E_REVOCATION_FAILURE', 0x800b010e, 'the revocation process could not continue', 'tls_unknown', 0.6),
  cert('CERT_E_CN_NO_MATCH', 0x800b010f, "the certificate's CN name does not match the passed value", 'hostname_mismatch', 0.85, {
    texts: ["The certificate's CN name does not match the passed value"],
  }),
  cert('CERT_E_WRONG_USAGE', 0x800b0110, 'the certificate is not valid for the requested usage', 'tls_unknown', 0.7),
  cert('TRUST_E_EXPLICIT_DISTRUST', 0x800b0111, 'the certificate was explicitly marked as untrusted', 'untrusted_ca', 0.7),
  cert('CERT_E_UNTRUSTEDCA', 0x800b0112, 'a certification chain processed correctly, but one of the CA certificates is not trusted', 'untrusted_ca', 0.75),
  cert('CERT_E_INVALID_NAME', 0x800b0114, 'the certificate has an invalid name (name constraints)', 'tls_unknown', 0.6),
  cert('CRYPT_E_REVOKED', 0x80092010, 'the certificate is revoked', 'tls_unknown', 0.8),
  cert('CRYPT_E_NO_REVOCATION_CHECK', 0x80092012, 'the revocation function was unable to check revocation', 'tls_unknown', 0.6),
  cert('CRYPT_E_REVOCATION_OFFLINE', 0x80092013, 'revocation server was offline', 'tls_unknown', 0.6),
  cert('TRUST_E_CERT_SIGNATURE', 0x80096004, 'the signature of the certificate cannot be verified', 'tls_unknown', 0.7),
  cert('TRUST_E_BASIC_CONSTRAINTS', 0x80096019, 'the basic constraint extension has not been observed', 'tls_unknown', 0.6),
  http(['ERROR_WINHTTP_SECURE_CERT_DATE_INVALID', 'ERROR_INTERNET_SEC_CERT_DATE_INVALID'], 12037, 'a required certificate is not within its validity period', 'cert_expired', 0.75, { ambiguity: 'validity' }),
  http(['ERROR_WINHTTP_SECURE_CERT_CN_INVALID', 'ERROR_INTERNET_SEC_CERT_CN_INVALID'], 12038, 'the certificate CN does not match the host name', 'hostname_mismatch', 0.85),
  http(['ERROR_WINHTTP_SECURE_INVALID_CA', 'ERROR_INTERNET_INVALID_CA'], 12045, 'the chain terminated in a root certificate that is not trusted', 'untrusted_ca', 0.7, { ambiguity: 'issuer' }),
  http(['ERROR_WINHTTP_SECURE_CERT_REV_FAILED', 'ERROR_INTERNET_SEC_CERT_REV_FAILED'], 12057, 'revocation cannot be checked', 'tls_unknown', 0.6),
  http(['ERROR_WINHTTP_SECURE_CHANNEL_ERROR', 'ERROR_INTERNET_SECURITY_CHANNEL_ERROR'], 12157, 'an error occurred in the secure channel (SEC_E_*)', 'tls_unknown', 0.6),
  http(['ERROR_WINHTTP_SECURE_INVALID_CERT', 'ERROR_INTERNET_SEC_INVALID_CERT'], 12169, 'the certificate is invalid', 'tls_unknown', 0.6),
  http(['ERROR_WINHTTP_SECURE_CERT_REVOKED', 'ERROR_INTERNET_SEC_CERT_REVOKED'], 12170, 'the certificate has been revoked', 'tls_unknown', 0.8),
  http('ERROR_WINHTTP_SECURE_FAILURE', 12175, 'one or more errors were found in the server certificate', 'tls_unknown', 0.6),
  http('ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE', 12179, 'the certificate is not valid for the requested usage', 'tls_unknown', 0.7),
  http('ERROR_WINHTTP_SECURE_FAILURE_PROXY', 12188, 'secure failure with the proxy', 'tls_unknown', 0.55),
];
