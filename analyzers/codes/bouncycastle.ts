// BouncyCastle (bcprov PKIX path builder, bctls/BCJSSE hostname check) certificate failures, as they
// appear in the cause chain under a vague outer javax.net.ssl.SSLException: the texts are the codes.
import { rowMaker, type CodeRow } from './types.js';

const builder =
  'BouncyCastle prov/src/main/java/org/bouncycastle/jce/provider/PKIXCertPathBuilderSpi.java and CertPathValidatorUtilities.java (findIssuerCerts) https://github.com/bcgit/bc-java/blob/main/prov/src/main/java/org/bouncycastle/jce/provider/PKIXCertPathBuilderSpi.java';
const hostname =
  'BouncyCastle tls/src/main/java/org/bouncycastle/jsse/provider/HostnameUtil.java (checkHostname) https://github.com/bcgit/bc-java/blob/main/tls/src/main/java/org/bouncycastle/jsse/provider/HostnameUtil.java';
const p = rowMaker('bouncycastle', builder);
const h = rowMaker('bouncycastle', hostname);

export const bouncycastleTable: readonly CodeRow[] = [
  h('NO_SAN_MATCH', undefined, 'no subjectAltName matches the host name or IP address dialled', 'hostname_mismatch', 0.8, {
    texts: ['No subject alternative name found matching domain name', 'No subject alternative name found matching IP address'],
  }),
  // The issuer of a certificate in the path is neither sent nor in the store: most often the intermediate the server did not send.
  p('NO_ISSUER_CERTIFICATE', undefined, 'no issuer certificate found for a certificate of the path', 'incomplete_chain', 0.65, {
    ambiguity: 'issuer',
    texts: ['No issuer certificate for certificate in certification path found'],
  }),
  // No path at all from the target: the certificate issued itself (self-signed) and is no trust anchor.
  p('NO_CERTIFICATE_CHAIN', undefined, 'no certification path could be built from the target certificate', 'self_signed', 0.6, {
    ambiguity: 'issuer',
    texts: ['Unable to find certificate chain'],
  }),
];
