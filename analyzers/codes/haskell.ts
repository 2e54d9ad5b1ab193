// Haskell x509-validation's FailedReason (what validateDefault returns; the tls package shows the list in
// "certificate rejected: [NameMismatch \"host\"]" and clients log it as is): recognised only as members of a
// shown list ("[InFuture]", "[Expired,UnknownCA]"), since the constructor names are plain words elsewhere.
import { rowMaker, type CodeRow } from './types.js';

const source =
  'Haskell x509-validation 1.6 Data.X509.Validation FailedReason https://hackage.haskell.org/package/x509-validation-1.6.12/docs/Data-X509-Validation.html#t:FailedReason';
const h = rowMaker('haskell_x509', source);

// A named reason (0.82) outranks the generic verdict printed before the list ("certificate rejected", 0.8).
export const haskellX509Table: readonly CodeRow[] = [
  h('Expired', undefined, 'the certificate validity ends before the validation time', 'cert_expired', 0.82),
  h('InFuture', undefined, 'the certificate validity starts after the validation time', 'cert_not_yet_valid', 0.82),
  h('SelfSigned', undefined, 'the certificate is self-signed and not trusted', 'self_signed', 0.82),
  // No trusted anchor found: an untrusted root and a missing intermediate look the same.
  h('UnknownCA', undefined, 'the issuer is not in the trust store', 'untrusted_ca', 0.7, { ambiguity: 'issuer' }),
  h('NameMismatch', undefined, 'the certificate does not match the host name', 'hostname_mismatch', 0.82),
  h('InvalidWildcard', undefined, 'the certificate name is an invalid wildcard', 'hostname_mismatch', 0.6),
  h('NoCommonName', undefined, 'the certificate carries no name to match', 'hostname_mismatch', 0.6),
  h('NotAnAuthority', undefined, 'an issuer in the chain is not a CA', 'untrusted_ca', 0.6),
  h('AuthorityTooDeep', undefined, 'the chain is longer than an issuer allows', 'untrusted_ca', 0.6),
  h('EmptyChain', undefined, 'the server sent no certificate', 'tls_unknown', 0.6),
];
