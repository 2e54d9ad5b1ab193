// System vocabulary: socket and resolver errors as libc, Winsock and runtimes print them
// (ECONNREFUSED, ENOTFOUND, "Connection refused", "Name or service not known", ...), shared by all stacks.
import { errnoRules } from './errno-numbers.js';
import { rule, type Vocabulary } from './types.js';

const errno = 'errno(3) https://man7.org/linux/man-pages/man3/errno.3.html';
const gai = 'getaddrinfo(3) gai_strerror https://man7.org/linux/man-pages/man3/gai_strerror.3.html';
const nodeErrors = 'Node.js common system errors https://nodejs.org/api/errors.html#common-system-errors';
const winsock = 'Windows Sockets error codes https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2';
const goNet = 'Go net package (net.OpError, net.DNSError) https://pkg.go.dev/net#DNSError';
const erlangInet = 'Erlang/OTP gen_tcp:recv/2,3 and ssl:recv/2,3 ("{error, closed} if the socket is closed"), Elixir prints {:error, :closed} https://www.erlang.org/doc/apps/kernel/gen_tcp.html#recv/3';
const mqttConnack = 'OASIS MQTT Version 3.1.1 §3.2.2.3 Connect Return code (Table 3.1: "Connection Refused, bad user name or password") https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html#_Toc398718035';
// The CONNACK refusal reasons of MQTT 3.1.1 (return codes 1-5) and 5.0's same-named reason codes (0x84-0x88, 0x8A).
const MQTT_CONNACK_REASONS = ['unacceptable protocol version', 'unsupported protocol version', 'identifier rejected', 'client identifier not valid', 'server unavailable', 'bad user ?name or password', 'not authori[sz]ed', 'banned'].join('|');
const javaNet = 'Java java.net exceptions https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/net/package-summary.html';

/** Case-insensitive alternation of whole phrases (\b on both ends, so the matcher's prefilter can index them). */
const phrases = (...alternatives: string[]): RegExp => new RegExp(alternatives.map((phrase) => `\\b${phrase}\\b`).join('|'), 'i');

export const systemVocabulary: Vocabulary = {
  name: 'system',
  rules: [
    // MQTT names its CONNACK refusals "Connection Refused, <reason>" (3.1.1 §3.2.2.3 Table 3.1; mqtt.js prints "Connection
    // refused: <reason>"): a broker's answer over an open connection, read by the MQTT reason table (codes/mqtt.ts), no TCP refusal.
    rule('system.econnrefused', phrases('ECONNREFUSED', `Connection refused\\b(?!\\s*[,:]\\s*(?:${MQTT_CONNACK_REASONS})\\b)`, 'actively refused it', 'Connect call failed', 'WSAECONNREFUSED'), 'connection_refused', 0.85, `${errno}; ${nodeErrors}; ${winsock}; reproduced: docs/reproductions.md (closed port: node-ws, python, openssl); ${mqttConnack}`, { example: 'ECONNREFUSED' }),
    rule('system.enotfound', phrases('ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA', 'Name or service not known', 'nodename nor servname provided', 'No such host is known', 'no such host', 'Could not resolve host', 'getaddrinfo failed', 'UnknownHostException', 'Name does not resolve'), 'dns_failure', 0.85, `${gai}; ${nodeErrors}; ${goNet}; ${javaNet}; ${winsock}`, { example: 'ENOTFOUND' }),
    rule('system.eai_again', phrases('EAI_AGAIN', 'Temporary failure in name resolution', 'server misbehaving'), 'dns_failure', 0.8, `${gai}; ${goNet}`, { example: 'getaddrinfo EAI_AGAIN api.example.com' }),
    rule('system.etimedout', phrases('ETIMEDOUT', 'i/o timeout', 'Connection timed out', 'Operation timed out', 'SocketTimeoutException', 'connect timed out', 'Connection timeout', 'WSAETIMEDOUT'), 'network_timeout', 0.8, `${errno}; ${nodeErrors}; ${goNet}; ${javaNet}`, { example: 'ETIMEDOUT' }),
    rule('system.timed_out', phrases('timed out'), 'network_timeout', 0.6, `${errno}; ${javaNet}`, { example: 'timed out' }),
    rule('system.econnreset', phrases('ECONNRESET', 'Connection reset by peer', 'connection was forcibly closed', 'WSAECONNRESET', 'Connection reset'), 'network_reset', 0.75, `${errno}; ${nodeErrors}; ${winsock}`, { example: 'ECONNRESET' }),
    // Erlang's term for a socket the peer closed (FIN or RST); the open connection (101) makes it a 1006 (other-failure).
    rule('system.erlang_closed', /\berror\s*,\s*:?closed\s*\}/, 'network_reset', 0.7, erlangInet, { example: 'ssl:recv/3 -> {error,closed}' }),
    rule('system.epipe', phrases('EPIPE', 'Broken pipe'), 'network_reset', 0.65, errno, { example: 'write EPIPE' }),
    rule('system.unreachable', phrases('EHOSTUNREACH', 'ENETUNREACH', 'No route to host', 'Network is unreachable'), 'connection_refused', 0.65, errno, { example: 'connect EHOSTUNREACH 10.0.0.1:443' }),
    // The same errors written as numbers, in an errno notation (errno-numbers.ts).
    ...errnoRules(),
  ],
};
