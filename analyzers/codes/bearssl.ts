// BearSSL engine and X.509 error codes (BR_ERR_*): names, and values with a BearSSL context.
// A received or sent fatal alert is reported as 256 or 512 plus the alert number (see scanner).
import { rowMaker, type CodeRow } from './types.js';

const ssl = 'BearSSL inc/bearssl_ssl.h (BR_ERR_* SSL status codes) https://www.bearssl.org/gitweb/?p=BearSSL;a=blob;f=inc/bearssl_ssl.h';
const x509 = 'BearSSL inc/bearssl_x509.h (BR_ERR_X509_*) https://www.bearssl.org/gitweb/?p=BearSSL;a=blob;f=inc/bearssl_x509.h';
const s = rowMaker('bearssl', ssl);
const x = rowMaker('bearssl', x509);

/** BR_ERR_RECV_FATAL_ALERT / BR_ERR_SEND_FATAL_ALERT: the alert number is added to these bases. */
export const BEARSSL_RECV_ALERT_BASE = 256;
export const BEARSSL_SEND_ALERT_BASE = 512;
export const bearsslAlertSource = ssl;

export const bearsslTable: readonly CodeRow[] = [
  s('BR_ERR_BAD_CIPHER_SUITE', 16, 'the peer selected an unsupported or unknown cipher suite', 'cipher_mismatch', 0.75),
  x('BR_ERR_X509_TIME_UNKNOWN', 53, 'validation time is unknown', 'tls_unknown', 0.6),
  x('BR_ERR_X509_EXPIRED', 54, 'certificate is expired or not yet valid', 'cert_expired', 0.75),
  x('BR_ERR_X509_DN_MISMATCH', 55, 'issuer/subject DN mismatch in the chain', 'incomplete_chain', 0.55, { ambiguity: 'issuer' }),
  x('BR_ERR_X509_BAD_SERVER_NAME', 56, 'expected server name was not found in the chain', 'hostname_mismatch', 0.85),
  x('BR_ERR_X509_NOT_CA', 58, 'not a CA, or path length constraint violation', 'tls_unknown', 0.6),
  x('BR_ERR_X509_FORBIDDEN_KEY_USAGE', 59, 'key usage extension prohibits intended usage', 'tls_unknown', 0.7),
  x('BR_ERR_X509_WEAK_PUBLIC_KEY', 60, 'public key found in certificate is too small', 'tls_unknown', 0.7),
  x('BR_ERR_X509_NOT_TRUSTED', 62, 'chain could not be linked to a trust anchor', 'untrusted_ca', 0.7, { ambiguity: 'issuer' }),
];
