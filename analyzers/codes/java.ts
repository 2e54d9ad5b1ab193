// Java PKIX validation reasons: CertPathValidatorException.BasicReason and PKIXReason, as
// getReason() prints them (recognised only next to CertPathValidator / BasicReason / PKIXReason).
import { rowMaker, type CodeRow } from './types.js';

const basic =
  'Java SE java.security.cert.CertPathValidatorException.BasicReason https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/security/cert/CertPathValidatorException.BasicReason.html';
const pkix = 'Java SE java.security.cert.PKIXReason https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/security/cert/PKIXReason.html';
const b = rowMaker('java_certpath', basic);
const k = rowMaker('java_certpath', pkix);

export const javaTable: readonly CodeRow[] = [
  b('EXPIRED', undefined, 'the certificate is expired', 'cert_expired', 0.85),
  b('NOT_YET_VALID', undefined, 'the certificate is not yet valid', 'cert_not_yet_valid', 0.85),
  b('REVOKED', undefined, 'the certificate is revoked', 'tls_unknown', 0.8),
  b('UNDETERMINED_REVOCATION_STATUS', undefined, 'the revocation status of the certificate could not be determined', 'tls_unknown', 0.6),
  b('INVALID_SIGNATURE', undefined, 'the signature is invalid', 'tls_unknown', 0.7),
  b('ALGORITHM_CONSTRAINED', undefined, 'the public key or signature algorithm has been constrained', 'tls_unknown', 0.7),
  k('NO_TRUST_ANCHOR', undefined, 'no acceptable trust anchor found', 'untrusted_ca', 0.7, { ambiguity: 'issuer' }),
  k('NAME_CHAINING', undefined, 'the certificate does not chain correctly', 'untrusted_ca', 0.55, { ambiguity: 'issuer' }),
  k('PATH_TOO_LONG', undefined, 'the path length constraint has been violated', 'tls_unknown', 0.6),
  k('NOT_CA_CERT', undefined, 'the certificate is not a CA certificate', 'tls_unknown', 0.6),
  k('INVALID_KEY_USAGE', undefined, 'the certificate key usage is invalid', 'tls_unknown', 0.7),
  k('INVALID_NAME', undefined, 'the name constraints have been violated', 'tls_unknown', 0.6),
  // The rest of PKIXReason (audit 2026-12-02; BasicReason.UNSPECIFIED says nothing and stays out).
  k('INVALID_POLICY', undefined, 'the policy constraints have been violated', 'tls_unknown', 0.6),
  k('UNRECOGNIZED_CRIT_EXT', undefined, 'the certificate contains one or more unrecognized critical extensions', 'tls_unknown', 0.6),
];
