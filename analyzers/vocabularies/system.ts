// System vocabulary: socket and resolver errors as libc, Winsock and runtimes print them
// (ECONNREFUSED, ENOTFOUND, "Connection refused", "Name or service not known", ...), shared by all stacks.
import { rule, type Vocabulary } from './types.js';

const errno = 'errno(3) https://man7.org/linux/man-pages/man3/errno.3.html';
const gai = 'getaddrinfo(3) gai_strerror https://man7.org/linux/man-pages/man3/gai_strerror.3.html';
const nodeErrors = 'Node.js common system errors https://nodejs.org/api/errors.html#common-system-errors';
const winsock = 'Windows Sockets error codes https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2';
const goNet = 'Go net package (net.OpError, net.DNSError) https://pkg.go.dev/net#DNSError';
const javaNet = 'Java java.net exceptions https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/net/package-summary.html';

export const systemVocabulary: Vocabulary = {
  name: 'system',
  rules: [
    rule('system.econnrefused', /\bECONNREFUSED\b|\bConnection refused\b|actively refused it|Connect call failed|\bWSAECONNREFUSED\b/i, 'connection_refused', 0.85, `${errno}; ${nodeErrors}; ${winsock}`),
    rule('system.enotfound', /\bENOTFOUND\b|\bEAI_(?:NONAME|NODATA)\b|Name or service not known|nodename nor servname provided|No such host is known|\bno such host\b|Could not resolve host|getaddrinfo failed|\bUnknownHostException\b|Name does not resolve/i, 'dns_failure', 0.85, `${gai}; ${nodeErrors}; ${goNet}; ${javaNet}; ${winsock}`),
    rule('system.eai_again', /\bEAI_AGAIN\b|Temporary failure in name resolution|server misbehaving/i, 'dns_failure', 0.8, `${gai}; ${goNet}`),
    rule('system.etimedout', /\bETIMEDOUT\b|\bi\/o timeout\b|Connection timed out|Operation timed out|\bSocketTimeoutException\b|connect timed out|Connection timeout|\bWSAETIMEDOUT\b/i, 'network_timeout', 0.8, `${errno}; ${nodeErrors}; ${goNet}; ${javaNet}`),
    rule('system.econnreset', /\bECONNRESET\b|Connection reset by peer|connection was forcibly closed|\bWSAECONNRESET\b|Connection reset/i, 'network_reset', 0.75, `${errno}; ${nodeErrors}; ${winsock}`),
    rule('system.epipe', /\bEPIPE\b|Broken pipe/i, 'network_reset', 0.65, errno),
    rule('system.unreachable', /\bE(?:HOST|NET)UNREACH\b|No route to host|Network is unreachable/i, 'connection_refused', 0.65, errno),
  ],
};
