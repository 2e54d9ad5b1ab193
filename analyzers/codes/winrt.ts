// Windows Runtime Windows.Web.WebErrorStatus: the status MessageWebSocket / StreamWebSocket (and HttpClient) report through
// WebSocketError.GetStatus(hresult). Read only after the type's name ("WebErrorStatus.CertificateExpired"): the members are
// ordinary words. The members named after HTTP statuses are the upgrade's answer.
import { rowMaker, type CodeRow } from './types.js';

const webErrorStatus = 'Windows Runtime Windows.Web.WebErrorStatus enumeration https://learn.microsoft.com/en-us/uwp/api/windows.web.weberrorstatus';
const web = rowMaker('winrt_web', webErrorStatus);

export const winrtWebTable: readonly CodeRow[] = [
  web('WebErrorStatus.CertificateCommonNameIsIncorrect', undefined, 'the SSL server certificate does not contain the host name', 'hostname_mismatch', 0.85),
  web('WebErrorStatus.CertificateExpired', undefined, 'the SSL server certificate has expired', 'cert_expired', 0.85),
  web('WebErrorStatus.CertificateContainsErrors', undefined, 'the SSL server certificate contains errors', 'tls_unknown', 0.6),
  web('WebErrorStatus.CertificateRevoked', undefined, 'the SSL server certificate has been revoked', 'tls_unknown', 0.8),
  web('WebErrorStatus.CertificateIsInvalid', undefined, 'the SSL server certificate is invalid', 'tls_unknown', 0.6),
  web('WebErrorStatus.ServerUnreachable', undefined, 'the server is not responding', 'connection_refused', 0.65),
  web('WebErrorStatus.Timeout', undefined, 'the connection has timed out', 'network_timeout', 0.75),
  web('WebErrorStatus.ConnectionAborted', undefined, 'the connection was aborted', 'network_reset', 0.7),
  web('WebErrorStatus.ConnectionReset', undefined, 'the connection was reset', 'network_reset', 0.75),
  web('WebErrorStatus.Disconnected', undefined, 'the connection was ended', 'network_reset', 0.6),
  web('WebErrorStatus.CannotConnect', undefined, 'cannot connect to the destination', 'connection_refused', 0.7),
  web('WebErrorStatus.HostNameNotResolved', undefined, 'could not resolve the provided host name', 'dns_failure', 0.8),
  web('WebErrorStatus.Unauthorized', undefined, 'HTTP 401: the resource requires user authentication', 'http_auth_rejected', 0.8),
  web('WebErrorStatus.ProxyAuthenticationRequired', undefined, 'HTTP 407: the client must authenticate with the proxy', 'http_auth_rejected', 0.8),
  web('WebErrorStatus.Forbidden', undefined, 'HTTP 403: the server refused the request', 'http_rejected', 0.8),
  web('WebErrorStatus.NotFound', undefined, 'HTTP 404: the resource was not found', 'http_rejected', 0.8),
  web('WebErrorStatus.BadRequest', undefined, 'HTTP 400: the request was malformed', 'http_rejected', 0.8),
  web('WebErrorStatus.UpgradeRequired', undefined, 'HTTP 426: the client should switch to a different protocol', 'http_rejected', 0.8),
  web('WebErrorStatus.BadGateway', undefined, 'HTTP 502: the gateway received an invalid response upstream', 'http_rejected', 0.44),
  web('WebErrorStatus.ServiceUnavailable', undefined, 'HTTP 503: the service is unavailable', 'http_rejected', 0.44),
  web('WebErrorStatus.GatewayTimeout', undefined, 'HTTP 504: the gateway timed out upstream', 'http_rejected', 0.44),
];
