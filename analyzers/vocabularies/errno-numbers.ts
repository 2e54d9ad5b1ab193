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
  readonly cause: Cause;
  readonly confidence: number;
  readonly source: string;
}

const linux = 'Linux include/uapi/asm-generic/errno.h, errno-base.h https://github.com/torvalds/linux/blob/master/include/uapi/asm-generic/errno.h';
const bsd = 'XNU bsd/sys/errno.h (macOS, iOS; FreeBSD sys/sys/errno.h has the same numbers) https://github.com/apple-oss-distributions/xnu/blob/main/bsd/sys/errno.h';
const winsock = 'Windows Sockets error codes https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2';
const gai = 'glibc resolv/netdb.h (EAI_* values) https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/netdb.h';

export const errnoTable: readonly ErrnoRow[] = [
  { name: 'ECONNREFUSED', wsaName: 'WSAECONNREFUSED', linux: 111, bsd: 61, winsock: 10061, cause: 'connection_refused', confidence: 0.8, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'ECONNRESET', wsaName: 'WSAECONNRESET', linux: 104, bsd: 54, winsock: 10054, cause: 'network_reset', confidence: 0.75, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'ECONNABORTED', wsaName: 'WSAECONNABORTED', linux: 103, bsd: 53, winsock: 10053, cause: 'network_reset', confidence: 0.7, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'EPIPE', linux: 32, bsd: 32, cause: 'network_reset', confidence: 0.65, source: `${linux}; ${bsd}` },
  { name: 'ETIMEDOUT', wsaName: 'WSAETIMEDOUT', linux: 110, bsd: 60, winsock: 10060, cause: 'network_timeout', confidence: 0.8, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'EHOSTUNREACH', wsaName: 'WSAEHOSTUNREACH', linux: 113, bsd: 65, winsock: 10065, cause: 'connection_refused', confidence: 0.65, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'ENETUNREACH', wsaName: 'WSAENETUNREACH', linux: 101, bsd: 51, winsock: 10051, cause: 'connection_refused', confidence: 0.65, source: `${linux}; ${bsd}; ${winsock}` },
  { name: 'EAI_NONAME', wsaName: 'WSAHOST_NOT_FOUND', gai: -2, winsock: 11001, cause: 'dns_failure', confidence: 0.8, source: `${gai}; ${winsock}` },
  { name: 'EAI_AGAIN', wsaName: 'WSATRY_AGAIN', gai: -3, winsock: 11002, cause: 'dns_failure', confidence: 0.75, source: `${gai}; ${winsock}` },
  { name: 'EAI_NODATA', wsaName: 'WSANO_DATA', gai: -5, winsock: 11004, cause: 'dns_failure', confidence: 0.75, source: `${gai}; ${winsock}` },
];

const alternatives = (numbers: readonly (number | undefined)[]): string =>
  numbers.filter((n): n is number => n !== undefined).map(String).join('|');

/**
 * One rule per row. POSIX numbers only after an errno notation ("errno 111", "errno=111", "[Errno 111]", Rust's
 * "os error 111"): a Linux and a BSD number of the same error never name another socket error on the other system.
 * Winsock numbers (5 digits, 10000 up) also after "WinError", "socket error", "error", "code" or a WSA name.
 */
export function errnoRules(): VocabularyRule[] {
  return errnoTable.map((row) => {
    const posix = alternatives([row.linux, row.bsd, row.gai]);
    const parts: string[] = [];
    // Each notation a top-level alternative that starts with a whole word, so the matcher's prefilter indexes it (trigger-words.ts).
    if (posix) parts.push(`\\berrno\\b\\W{0,3}(?:${posix})(?![\\w.])`, `\\bos error (?:${posix})\\b`);
    // The notation as a lookbehind, so the prefilter's trigger word is the number itself, not "error" or "code", which most texts hold.
    // The number first and the lookbehind after it: the lookbehind runs only where the number stands, not at every position.
    if (row.winsock !== undefined)
      parts.push(`\\b${row.winsock}\\b(?<=\\b(?:WinError|socket error|error|code|errno${row.wsaName ? `|${row.wsaName}` : ''})\\W{0,3}${row.winsock})`);
    if (row.wsaName && !/^WSAE(?:CONNREFUSED|CONNRESET|TIMEDOUT)$/.test(row.wsaName)) parts.push(`\\b${row.wsaName}\\b`);
    const id = `errno.${row.name.toLowerCase()}`;
    const example = row.linux !== undefined ? `connect: errno ${row.linux}` : `[Errno ${row.gai}] lookup failed`;
    return rule(id, new RegExp(parts.join('|'), 'i'), row.cause, row.confidence, row.source, { example });
  });
}
