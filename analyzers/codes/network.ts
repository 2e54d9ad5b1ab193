// Platform network error codes and names of the 'other' family (refused, DNS, timeout, reset, refused upgrade), as
// platform APIs and language runtimes print them: NSURLError/CFNetwork and DNS-SD, WinHTTP/WinINet and their HRESULTs,
// .NET SocketError/WebSocketError/HttpRequestError, java.net exceptions, Rust io::ErrorKind, libuv and undici codes,
// Qt socket errors, Boost.Asio error codes, runtime exceptions and atoms. One primary source per row. The errno,
// Winsock and getaddrinfo numbers and strerror texts are vocabularies/errno-numbers.ts's; TLS codes are the other tables'.
import { rowMaker, type CodeRow } from './types.js';

const nsurlSource = 'Apple Foundation NSURLError.h (URL loading system error codes) https://developer.apple.com/documentation/foundation/1508628-url_loading_system_error_codes';
const cfnetworkSource = 'Apple CFNetwork CFNetworkErrors.h (CFNetworkErrors) https://developer.apple.com/documentation/cfnetwork/cfnetworkerrors';
const dnssdSource = 'Apple dns_sd.h (DNSServiceErrorType) https://developer.apple.com/documentation/dnssd/1823426-anonymous';
const winhttpSource = 'WinHTTP error messages (winhttp.h) https://learn.microsoft.com/en-us/windows/win32/winhttp/error-messages; WinINet error messages (wininet.h) https://learn.microsoft.com/en-us/windows/win32/wininet/wininet-errors';
const hresultSource = 'HRESULT_FROM_WIN32 (winerror.h: 0x80070000 | code) https://learn.microsoft.com/en-us/windows/win32/api/winerror/nf-winerror-hresult_from_win32; Windows Sockets error codes https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2';
const socketErrorSource = '.NET System.Net.Sockets.SocketError https://learn.microsoft.com/en-us/dotnet/api/system.net.sockets.socketerror';
const webSocketErrorSource = '.NET System.Net.WebSockets.WebSocketError https://learn.microsoft.com/en-us/dotnet/api/system.net.websockets.websocketerror';
const httpRequestErrorSource = '.NET System.Net.Http.HttpRequestError https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httprequesterror';
const javaNetSource = 'Java SE java.net exceptions https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/net/package-summary.html';
const javaIoSource = 'Java SE java.io.EOFException https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/io/EOFException.html';
const rustIoSource = 'Rust std::io::ErrorKind https://doc.rust-lang.org/std/io/enum.ErrorKind.html';
const libuvSource = 'libuv include/uv/errno.h (UV__E* values on Windows; negated errno elsewhere) https://github.com/libuv/libuv/blob/v1.x/include/uv/errno.h';
const undiciSource = 'undici lib/core/errors.js (SocketError "other side closed", UND_ERR_SOCKET) https://github.com/nodejs/undici/blob/main/lib/core/errors.js';
const qtSource = 'Qt QAbstractSocket::SocketError https://doc.qt.io/qt-6/qabstractsocket.html#SocketError-enum';
const asioSource = 'Boost.Asio boost/asio/error.hpp (misc_errors, netdb_errors; category names asio.misc, asio.netdb) https://github.com/boostorg/asio/blob/develop/include/boost/asio/error.hpp';
const pythonSource = 'Python socket.gaierror (getaddrinfo/getnameinfo errors) https://docs.python.org/3/library/socket.html#socket.gaierror';
const dartSource = "Dart SDK sdk/lib/_http/websocket_impl.dart (\"Connection to '$uri' was not upgraded to websocket\") https://github.com/dart-lang/sdk/blob/main/sdk/lib/_http/websocket_impl.dart";
const erlangInetSource = 'Erlang/OTP inet:format_error/1 (nxdomain: "non-existing domain"), gen_tcp {error, closed} https://www.erlang.org/doc/apps/kernel/inet.html#format_error/1; WebSockex lib/websockex/errors.ex (ConnError message "Connection Error: #{inspect(error)}") https://github.com/Azolo/websockex/blob/master/lib/websockex/errors.ex';

const url = rowMaker('nsurl', nsurlSource);
const cf = rowMaker('nsurl', cfnetworkSource);
const dnssd = rowMaker('dns_sd', dnssdSource);
const http = rowMaker('winhttp', winhttpSource);
const hr = rowMaker('windows_hresult', hresultSource);
const sock = rowMaker('dotnet_net', socketErrorSource);
const ws = rowMaker('dotnet_net', webSocketErrorSource);
const req = rowMaker('dotnet_net', httpRequestErrorSource);
const jnet = rowMaker('java_net', javaNetSource);
const jio = rowMaker('java_net', javaIoSource);
const rust = rowMaker('rust_io', rustIoSource);
const uv = rowMaker('libuv', libuvSource);
const undici = rowMaker('libuv', undiciSource);
const qt = rowMaker('qt_socket', qtSource);
const asio = rowMaker('boost_asio', asioSource);
const py = rowMaker('runtime_net', pythonSource);
const dart = rowMaker('runtime_net', dartSource);
const erl = rowMaker('runtime_net', erlangInetSource);

/** Swift's URLError.Code member for an NSURLError name, written after "URLError" (URLError.Code.cannotConnectToHost, URLError(.timedOut)). */
const swift = (name: string): string => `URLError.${name}`;

export const networkCodeTable: readonly CodeRow[] = [
  // NSURLError (and kCFURLError*, the same numbers): numbers next to NSURLErrorDomain / URLError / CFNetwork / URLSession.
  url(['NSURLErrorTimedOut', 'kCFURLErrorTimedOut', swift('timedOut')], -1001, 'the request timed out', 'network_timeout', 0.8),
  url(['NSURLErrorCannotFindHost', 'kCFURLErrorCannotFindHost', swift('cannotFindHost')], -1003, 'the host name for a URL could not be resolved', 'dns_failure', 0.8, { texts: ['A server with the specified hostname could not be found'] }),
  url(['NSURLErrorCannotConnectToHost', 'kCFURLErrorCannotConnectToHost', swift('cannotConnectToHost')], -1004, 'an attempt to connect to a host failed', 'connection_refused', 0.75),
  url(['NSURLErrorNetworkConnectionLost', 'kCFURLErrorNetworkConnectionLost', swift('networkConnectionLost')], -1005, 'a client or server connection was severed in the middle of an in-progress load', 'network_reset', 0.7),
  url(['NSURLErrorDNSLookupFailed', 'kCFURLErrorDNSLookupFailed', swift('dnsLookupFailed')], -1006, 'the host address could not be found via DNS lookup', 'dns_failure', 0.8),
  url(['NSURLErrorNotConnectedToInternet', 'kCFURLErrorNotConnectedToInternet', swift('notConnectedToInternet')], -1009, 'a network resource was requested, but an internet connection has not been established', 'connection_refused', 0.6, { texts: ['The Internet connection appears to be offline'] }),
  // URLSessionWebSocketTask reports an upgrade answered with another status than 101 as -1011.
  url(['NSURLErrorBadServerResponse', 'kCFURLErrorBadServerResponse', swift('badServerResponse')], -1011, 'the URL loading system received bad data from the server', 'http_rejected', 0.6, { texts: ['There was a bad response from the server'] }),
  cf('kCFHostErrorHostNotFound', undefined, 'the host could not be found', 'dns_failure', 0.8, { texts: ['kCFErrorDomainCFNetwork Code=1'] }),
  cf('kCFHostErrorUnknown', undefined, 'unknown host error (getaddrinfo failed; the EAI code is in the user info)', 'dns_failure', 0.7, { texts: ['kCFErrorDomainCFNetwork Code=2'] }),
  cf('kCFErrorHTTPConnectionLost', undefined, 'the connection was lost', 'network_reset', 0.7, { texts: ['kCFErrorDomainCFNetwork Code=302'] }),
  // Network.framework's NWError.dns carries these (dns(-65554: NoSuchRecord)).
  dnssd('kDNSServiceErr_NoSuchName', -65538, 'the name does not exist', 'dns_failure', 0.8),
  dnssd('kDNSServiceErr_NoSuchRecord', -65554, 'no record of the requested type', 'dns_failure', 0.75),
  dnssd('kDNSServiceErr_Timeout', -65568, 'the DNS query timed out', 'dns_failure', 0.6),
  // WinHTTP / WinINet: names, the FormatMessage texts, numbers next to WinHTTP/WinINet or a Windows runtime.
  http(['ERROR_WINHTTP_TIMEOUT', 'ERROR_INTERNET_TIMEOUT'], 12002, 'the request has timed out', 'network_timeout', 0.75),
  http(['ERROR_WINHTTP_NAME_NOT_RESOLVED', 'ERROR_INTERNET_NAME_NOT_RESOLVED'], 12007, 'the server name cannot be resolved', 'dns_failure', 0.8, { texts: ['The server name or address could not be resolved'] }),
  http(['ERROR_WINHTTP_CANNOT_CONNECT', 'ERROR_INTERNET_CANNOT_CONNECT'], 12029, 'the attempt to connect to the server failed', 'connection_refused', 0.75, { texts: ['A connection with the server could not be established'] }),
  http(['ERROR_WINHTTP_CONNECTION_ERROR', 'ERROR_INTERNET_CONNECTION_ABORTED'], 12030, 'the connection with the server has been reset or terminated', 'network_reset', 0.7, { texts: ['The connection with the server was terminated abnormally'] }),
  http('ERROR_INTERNET_CONNECTION_RESET', 12031, 'the connection with the server has been reset', 'network_reset', 0.7, { texts: ['The connection with the server was reset'] }),
  // The same WinHTTP and Winsock errors as HRESULTs (COM, WinRT, .NET HResult): 0x8007xxxx, specific enough alone.
  hr('0x80072EE2', 0x80072ee2, 'WinHTTP 12002 as an HRESULT', 'network_timeout', 0.7),
  hr('0x80072EE7', 0x80072ee7, 'WinHTTP 12007 as an HRESULT', 'dns_failure', 0.75),
  hr('0x80072EFD', 0x80072efd, 'WinHTTP 12029 as an HRESULT', 'connection_refused', 0.7),
  hr('0x80072EFE', 0x80072efe, 'WinHTTP 12030 as an HRESULT', 'network_reset', 0.65),
  hr('0x80072EFF', 0x80072eff, 'WinINet 12031 as an HRESULT', 'network_reset', 0.65),
  hr('0x80072745', 0x80072745, 'Winsock 10053 as an HRESULT', 'network_reset', 0.65),
  hr('0x80072746', 0x80072746, 'Winsock 10054 as an HRESULT', 'network_reset', 0.7),
  hr('0x80072743', 0x80072743, 'Winsock 10051 as an HRESULT', 'connection_refused', 0.6),
  hr('0x8007274C', 0x8007274c, 'Winsock 10060 as an HRESULT', 'network_timeout', 0.75),
  hr('0x8007274D', 0x8007274d, 'Winsock 10061 as an HRESULT', 'connection_refused', 0.75),
  hr('0x80072751', 0x80072751, 'Winsock 10065 as an HRESULT', 'connection_refused', 0.6),
  hr('0x80072AF9', 0x80072af9, 'Winsock 11001 as an HRESULT', 'dns_failure', 0.75),
  hr('0x80072AFA', 0x80072afa, 'Winsock 11002 as an HRESULT', 'dns_failure', 0.7),
  hr('0x80072AFC', 0x80072afc, 'Winsock 11004 as an HRESULT', 'dns_failure', 0.7),
  // .NET enums, only after their type's name (SocketError.TimedOut, SocketErrorCode: HostNotFound): the members are words.
  sock('SocketError.ConnectionRefused', undefined, 'the remote host is actively refusing a connection', 'connection_refused', 0.8),
  sock('SocketError.ConnectionReset', undefined, 'the connection was reset by the remote peer', 'network_reset', 0.75),
  sock('SocketError.ConnectionAborted', undefined, 'the connection was aborted by .NET or the socket provider', 'network_reset', 0.7),
  sock('SocketError.TimedOut', undefined, 'the connection attempt timed out, or the connected host has failed to respond', 'network_timeout', 0.8),
  sock('SocketError.HostNotFound', undefined, 'no such host is known', 'dns_failure', 0.8),
  sock('SocketError.TryAgain', undefined, 'the name of the host could not be resolved; try again later', 'dns_failure', 0.75),
  sock('SocketError.NoData', undefined, 'the requested name or IP address was not found on the name server', 'dns_failure', 0.75),
  sock('SocketError.NoRecovery', undefined, 'the error is unrecoverable or the requested database cannot be located', 'dns_failure', 0.7),
  sock('SocketError.HostUnreachable', undefined, 'there is no network route to the specified host', 'connection_refused', 0.65),
  sock('SocketError.NetworkUnreachable', undefined, 'no route to the remote host exists', 'connection_refused', 0.65),
  sock('SocketError.HostDown', undefined, 'the operation failed because the remote host is down', 'connection_refused', 0.65),
  sock('SocketError.NetworkDown', undefined, 'the network is not available', 'connection_refused', 0.6),
  sock('SocketError.NetworkReset', undefined, 'the application tried to set KeepAlive on a connection that has already timed out', 'network_reset', 0.65),
  sock('SocketError.NotConnected', undefined, 'the application tried to send or receive data, and the socket is not connected', 'network_reset', 0.5),
  sock('SocketError.Shutdown', undefined, 'a request to send or receive data was disallowed because the socket has already been closed', 'network_reset', 0.5),
  sock('SocketError.Disconnecting', undefined, 'a graceful shutdown is in progress', 'network_reset', 0.5),
  // The client's view of an upgrade: NotAWebSocket is what ClientWebSocket raises for an answer other than 101.
  ws('WebSocketError.NotAWebSocket', undefined, 'the connection is not a WebSocket (the upgrade was not accepted)', 'http_rejected', 0.6),
  ws('WebSocketError.HeaderError', undefined, 'an error occurred when parsing the HTTP headers during the opening handshake', 'protocol_error', 0.6),
  ws('WebSocketError.UnsupportedProtocol', undefined, 'the requested subprotocol is not supported', 'subprotocol_mismatch', 0.6),
  ws('WebSocketError.UnsupportedVersion', undefined, 'an unsupported version of the WebSocket protocol was requested', 'http_rejected', 0.55),
  ws('WebSocketError.ConnectionClosedPrematurely', undefined, 'the connection was terminated unexpectedly', 'network_reset', 0.65),
  ws('WebSocketError.InvalidMessageType', undefined, 'the WebSocket frame had an invalid message type', 'protocol_error', 0.5),
  req('HttpRequestError.NameResolutionError', undefined, 'the DNS name resolution failed', 'dns_failure', 0.8),
  req('HttpRequestError.ConnectionError', undefined, 'a transport-level failure occurred while connecting to the remote endpoint', 'connection_refused', 0.6),
  req('HttpRequestError.ResponseEnded', undefined, 'the response ended prematurely', 'network_reset', 0.65),
  req('HttpRequestError.SecureConnectionError', undefined, 'an error occurred during the TLS handshake', 'tls_unknown', 0.5),
  // java.net exceptions by their simple or qualified name (a cause in a chain of wrappers; TLS causes beside them outrank 0.6).
  jnet('ConnectException', undefined, 'an error occurred while attempting to connect a socket: typically the connection was refused remotely', 'connection_refused', 0.6),
  jnet('NoRouteToHostException', undefined, 'the remote host cannot be reached (firewall, router down)', 'connection_refused', 0.65),
  jnet('PortUnreachableException', undefined, 'an ICMP Port Unreachable message has been received', 'connection_refused', 0.65),
  jnet('HttpConnectTimeoutException', undefined, 'a connection, over which an HttpRequest is intended to be sent, is not successfully established within a specified time period', 'network_timeout', 0.75),
  jio('EOFException', undefined, 'an end of file or end of stream has been reached unexpectedly during input', 'network_reset', 0.5),
  // Rust io::ErrorKind in its Debug notation (Kind(ConnectionRefused), kind: TimedOut); the Display texts are in the vocabularies.
  rust('ConnectionRefused', undefined, 'the connection was refused by the remote server', 'connection_refused', 0.8),
  rust('ConnectionReset', undefined, 'the connection was reset by the remote server', 'network_reset', 0.75),
  rust('ConnectionAborted', undefined, 'the connection was aborted (terminated) by the remote server', 'network_reset', 0.7),
  rust('NotConnected', undefined, 'the network operation failed because it was not connected yet', 'network_reset', 0.5),
  rust('TimedOut', undefined, "the I/O operation's timeout expired", 'network_timeout', 0.8),
  rust('BrokenPipe', undefined, 'the operation failed because a pipe was closed', 'network_reset', 0.65),
  rust('UnexpectedEof', undefined, 'an operation could not be completed because an "end of file" was reached prematurely', 'network_reset', 0.6),
  rust('HostUnreachable', undefined, 'the remote host is not reachable', 'connection_refused', 0.65, { texts: ['host unreachable'] }),
  rust('NetworkUnreachable', undefined, 'the network containing the remote host is not reachable', 'connection_refused', 0.65, { texts: ['network unreachable'] }),
  rust('NetworkDown', undefined, "the system's networking is down", 'connection_refused', 0.6),
  // libuv's Windows values (Node's errno on Windows); elsewhere libuv returns the negated errno, which errno-numbers.ts reads.
  uv('UV_ECONNABORTED', -4079, 'software caused connection abort', 'network_reset', 0.7),
  uv('UV_ECONNREFUSED', -4078, 'connection refused', 'connection_refused', 0.8),
  uv('UV_ECONNRESET', -4077, 'connection reset by peer', 'network_reset', 0.75),
  uv('UV_EHOSTUNREACH', -4073, 'host is unreachable', 'connection_refused', 0.65),
  uv('UV_ENOTCONN', -4053, 'socket is not connected', 'network_reset', 0.5),
  uv('UV_EPIPE', -4047, 'broken pipe', 'network_reset', 0.65),
  uv('UV_ESHUTDOWN', -4042, 'cannot send after transport endpoint shutdown', 'network_reset', 0.5),
  uv('UV_ETIMEDOUT', -4039, 'connection timed out', 'network_timeout', 0.8),
  uv('UV_EHOSTDOWN', -4031, 'host is down', 'connection_refused', 0.65),
  uv('UV_EAI_AGAIN', -3001, 'temporary failure', 'dns_failure', 0.75),
  uv('UV_EAI_FAIL', -3004, 'permanent failure', 'dns_failure', 0.7),
  uv('UV_EAI_NODATA', -3007, 'no address', 'dns_failure', 0.75),
  uv('UV_EAI_NONAME', -3008, 'unknown node or service', 'dns_failure', 0.8),
  undici('UND_ERR_SOCKET', undefined, 'a socket error: the other side closed the connection', 'network_reset', 0.6, { texts: ['other side closed'] }),
  // Qt: the enum's numbers as qDebug prints an unnamed value (QAbstractSocket::SocketError(1)); the names are left to the
  // concepts, below any text: QWebSocket reports a refused upgrade (403, a wrong Accept key) as ConnectionRefusedError.
  qt('QAbstractSocket::ConnectionRefusedError', undefined, 'the connection was refused by the peer (or timed out)', 'connection_refused', 0.45, { texts: ['QAbstractSocket::SocketError(0)'] }),
  qt('QAbstractSocket::RemoteHostClosedError', undefined, 'the remote host closed the connection', 'network_reset', 0.45, { texts: ['QAbstractSocket::SocketError(1)'] }),
  qt('QAbstractSocket::HostNotFoundError', undefined, 'the host address was not found', 'dns_failure', 0.5, { texts: ['QAbstractSocket::SocketError(2)'] }),
  qt('QAbstractSocket::SocketTimeoutError', undefined, 'the socket operation timed out', 'network_timeout', 0.45, { texts: ['QAbstractSocket::SocketError(5)'] }),
  // Boost.Asio error_code as "category:value" (what error_code::to_string and what() print).
  asio('asio.misc:2', undefined, 'misc_errors::eof: end of file', 'network_reset', 0.6),
  asio('asio.netdb:1', undefined, 'netdb_errors::host_not_found: host not found (authoritative)', 'dns_failure', 0.8),
  asio('asio.netdb:2', undefined, 'netdb_errors::host_not_found_try_again: host not found (non-authoritative), try again later', 'dns_failure', 0.75),
  asio('asio.netdb:3', undefined, 'netdb_errors::no_data: the query is valid but does not have associated address data', 'dns_failure', 0.75),
  asio('asio.netdb:4', undefined, 'netdb_errors::no_recovery: a non-recoverable error occurred', 'dns_failure', 0.7),
  py('gaierror', undefined, 'raised for address-related errors by getaddrinfo() and getnameinfo()', 'dns_failure', 0.7),
  // One error for a status other than 101 and for a Connection or Upgrade header that fails the check (connect(): one condition,
  // one message): the status the event records decides (Ambiguity 'answer', as gorilla's ErrBadHandshake).
  dart('WebSocketException: not upgraded', undefined, 'the answer was not a 101 with Connection: Upgrade and Upgrade: websocket', 'unknown_failure', 0.6, { texts: ['was not upgraded to websocket'], ambiguity: 'answer' }),
  erl('nxdomain', undefined, 'inet: non-existing domain', 'dns_failure', 0.75, { texts: ['non-existing domain'] }),
  erl('reason: :closed', undefined, 'Mint/gen_tcp: the socket is closed', 'network_reset', 0.6, { texts: ['reason: :closed'] }),
  erl('Connection Error: :closed', undefined, 'WebSockex ConnError{original: :closed}: gen_tcp/ssl closed the socket', 'network_reset', 0.6, { texts: ['Connection Error: :closed'] }),
];
