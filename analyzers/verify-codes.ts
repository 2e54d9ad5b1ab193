// OpenSSL certificate verify results (X509_V_ERR_*): number, name, the text OpenSSL prints for it,
// and the 1015 cause it points to. Node's tls error codes are these names without the prefix.
import type { Cause } from '../schemas/classification.js';
import type { Ambiguity } from './candidate.js';
import { codedTableLookup } from './coded-table.js';

const header = 'OpenSSL include/openssl/x509_vfy.h.in https://github.com/openssl/openssl/blob/master/include/openssl/x509_vfy.h.in';
const text = 'OpenSSL crypto/x509/x509_txt.c https://github.com/openssl/openssl/blob/master/crypto/x509/x509_txt.c';
const storeCtxDoc = 'X509_STORE_CTX_get_error(3), ERROR CODES https://docs.openssl.org/master/man3/X509_STORE_CTX_get_error/';
const verifyDoc = 'openssl-verification-options(1) https://docs.openssl.org/master/man1/openssl-verification-options/';

export interface VerifyCodeRow {
  readonly code: number;
  /** Without the X509_V_ERR_ prefix, as Node prints it in `err.code`. */
  readonly name: string;
  /** X509_verify_cert_error_string() text (OpenSSL 3; 1.1 wrote "self signed" without the hyphen). */
  readonly text: string;
  readonly cause?: Cause;
  readonly confidence?: number;
  readonly ambiguity?: Ambiguity;
  readonly source: string;
}

const src = `${header}; ${text}`;

export const verifyCodeTable: readonly VerifyCodeRow[] = [
  { code: 0, name: 'OK', text: 'ok', source: src },
  { code: 1, name: 'UNSPECIFIED', text: 'unspecified certificate verification error', cause: 'tls_unknown', confidence: 0.6, source: src },
  { code: 2, name: 'UNABLE_TO_GET_ISSUER_CERT', text: 'unable to get issuer certificate', cause: 'untrusted_ca', confidence: 0.6, ambiguity: 'issuer', source: src },
  // 4 and 7: the certificate's signature does not verify under the key of the issuer its chain found ("the signature of the
  // certificate is invalid"; for RSA, 4: the issuer's key does not even recover it): no trusted issuer signed it, whatever its
  // issuer name says (a certificate from another CA under the same name, a forged or altered one): an untrusted issuer.
  { code: 4, name: 'UNABLE_TO_DECRYPT_CERT_SIGNATURE', text: "unable to decrypt certificate's signature", cause: 'untrusted_ca', confidence: 0.7, source: `${src}; ${storeCtxDoc}` },
  { code: 6, name: 'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY', text: 'unable to decode issuer public key', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 7, name: 'CERT_SIGNATURE_FAILURE', text: 'certificate signature failure', cause: 'untrusted_ca', confidence: 0.75, source: `${src}; ${storeCtxDoc}` },
  { code: 9, name: 'CERT_NOT_YET_VALID', text: 'certificate is not yet valid', cause: 'cert_not_yet_valid', confidence: 0.97, source: src },
  { code: 10, name: 'CERT_HAS_EXPIRED', text: 'certificate has expired', cause: 'cert_expired', confidence: 0.97, source: src },
  { code: 13, name: 'ERROR_IN_CERT_NOT_BEFORE_FIELD', text: "format error in certificate's notBefore field", cause: 'tls_unknown', confidence: 0.75, source: src },
  { code: 14, name: 'ERROR_IN_CERT_NOT_AFTER_FIELD', text: "format error in certificate's notAfter field", cause: 'tls_unknown', confidence: 0.75, source: src },
  { code: 18, name: 'DEPTH_ZERO_SELF_SIGNED_CERT', text: 'self-signed certificate', cause: 'self_signed', confidence: 0.97, source: src },
  // A self-signed root the client does not trust: a private CA.
  { code: 19, name: 'SELF_SIGNED_CERT_IN_CHAIN', text: 'self-signed certificate in certificate chain', cause: 'untrusted_ca', confidence: 0.95, source: src },
  // 20: the issuer of some certificate is neither sent nor trusted: unknown CA or missing intermediate.
  { code: 20, name: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', text: 'unable to get local issuer certificate', cause: 'untrusted_ca', confidence: 0.55, ambiguity: 'issuer', source: src },
  // 21: only the leaf was available and its issuer is unknown: typically the intermediate is not served.
  { code: 21, name: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', text: 'unable to verify the first certificate', cause: 'incomplete_chain', confidence: 0.6, ambiguity: 'issuer', source: src },
  { code: 22, name: 'CERT_CHAIN_TOO_LONG', text: 'certificate chain too long', cause: 'tls_unknown', confidence: 0.75, source: src },
  { code: 23, name: 'CERT_REVOKED', text: 'certificate revoked', cause: 'tls_unknown', confidence: 0.85, source: src },
  { code: 24, name: 'INVALID_CA', text: 'invalid CA certificate', cause: 'untrusted_ca', confidence: 0.85, source: src },
  { code: 25, name: 'PATH_LENGTH_EXCEEDED', text: 'path length constraint exceeded', cause: 'tls_unknown', confidence: 0.75, source: src },
  { code: 26, name: 'INVALID_PURPOSE', text: 'unsupported certificate purpose', cause: 'tls_unknown', confidence: 0.8, source: src },
  { code: 27, name: 'CERT_UNTRUSTED', text: 'certificate not trusted', cause: 'untrusted_ca', confidence: 0.9, source: src },
  { code: 28, name: 'CERT_REJECTED', text: 'certificate rejected', cause: 'untrusted_ca', confidence: 0.85, source: src },
  // Less frequent results (CRL, key usage, policy, security level, DANE, CT, OCSP): TLS failed, cause not one of ours.
  { code: 3, name: 'UNABLE_TO_GET_CRL', text: 'unable to get certificate CRL', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 5, name: 'UNABLE_TO_DECRYPT_CRL_SIGNATURE', text: "unable to decrypt CRL's signature", cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 8, name: 'CRL_SIGNATURE_FAILURE', text: 'CRL signature failure', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 11, name: 'CRL_NOT_YET_VALID', text: 'CRL is not yet valid', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 12, name: 'CRL_HAS_EXPIRED', text: 'CRL has expired', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 29, name: 'SUBJECT_ISSUER_MISMATCH', text: 'subject issuer mismatch', cause: 'tls_unknown', confidence: 0.6, source: src },
  { code: 30, name: 'AKID_SKID_MISMATCH', text: 'authority and subject key identifier mismatch', cause: 'tls_unknown', confidence: 0.6, source: src },
  { code: 32, name: 'KEYUSAGE_NO_CERTSIGN', text: 'key usage does not include certificate signing', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 33, name: 'UNABLE_TO_GET_CRL_ISSUER', text: 'unable to get CRL issuer certificate', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 34, name: 'UNHANDLED_CRITICAL_EXTENSION', text: 'unhandled critical extension', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 62, name: 'HOSTNAME_MISMATCH', text: 'hostname mismatch', cause: 'hostname_mismatch', confidence: 0.97, source: `${src}; ${verifyDoc}` },
  { code: 64, name: 'IP_ADDRESS_MISMATCH', text: 'IP address mismatch', cause: 'hostname_mismatch', confidence: 0.97, source: `${src}; ${verifyDoc}` },
  { code: 65, name: 'DANE_NO_MATCH', text: 'no matching DANE TLSA records', cause: 'tls_unknown', confidence: 0.7, source: src },
  { code: 66, name: 'EE_KEY_TOO_SMALL', text: 'EE certificate key too weak', cause: 'tls_unknown', confidence: 0.75, source: src },
  { code: 67, name: 'CA_KEY_TOO_SMALL', text: 'CA certificate key too weak', cause: 'tls_unknown', confidence: 0.75, source: src },
  { code: 68, name: 'CA_MD_TOO_WEAK', text: 'CA signature digest algorithm too weak', cause: 'tls_unknown', confidence: 0.75, source: src },
  { code: 71, name: 'NO_VALID_SCTS', text: 'Certificate Transparency required, but no valid SCTs found', cause: 'tls_unknown', confidence: 0.75, source: src },
  { code: 74, name: 'OCSP_VERIFY_FAILED', text: 'OCSP verification failed', cause: 'tls_unknown', confidence: 0.75, source: src },
];

const rowByName = new Map<string, VerifyCodeRow>(verifyCodeTable.map((row) => [row.name, row]));

/** Row for 10, "10", "CERT_HAS_EXPIRED" or "X509_V_ERR_CERT_HAS_EXPIRED". */
export const verifyCodeRow = codedTableLookup(
  verifyCodeTable,
  (text) => rowByName.get(text.toUpperCase().replace(/^X509_V_ERR_/, '')),
  (row) => [String(row.code), row.name, `X509_V_ERR_${row.name}`],
);
