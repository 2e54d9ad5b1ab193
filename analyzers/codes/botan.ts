// Botan 2 certificate path validation results (Certificate_Status_Code), as Botan prints them in
// "Certificate validation failure: <text>": only the texts are matched (the enum names are plain words).
import { rowMaker, type CodeRow } from './types.js';

const status =
  'Botan 2 src/lib/x509/cert_status.cpp to_string(Certificate_Status_Code) and pkix_enums.h https://github.com/randombit/botan/blob/release-2/src/lib/x509/cert_status.cpp';
const b = rowMaker('botan', status);

export const botanTable: readonly CodeRow[] = [
  b('CERT_HAS_EXPIRED', undefined, 'the certificate has expired', 'cert_expired', 0.8, { texts: ['Certificate has expired'] }),
  b('CERT_NOT_YET_VALID', undefined, 'the certificate is not yet valid', 'cert_not_yet_valid', 0.8, { texts: ['Certificate is not yet valid'] }),
  b('CERT_ISSUER_NOT_FOUND', undefined, 'no certificate in the store or the chain issued this one', 'untrusted_ca', 0.7, { ambiguity: 'issuer', texts: ['Certificate issuer not found'] }),
  // The path ends at a self-signed certificate that no trust anchor matches: a self-signed leaf, or a root sent with the chain.
  b('CANNOT_ESTABLISH_TRUST', undefined, 'the path ends at a self-signed certificate that is not trusted', 'self_signed', 0.7, { ambiguity: 'issuer', texts: ['Cannot establish trust'] }),
  b('CHAIN_LACKS_TRUST_ROOT', undefined, 'the chain does not end in a CA certificate', 'untrusted_ca', 0.65, { ambiguity: 'issuer', texts: ['Certificate chain does not end in a CA certificate'] }),
  b('CERT_NAME_NOMATCH', undefined, 'the certificate does not match the name the client asked for', 'hostname_mismatch', 0.8, { texts: ['Certificate does not match provided name'] }),
  b('CERT_IS_REVOKED', undefined, 'the certificate is revoked', 'tls_unknown', 0.75, { texts: ['Certificate is revoked'] }),
  b('SIGNATURE_METHOD_TOO_WEAK', undefined, 'the signature method is too weak', 'tls_unknown', 0.7, { texts: ['Signature method too weak'] }),
];
