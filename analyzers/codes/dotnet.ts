// .NET certificate validation results: SslPolicyErrors and X509ChainStatusFlags names (flags enums;
// recognised by name only: their small numeric values are too common in texts; one-word flags such as
// Revoked are left to the dotnet vocabulary, where they are matched in context).
import { rowMaker, type CodeRow } from './types.js';

const policy = '.NET System.Net.Security.SslPolicyErrors https://learn.microsoft.com/en-us/dotnet/api/system.net.security.sslpolicyerrors';
const chain =
  '.NET System.Security.Cryptography.X509Certificates.X509ChainStatusFlags https://learn.microsoft.com/en-us/dotnet/api/system.security.cryptography.x509certificates.x509chainstatusflags';
const p = rowMaker('dotnet', policy);
const c = rowMaker('dotnet', chain);

export const dotnetTable: readonly CodeRow[] = [
  p('RemoteCertificateNotAvailable', 1, 'certificate not available', 'tls_unknown', 0.6),
  p('RemoteCertificateNameMismatch', 2, 'certificate name mismatch', 'hostname_mismatch', 0.85),
  p('RemoteCertificateChainErrors', 4, 'X509Chain has returned a non-empty ChainStatus array', 'untrusted_ca', 0.5, { ambiguity: 'issuer' }),
  c('NotTimeValid', 1, 'the certificate (or one in the chain) has expired or is not yet valid', 'cert_expired', 0.7, { ambiguity: 'validity' }),
  c('NotTimeNested', 2, 'the CA certificate and the issued certificate have validity periods that are not nested', 'tls_unknown', 0.6),
  c('NotSignatureValid', 8, 'the certificate is invalid because of an untrusted signature', 'tls_unknown', 0.7),
  c('NotValidForUsage', 16, 'the key usage is not valid', 'tls_unknown', 0.7),
  c('UntrustedRoot', 32, 'the chain is based on an untrusted root', 'untrusted_ca', 0.8, { ambiguity: 'issuer' }),
  c('RevocationStatusUnknown', 64, 'it is not possible to determine whether the certificate has been revoked', 'tls_unknown', 0.6),
  c('InvalidBasicConstraints', 1024, 'the chain is invalid due to invalid basic constraints', 'tls_unknown', 0.6),
  c('PartialChain', 65536, 'the chain could not be built up to the root certificate', 'incomplete_chain', 0.75, { ambiguity: 'issuer' }),
  c('HasWeakSignature', 1048576, 'the certificate has a weak signature', 'tls_unknown', 0.6),
  c('OfflineRevocation', 16777216, 'the online revocation list is currently offline', 'tls_unknown', 0.6),
  c('ExplicitDistrust', 67108864, 'the certificate is explicitly distrusted', 'untrusted_ca', 0.75),
  // The other multi-word flags of the enum (audit 2026-12-02): constraint, trust-list and policy failures, no cause of their own.
  // One-word or generic flags (Revoked, Cyclic, InvalidExtension: a WebSocket extension error reads the same) stay out.
  c('InvalidPolicyConstraints', 512, 'the chain is invalid due to invalid policy constraints', 'tls_unknown', 0.6),
  c('InvalidNameConstraints', 2048, 'the chain is invalid due to invalid name constraints', 'tls_unknown', 0.6),
  c('HasNotSupportedNameConstraint', 4096, 'the certificate has an unsupported name constraint', 'tls_unknown', 0.6),
  c('HasNotDefinedNameConstraint', 8192, 'the certificate has an undefined name constraint', 'tls_unknown', 0.6),
  c('HasNotPermittedNameConstraint', 16384, 'the certificate has an impermissible name constraint', 'tls_unknown', 0.6),
  c('HasExcludedNameConstraint', 32768, 'the certificate has an excluded name constraint', 'tls_unknown', 0.6),
  c('CtlNotTimeValid', 131072, 'the certificate trust list is not valid because of an invalid time value', 'tls_unknown', 0.6),
  c('CtlNotSignatureValid', 262144, 'the certificate trust list contains an invalid signature', 'tls_unknown', 0.6),
  c('CtlNotValidForUsage', 524288, 'the certificate trust list is not valid for this use', 'tls_unknown', 0.6),
  c('NoIssuanceChainPolicy', 33554432, 'there is no certificate policy extension in the certificate', 'tls_unknown', 0.6),
  c('HasNotSupportedCriticalExtension', 134217728, 'the certificate does not support a critical extension', 'tls_unknown', 0.6),
];
