// rustls' reasons for refusing a peer, as a table: each `PeerIncompatible` variant with the cause its raising site shows, and
// `PeerMisbehaved` (a peer that broke the handshake's rules) as a TLS failure whose cause is not a certificate, version or cipher.
// Read in rustls' Display ("peer is incompatible: Tls12NotOffered") and Debug ("PeerIncompatible(Tls12NotOffered)") forms alike.
import type { Cause } from '../../schemas/classification.js';
import { rule, type VocabularyRule } from './types.js';

const SERVER_HS = 'rustls src/server/hs.rs https://github.com/rustls/rustls/blob/main/rustls/src/server/hs.rs';
const CLIENT_HS = 'rustls src/client/hs.rs https://github.com/rustls/rustls/blob/main/rustls/src/client/hs.rs';
const ERROR_RS = 'rustls src/error.rs (PeerIncompatible: "a peer doesn\'t support a TLS version/feature we require") https://docs.rs/rustls/latest/rustls/enum.PeerIncompatible.html';

interface PeerRow {
  readonly variant: string;
  readonly cause: Cause;
  /** Where rustls raises it and what that shows. */
  readonly why: string;
}

/**
 * Variants the older rules of rust.ts already read (ServerDoesNotSupportTls12Or13, SupportedVersionsExtensionRequired,
 * ServerTlsVersionIsDisabledByOurConfig through "…Version…", NoCipherSuitesInCommon) are not repeated here.
 */
export const PEER_INCOMPATIBLE: readonly PeerRow[] = [
  // --- version: the peer offered no TLS version this side has enabled ---
  { variant: 'Tls12NotOffered', cause: 'tls_version_mismatch', why: `${SERVER_HS} with_certified_key: a ClientHello without supported_versions whose client_version is below TLS 1.2, alert protocol_version` },
  { variant: 'Tls12NotOfferedOrEnabled', cause: 'tls_version_mismatch', why: `${SERVER_HS} with_certified_key: supported_versions offers neither an enabled TLS 1.3 nor an enabled TLS 1.2, alert protocol_version` },
  { variant: 'Tls13RequiredForQuic', cause: 'tls_version_mismatch', why: `${SERVER_HS} with_certified_key: QUIC and a peer that offers only TLS 1.2, alert protocol_version` },
  // A ClientHello without signature_algorithms is one from below TLS 1.2 (RFC 5246 §7.4.1.4.1 added the extension; RFC 8446
  // §4.2.3 requires it): the peer spoke TLS 1.0/1.1 only, read as OpenSSL's legacy-sigalg reason is (convention "OpenSSL's legacy
  // sigalg reason is a TLS version mismatch").
  { variant: 'SignatureAlgorithmsExtensionRequired', cause: 'tls_version_mismatch', why: `${SERVER_HS} process_client_hello: no signature_algorithms extension in the ClientHello, alert handshake_failure` },
  // --- cipher: both spoke a version, and no set of security parameters was shared (RFC 8446 §6.2 handshake_failure) ---
  { variant: 'NoKxGroupsInCommon', cause: 'cipher_mismatch', why: `${SERVER_HS} choose_suite_and_kx_group: no offered key-exchange group the server supports, alert handshake_failure` },
  { variant: 'NoSignatureSchemesInCommon', cause: 'cipher_mismatch', why: `${ERROR_RS}; raised where no offered signature scheme fits the certified key` },
  { variant: 'NoCertificateRequestSignatureSchemesInCommon', cause: 'cipher_mismatch', why: `${CLIENT_HS}: no signature scheme of the server's CertificateRequest the client can sign with` },
  { variant: 'NoEcPointFormatsInCommon', cause: 'cipher_mismatch', why: `${SERVER_HS}: no shared EC point format (RFC 8422 §5.1.2), an ECDHE parameter` },
  // No supported_groups at all: no key-exchange group can be agreed (RFC 8446 §4.2.7), as with none in common.
  { variant: 'NamedGroupsExtensionRequired', cause: 'cipher_mismatch', why: `${ERROR_RS}; a ClientHello without supported_groups (RFC 8446 §4.2.7), so no key-exchange group to agree on` },
  // --- a required feature the peer lacks: a TLS failure, no version, cipher or certificate cause ---
  { variant: 'NullCompressionRequired', cause: 'tls_unknown', why: `${SERVER_HS} process_client_hello: a ClientHello without null compression, alert illegal_parameter` },
  { variant: 'ExtendedMasterSecretExtensionRequired', cause: 'tls_unknown', why: `${ERROR_RS}; TLS 1.2 without the extended_master_secret extension (RFC 7627) where the config requires it` },
  { variant: 'KeyShareExtensionRequired', cause: 'tls_unknown', why: `${ERROR_RS}; a TLS 1.3 ClientHello without key_share (RFC 8446 §4.2.8)` },
  { variant: 'EcPointsExtensionRequired', cause: 'tls_unknown', why: `${ERROR_RS}; a TLS 1.2 ECDHE hello without ec_point_formats (RFC 8422 §5.1.2)` },
  { variant: 'UncompressedEcPointsRequired', cause: 'tls_unknown', why: `${ERROR_RS}; ec_point_formats without the uncompressed format (RFC 8422 §5.1.2)` },
  { variant: 'IncorrectCertificateTypeExtension', cause: 'tls_unknown', why: `${SERVER_HS} process_cert_type_extension: no certificate type in common (RFC 7250 §4.1)` },
  { variant: 'UnsolicitedCertificateTypeExtension', cause: 'tls_unknown', why: `${ERROR_RS}; a certificate type extension the client did not offer (RFC 7250)` },
  { variant: 'ServerSentHelloRetryRequestWithUnknownExtension', cause: 'tls_unknown', why: `${CLIENT_HS}: a HelloRetryRequest with an extension the client does not know` },
  { variant: 'ServerRejectedEncryptedClientHello', cause: 'tls_unknown', why: `${CLIENT_HS}: the server refused the client's Encrypted Client Hello` },
];

const SOURCE = `${ERROR_RS}; ${SERVER_HS}; ${CLIENT_HS}`;

/** One word per top-level alternative, so that the matcher's trigger words wake the rule (trigger-words.ts). */
function variantsOf(cause: Cause): RegExp {
  return new RegExp(PEER_INCOMPATIBLE.filter((row) => row.cause === cause).map((row) => `\\b${row.variant}\\b`).join('|'));
}

export const rustlsPeerRules: readonly VocabularyRule[] = [
  rule('rustls.peer_incompatible_version', variantsOf('tls_version_mismatch'), 'tls_version_mismatch', 0.8, SOURCE, { example: 'TLS handshake failed error=peer is incompatible: Tls12NotOfferedOrEnabled' }),
  rule('rustls.peer_incompatible_cipher', variantsOf('cipher_mismatch'), 'cipher_mismatch', 0.85, SOURCE, { example: 'peer is incompatible: NoKxGroupsInCommon' }),
  rule('rustls.peer_incompatible_feature', variantsOf('tls_unknown'), 'tls_unknown', 0.6, SOURCE, { example: 'PeerIncompatible(NullCompressionRequired)' }),
  // A peer that broke the handshake's rules (65+ variants: "IllegalHelloRetryRequestWithUnofferedCipherSuite", "MissingKeyShare"):
  // a TLS failure, whatever words its variant name holds (a cipher suite named in a breach is no failed negotiation).
  rule('rustls.peer_misbehaved', /\bpeer misbehaved: [A-Za-z]+|\bPeerMisbehaved\([A-Za-z]+/, 'tls_unknown', 0.6, 'rustls src/error.rs (Error::PeerMisbehaved, Display "peer misbehaved: {:?}") https://docs.rs/rustls/latest/rustls/enum.PeerMisbehaved.html', { example: 'peer misbehaved: IllegalHelloRetryRequestWithUnofferedCipherSuite' }),
];
