// Qt's QSslError texts: QSslError::errorString() for each QSslError::SslError, as Qt programs print them (zurl, which
// Pushpin uses for its upstream connections, logs "sslErrors: <text>, <text>" from QSslSocket::sslErrors()). Each row is
// the OpenSSL verify result Qt maps to that member (qsslsocket_openssl_symbols / QTlsPrivate::X509CertificateOpenSSL::
// openSSLErrorToQSslError), so its cause is the verify table's.
import { rowMaker, type CodeRow } from './types.js';

const qsslerror = (member: string): string =>
  `Qt qtbase src/network/ssl/qsslerror.cpp (QSslError::errorString, case QSslError::${member}) https://github.com/qt/qtbase/blob/dev/src/network/ssl/qsslerror.cpp`;
const row = (member: string, text: string, meaning: string, cause: CodeRow['cause'], confidence: number, ambiguity?: 'issuer' | 'validity') =>
  rowMaker('qt_ssl', qsslerror(member))(`QSslError::${member}`, undefined, meaning, cause, confidence, { texts: [text, `QSslError::${member}`], ...(ambiguity ? { ambiguity } : {}) });

/**
 * QSslError members that state a certificate's fault. Not listed: the texts the OpenSSL verify strings already read (the
 * certificate has expired, is not yet valid, is self-signed: text-findings), and members naming no cause of wsdiag's.
 * UnableToVerifyFirstCertificate ("No certificates could be verified", X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE) comes with
 * UnableToGetLocalIssuerCertificate whenever the issuer is unknown (Qt reports every error of the chain), so it is weighed
 * below it and does not pick the cause alone.
 */
export const qtSslTable: readonly CodeRow[] = [
  row('UnableToGetIssuerCertificate', 'The issuer certificate could not be found', 'the issuer of a certificate in the chain is unknown (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT)', 'untrusted_ca', 0.55, 'issuer'),
  row('UnableToGetLocalIssuerCertificate', 'The issuer certificate of a locally looked up certificate could not be found', 'the issuer is neither sent nor trusted (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY)', 'untrusted_ca', 0.55, 'issuer'),
  row('UnableToVerifyFirstCertificate', 'No certificates could be verified', 'no certificate of the chain could be verified (X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE)', 'untrusted_ca', 0.5, 'issuer'),
  row('SelfSignedCertificateInChain', 'The root certificate of the certificate chain is self-signed, and untrusted', 'the chain ends in a self-signed root that is not trusted (X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN)', 'untrusted_ca', 0.6),
  row('CertificateUntrusted', 'The root CA certificate is not trusted for this purpose', 'the root CA is not trusted for server authentication (X509_V_ERR_CERT_UNTRUSTED)', 'untrusted_ca', 0.6),
  row('InvalidCaCertificate', 'One of the CA certificates is invalid', 'a CA certificate of the chain is not a valid CA (X509_V_ERR_INVALID_CA)', 'untrusted_ca', 0.5),
  row('HostNameMismatch', 'The host name did not match any of the valid hosts for this certificate', 'the certificate does not name the host connected to', 'hostname_mismatch', 0.7),
  row('NoPeerCertificate', 'The peer did not present any certificate', 'the peer sent no certificate', 'tls_unknown', 0.5),
];
