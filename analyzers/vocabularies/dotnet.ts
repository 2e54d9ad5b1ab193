// .NET vocabulary: SslStream AuthenticationException texts (SslPolicyErrors, X509ChainStatusFlags, TLS alerts)
// and ClientWebSocket's WebSocketException.
import { rule, type Vocabulary } from './types.js';

const strings = 'dotnet/runtime src/libraries/System.Net.Security/src/Resources/Strings.resx https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.Security/src/Resources/Strings.resx';
const policy = 'SslPolicyErrors https://learn.microsoft.com/en-us/dotnet/api/system.net.security.sslpolicyerrors';
const chain = 'X509ChainStatusFlags https://learn.microsoft.com/en-us/dotnet/api/system.security.cryptography.x509certificates.x509chainstatusflags';
const schannel = 'SEC_E_ALGORITHM_MISMATCH https://learn.microsoft.com/en-us/windows/win32/secauthn/schannel-error-codes-for-tls-and-ssl-alerts';
const webSockets = 'dotnet/runtime System.Net.WebSockets.Client Strings.resx (net_WebSockets_ConnectStatusExpected) https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.WebSockets.Client/src/Resources/Strings.resx';

const webSocketsProtocol = 'dotnet/runtime System.Net.WebSockets Strings.resx (net_WebSockets_AcceptUnsupportedProtocol) https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.WebSockets/src/Resources/Strings.resx';
const webExceptionStatus = '.NET Framework WebExceptionStatus.TrustFailure ("A server certificate could not be validated") and its System.dll resource net_webstatus_TrustFailure https://learn.microsoft.com/en-us/dotnet/api/system.net.webexceptionstatus';
const monoSystem = 'Mono 6.8 /usr/lib/mono/4.5/System.dll resource strings (corefx), read with strings(1) on Debian 12 mono-devel 6.8.0.105';

export const dotnetVocabulary: Vocabulary = {
  name: 'dotnet',
  rules: [
    rule('dotnet.name_mismatch', /\bRemoteCertificateNameMismatch\b/, 'hostname_mismatch', 0.85, policy, { example: 'The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch' }),
    rule('dotnet.not_time_valid', /\bNotTimeValid\b/i, 'cert_expired', 0.7, chain, { ambiguity: 'validity', example: 'The remote certificate is invalid because of errors in the certificate chain: NotTimeValid' }),
    rule('dotnet.untrusted_root', /\bUntrustedRoot\b/i, 'untrusted_ca', 0.8, chain, { example: 'The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot', ambiguity: 'issuer' }),
    rule('dotnet.partial_chain', /\bPartialChain\b/i, 'incomplete_chain', 0.75, chain, { example: 'The remote certificate is invalid because of errors in the certificate chain: PartialChain', ambiguity: 'issuer' }),
    rule('dotnet.chain_errors', /\bRemoteCertificateChainErrors\b/, 'untrusted_ca', 0.5, policy, { example: 'The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors', ambiguity: 'issuer' }),
    rule('dotnet.revoked', /\bRevoked\b(?=[,\s]|$)/, 'tls_unknown', 0.7, chain, { example: 'The remote certificate is invalid because of errors in the certificate chain: Revoked' }),
    rule('dotnet.tls_alert', /the remote party sent a TLS alert: '([A-Za-z]+)'/, 'tls_unknown', 0.85, strings, { example: 'Authentication failed because the remote party sent a TLS alert: \'ProtocolVersion\'.', capture: 'tls_alert' }),
    rule('dotnet.common_algorithm', /do not possess a common algorithm/, 'tls_version_mismatch', 0.55, schannel, { example: 'The client and server cannot communicate, because they do not possess a common algorithm.', ambiguity: 'handshake' }),
    rule('dotnet.cert_invalid', /The remote certificate is invalid|remote certificate was rejected/, 'tls_unknown', 0.55, strings, { example: 'The remote certificate is invalid because of errors in the certificate chain: NotTimeValid' }),
    // .NET Framework's WebException for any failed validation of the server certificate (untrusted, expired, wrong name):
    // the cause is not in the text.
    rule('dotnet.trust_failure', /Could not establish trust relationship for the SSL\/TLS secure channel/, 'tls_unknown', 0.6, webExceptionStatus, { example: 'The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.' }),
    rule('dotnet.ssl_not_established', /The SSL connection could not be established/, 'tls_unknown', 0.55, strings, { example: 'The SSL connection could not be established, see inner exception.' }),
    // SslStream's handshake texts (AuthenticationException / IOException): TLS failed, the cause is in an inner exception, if any.
    rule('dotnet.auth_eof', /Authentication failed because the remote party has closed the transport stream/, 'tls_unknown', 0.7, `${strings} (net_auth_eof); ${monoSystem}`, { example: 'System.IO.IOException: Authentication failed because the remote party has closed the transport stream.' }),
    rule('dotnet.auth_remote', /Authentication failed on the remote side/, 'tls_unknown', 0.65, `${strings} (net_auth_alert)`, { example: 'Authentication failed on the remote side (the stream might still be available for additional authentication attempts).' }),
    rule('dotnet.sspi', /A call to SSPI failed/, 'tls_unknown', 0.6, `${strings} (net_auth_SSPI)`, { example: 'A call to SSPI failed, see inner exception.' }),
    rule('dotnet.unexpected_packet', /The handshake failed due to an unexpected packet format/, 'tls_unknown', 0.6, `${strings} (net_ssl_io_frame)`, { example: 'The handshake failed due to an unexpected packet format.' }),
    rule('dotnet.subprotocol_not_accepted', /requested '[^'\n]*' protocol\(s\), but server is only accepting/, 'subprotocol_mismatch', 0.8, `${webSocketsProtocol}; ${monoSystem}`, { example: "The WebSocket client request requested 'chat' protocol(s), but server is only accepting 'echo' protocol(s)." }),
    rule('dotnet.unsupported_headers', /The WebSocket request or response contained unsupported header\(s\)/, 'protocol_error', 0.7, `${webSocketsProtocol}; ${monoSystem}`, { example: 'The WebSocket request or response contained unsupported header(s).' }),
    rule('dotnet.status_expected', /The server returned status code '(\d{3})' when status code '101' was expected/, 'http_rejected', 0.85, webSockets, { example: 'The server returned status code \'403\' when status code \'101\' was expected.', capture: 'http_status' }),
    rule('dotnet_framework.status_expected', /The server returned status code '(\d{3})' when the expected status code was '101'/, 'http_rejected', 0.85, '.NET Framework ClientWebSocket.ValidateResponse; seen in https://github.com/frankvHoof93/TikTokLiveSharp/issues/82', { example: 'System.Net.WebSockets.WebSocketException: The server returned status code \'401\' when the expected status code was \'101\'.', capture: 'http_status' }),
  ],
};
