// Socket and resolver errors written as numbers: the errno of Linux and of the BSDs/macOS, the Winsock code and the
// getaddrinfo code, one row per error with its primary sources. The names (ECONNREFUSED, "Connection refused") are
// system.ts's rules; this table reads the numbers, only in a notation that says they are errnos ("errno 111",
// "errno=111", "[Errno 111]", "os error 111", "[WinError 10061]", "socket error 10061"), so an application's
// "error 111" or a port stays out.
import type { Cause } from '../../schemas/classification.js';
import { rule, type VocabularyRule } from './types.js';

export interface ErrnoRow {
  /** The POSIX name, and the Winsock name of the same error. */
  readonly name: string;
  readonly wsaName?: string;
  /** Linux (asm-generic/errno.h), the BSDs and macOS (sys/errno.h), Winsock (winerror.h WSA*), getaddrinfo (glibc netdb.h, negative). */
  readonly linux?: number;
  readonly bsd?: number;
  readonly winsock?: number;
  readonly gai?: number;
  /** Names a stack prints other than the POSIX one (system.ts has the usual names), and strerror / Winsock texts. */
  readonly names?: readonly string[];
  readonly texts?: readonly string[];
  /**
   * Rows added in 1.5.22 read "os error N" only for numbers of 3+ digits, the number first: "os error N" pins only the
   * word "error", which would wake the rule on nearly every error text (Rust prints the strerror text beside it anyway).
   */
  readonly osErrorByNumber?: true;
  /**
   * What non-blocking I/O returns in normal operation ("try again", "in progress"): evidence only as the failure a text ends
   * on, not on a trace line the log goes on after, nor beside a call that succeeded (text-findings.ts, routineErrnoInTrace).
   */
  readonly routine?: true;
  readonly cause: Cause;
  readonly confidence: number;
  readonly source: string;
}

const linux = 'Linux include/uapi/asm-generic/errno.h, errno-base.h https://github.com/torvalds/linux/blob/master/include/uapi/asm-generic/errno.h';
const bsd = 'XNU bsd/sys/errno.h (macOS, iOS; FreeBSD sys/sys/errno.h has the same numbers) https://github.com/apple-oss-distributions/xnu/blob/main/bsd/sys/errno.h';
const winsock = 'Windows Sockets error codes https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2';
const socket7 = 'socket(7) SO_RCVTIMEO and SO_SNDTIMEO https://man7.org/linux/man-pages/man7/socket.7.html';
const recv2 = 'recv(2) EAGAIN or EWOULDBLOCK https://man7.org/linux/man-pages/man2/recv.2.html; POSIX recv() https://pubs.opengroup.org/onlinepubs/9799919799/functions/recv.html';
const connect2 = 'connect(2) EINPROGRESS https://man7.org/linux/man-pages/man2/connect.2.html; POSIX connect() https://pubs.opengroup.org/onlinepubs/9799919799/functions/connect.html';
const gai = 'glibc resolv/netdb.h (EAI_* values) https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/netdb.h';
const strerror = 'strerror texts: glibc sysdeps/gnu/errlist.h https://sourceware.org/git/?p=glibc.git;a=blob;f=sysdeps/gnu/errlist.h, XNU libc strerror (macOS intro(2)) https://developer.apple.com/library/archive/documentation/System/Conceptual/ManPages_iPhoneOS/man2/intro.2.html';
const gaiText = 'gai_strerror texts (glibc) https://man7.org/linux/man-pages/man3/gai_strerror.3.html';
// newlib (ESP-IDF, Zephyr, Arduino cores on lwIP) numbers errnos its own way (ECONNABORTED 113, EHOSTUNREACH 118): its
// strerror text beside the number names the error, whatever the number means on Linux.
const newlib = 'newlib libc/include/sys/errno.h and libc/string/_strerror_r.c (strerror texts) https://sourceware.org/git/?p=newlib-cygwin.git;a=blob;f=newlib/libc/string/_strerror_r.c';

export const errnoTable: readonly ErrnoRow[] = [
  { name: 'ECONNREFUSED', wsaName: 'WSAECONNREFUSED', linux: 111, bsd: 61, winsock: 10061, cause: 'connection_refused', confidence: 0.8, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'ECONNRESET', wsaName: 'WSAECONNRESET', linux: 104, bsd: 54, winsock: 10054, cause: 'network_reset', confidence: 0.75, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'ECONNABORTED', wsaName: 'WSAECONNABORTED', linux: 103, bsd: 53, winsock: 10053, texts: ['An established connection was aborted by the software in your host machine', 'Software caused connection abort'], cause: 'network_reset', confidence: 0.7, source: `${linux}; ${bsd}; ${winsock}; ${strerror}; ${newlib}` },
  { name: 'EPIPE', linux: 32, bsd: 32, cause: 'network_reset', confidence: 0.65, source: `${linux}; ${bsd}` },
  // WSAETIMEDOUT's text names a failed connection attempt: the concept tier would read it as a failed connect.
  { name: 'ETIMEDOUT', wsaName: 'WSAETIMEDOUT', linux: 110, bsd: 60, winsock: 10060, texts: ['did not properly respond after a period of time'], cause: 'network_timeout', confidence: 0.8, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'EHOSTUNREACH', wsaName: 'WSAEHOSTUNREACH', linux: 113, bsd: 65, winsock: 10065, texts: ['A socket operation was attempted to an unreachable host', 'Host is unreachable'], cause: 'connection_refused', confidence: 0.65, source: `${linux}; ${bsd}; ${winsock}; ${newlib}` },
  { name: 'ENETUNREACH', wsaName: 'WSAENETUNREACH', linux: 101, bsd: 51, winsock: 10051, texts: ['A socket operation was attempted to an unreachable network'], cause: 'connection_refused', confidence: 0.65, source: `${linux}; ${bsd}; ${winsock}` },
  // Host or network down: unreachable, like EHOSTUNREACH (connection_refused's "or host unreachable"). Linux 100 (ENETDOWN)
  // and 102 (ENETRESET) are left out: on macOS 100 is EPROTO and 102 EOPNOTSUPP.
  { name: 'EHOSTDOWN', osErrorByNumber: true, wsaName: 'WSAEHOSTDOWN', linux: 112, bsd: 64, winsock: 10064, names: ['EHOSTDOWN'], texts: ['Host is down', 'A socket operation failed because the destination host was down'], cause: 'connection_refused', confidence: 0.65, source: `${linux}; ${bsd}; ${winsock}; ${strerror}` },
  { name: 'ENETDOWN', osErrorByNumber: true, wsaName: 'WSAENETDOWN', bsd: 50, winsock: 10050, names: ['ENETDOWN'], texts: ['Network is down', 'A socket operation encountered a dead network'], cause: 'connection_refused', confidence: 0.6, source: `${linux}; ${bsd}; ${winsock}; ${strerror}` },
  { name: 'ENETRESET', osErrorByNumber: true, wsaName: 'WSAENETRESET', bsd: 52, winsock: 10052, names: ['ENETRESET'], texts: ['Connection reset by network', 'The connection has been broken due to keep-alive activity'], cause: 'network_reset', confidence: 0.65, source: `${linux}; ${bsd}; ${winsock}; ${strerror}` },
  // Not connected, or shut down: a send or receive on a connection the peer (or the stack) already ended.
  { name: 'ENOTCONN', osErrorByNumber: true, wsaName: 'WSAENOTCONN', linux: 107, bsd: 57, winsock: 10057, names: ['ENOTCONN'], texts: ['Transport endpoint is not connected', 'Socket is not connected', 'disallowed because the socket is not connected'], cause: 'network_reset', confidence: 0.5, source: `${linux}; ${bsd}; ${winsock}; ${strerror}` },
  { name: 'ESHUTDOWN', osErrorByNumber: true, wsaName: 'WSAESHUTDOWN', linux: 108, bsd: 58, winsock: 10058, names: ['ESHUTDOWN'], texts: ['Cannot send after transport endpoint shutdown', "Can't send after socket shutdown"], cause: 'network_reset', confidence: 0.5, source: `${linux}; ${bsd}; ${winsock}; ${strerror}` },
  // "Resource temporarily unavailable": what a read returns when SO_RCVTIMEO runs out, and what a non-blocking call returns
  // while nothing has come (nopoll retries SSL_connect on it until its retry bound): a wait that ran out (lexicon TIMEOUT).
  // BSD 11 and Linux 35 are EDEADLK, no socket error.
  // socket(7), SO_RCVTIMEO/SO_SNDTIMEO: "If no data has been transferred and the timeout has been reached, then -1 is returned
  // with errno set to EAGAIN or EWOULDBLOCK, or EINPROGRESS (for connect(2))": a blocking call's timeout. On a non-blocking
  // socket the same errnos are routine (recv(2) EAGAIN: "the socket is marked nonblocking and the receive operation would
  // block"; connect(2) EINPROGRESS: "the connection cannot be completed immediately"), which routineErrnoInTrace reads.
  { name: 'EAGAIN', osErrorByNumber: true, routine: true, wsaName: 'WSAEWOULDBLOCK', linux: 11, bsd: 35, winsock: 10035, cause: 'network_timeout', confidence: 0.5, source: `${linux}; ${bsd}; ${winsock}; ${socket7}; ${recv2}` },
  { name: 'EINPROGRESS', osErrorByNumber: true, routine: true, wsaName: 'WSAEINPROGRESS', linux: 115, bsd: 36, winsock: 10036, cause: 'network_timeout', confidence: 0.5, source: `${linux}; ${bsd}; ${winsock}; ${socket7}; ${connect2}` },
  { name: 'EAI_NONAME', wsaName: 'WSAHOST_NOT_FOUND', gai: -2, winsock: 11001, cause: 'dns_failure', confidence: 0.8, source: `${gai}; ${winsock}` },
  { name: 'EAI_AGAIN', wsaName: 'WSATRY_AGAIN', gai: -3, winsock: 11002, texts: ['temporary error during hostname resolution'], cause: 'dns_failure', confidence: 0.75, source: `${gai}; ${winsock}` },
  { name: 'EAI_NODATA', wsaName: 'WSANO_DATA', gai: -5, winsock: 11004, texts: ['no data of the requested type was found'], cause: 'dns_failure', confidence: 0.75, source: `${gai}; ${winsock}` },
  { name: 'EAI_FAIL', osErrorByNumber: true, wsaName: 'WSANO_RECOVERY', gai: -4, winsock: 11003, names: ['EAI_FAIL'], texts: ['Non-recoverable failure in name resolution', 'A non-recoverable error occurred during a database lookup'], cause: 'dns_failure', confidence: 0.7, source: `${gai}; ${winsock}; ${gaiText}` },
];

/** Rule ids of the routine rows (EAGAIN, EINPROGRESS): read by text-findings.ts only where a text ends on them. */
export const ROUTINE_ERRNO_RULES: ReadonlySet<string> = new Set(errnoTable.filter((row) => row.routine).map((row) => `errno.${row.name.toLowerCase()}`));

const alternatives = (numbers: readonly (number | undefined)[]): string =>
  numbers.filter((n): n is number => n !== undefined).map(String).join('|');

/**
 * One rule per row. POSIX numbers only after an errno notation ("errno 111", "errno=111", "[Errno 111]", Rust's
 * "os error 111"): a Linux and a BSD number of the same error never name another socket error on the other system.
 * Also Boost's error_code "system:111" / "generic:111" and .NET's "SocketException (111)" (Linux numbers; the number
 * first, so the lookbehind runs only where it stands), Apple's "NSPOSIXErrorDomain Code=61", Swift's "POSIXErrorCode(rawValue: 61)" and CFNetwork's "_kCFStreamErrorCodeKey=61"
 * (BSD numbers; Swift on Linux prints Linux ones).
 * Winsock numbers (5 digits, 10000 up) also after "WinError", "socket error", "error", "code", "system", .NET's
 * "SocketException (10060)", "WSAGetLastError() = 10060" or a WSA name; .NET on Linux and macOS prints the errno there.
 */
export function errnoRules(): VocabularyRule[] {
  return errnoTable.flatMap((row) => {
    const posix = alternatives([row.linux, row.bsd, row.gai]);
    const apple = alternatives([row.bsd]);
    const id = `errno.${row.name.toLowerCase()}`;
    // The notations of 1.5.7 (errno, os error, Winsock, WSA name): one rule, as before.
    const parts: string[] = [];
    // Each notation a top-level alternative that starts with a whole word, so the matcher's prefilter indexes it (trigger-words.ts).
    if (posix) parts.push(`\\berrno\\b\\W{0,3}(?:${posix})(?![\\w.])`);
    if (posix && !row.osErrorByNumber) parts.push(`\\bos error (?:${posix})\\b`);
    else if (row.linux !== undefined && row.linux >= 100) parts.push(`\\b${row.linux}\\b(?<=\\bos error ${row.linux})`);
    // The notation as a lookbehind, so the prefilter's trigger word is the number itself, not "error" or "code", which most texts hold.
    // The number first and the lookbehind after it: the lookbehind runs only where the number stands, not at every position.
    if (row.winsock !== undefined)
      parts.push(`\\b${row.winsock}\\b(?<=\\b(?:WinError|socket error|error|code|errno|system|SocketException|WSAGetLastError\\(\\)${row.wsaName ? `|${row.wsaName}` : ''})\\W{0,3}${row.winsock})`);
    if (row.wsaName && !/^WSAE(?:CONNREFUSED|CONNRESET|TIMEDOUT)$/.test(row.wsaName)) parts.push(`\\b${row.wsaName}\\b`);
    // The notations and texts of 1.5.22, in a rule of their own where the row's first rule is woken by "error" (its "os
    // error N"), so that rule's regex stays as short as it was on the many texts that hold the word.
    const more: string[] = [];
    const errnos = alternatives([row.linux, row.bsd]);
    if (errnos) more.push(`\\bPOSIXErrorCode\\(rawValue: (?:${errnos})\\)`);
    // Boost's "system:111" and .NET's "SocketException (111)": the number is the trigger word, so only numbers of 3+ digits
    // (Linux's; a 2-digit BSD number would leave the rule without a trigger and run it on every text), and not 101
    // (ENETUNREACH): the status every upgrade text names would wake the rule on nearly every text.
    if (row.linux !== undefined && row.linux >= 100 && row.linux !== 101) more.push(`\\b${row.linux}\\b(?<=\\b(?:system:|generic:|SocketException \\()${row.linux})`);
    if (apple) more.push(`\\bNSPOSIXErrorDomain\\b[^\\n]{0,24}?\\bCode=(?:${apple})\\b`, `\\b_kCFStreamErrorCodeKey=(?:${apple})\\b`);
    // CFNetwork's "domain:code" of a stream error, domain 1 kCFStreamErrorDomainPOSIX (CFStream.h): its TCP connection log
    // "TIC TCP Conn Failed [1:0x…]: 1:61 Err(61)" and "HTTP load failed[, 0/0 bytes] (error code: -1004 [1:61])".
    if (apple) more.push(`\\bTIC TCP Conn Failed\\b[^\\n]{0,40}?\\s1:(?:${apple}) Err\\(`, `\\bHTTP load failed\\b[^\\n(]{0,30}\\(error code: -?\\d{1,5} \\[1:(?:${apple})\\]`);
    // A resolver's status printed beside the call that failed ("resolve api.example.com failed, status=-2", libhv's TcpClient;
    // "getaddrinfo returned -3"): glibc's and musl's negative EAI_* numbers, read only after a resolver word on the same line.
    if (row.gai !== undefined)
      for (const call of ['resolve', 'resolving', 'resolution', 'getaddrinfo'])
        more.push(`\\b${call}\\b[^\\n]{0,80}?\\b(?:status|code|error|err|rc|ret|returned|result)\\s*[=:]?\\s*\\(?${row.gai}(?!\\d)`);
    for (const name of row.names ?? []) more.push(`\\b${name}\\b`);
    // A closing \b pins the last word too, so a rare last word can be the trigger.
    for (const text of row.texts ?? []) more.push(`\\b${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\b`);
    const example = row.linux !== undefined ? `connect: errno ${row.linux}` : row.gai !== undefined ? `[Errno ${row.gai}] lookup failed` : `connect: errno=${row.bsd}`;
    if (row.osErrorByNumber) return [rule(id, new RegExp([...parts, ...more].join('|'), 'i'), row.cause, row.confidence, row.source, { example })];
    if (more.length === 0) return [rule(id, new RegExp(parts.join('|'), 'i'), row.cause, row.confidence, row.source, { example })];
    const moreExample = apple ? `Error Domain=NSPOSIXErrorDomain Code=${row.bsd}` : (row.texts?.[0] ?? `resolve api.example.com failed, status=${row.gai}`);
    return [
      rule(id, new RegExp(parts.join('|'), 'i'), row.cause, row.confidence, row.source, { example }),
      rule(`${id}.notations`, new RegExp(more.join('|'), 'i'), row.cause, row.confidence, row.source, { example: moreExample }),
    ];
  });
}
