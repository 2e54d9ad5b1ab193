// Certificate name matching: target host against subjectAltName entries, RFC 6125 §6.4 rules.
// Wildcards only in the leftmost label, matching exactly one label; IP hosts only match IP entries.
// @see https://www.rfc-editor.org/rfc/rfc6125#section-6.4.3

/** Host of a ws:// or wss:// URL, lower case, without brackets, port or trailing dot. */
export function urlHost(url: string): string {
  const afterScheme = url.slice(url.indexOf('//') + 2);
  let end = afterScheme.length;
  for (let i = 0; i < afterScheme.length; i++) {
    const ch = afterScheme[i];
    if (ch === '/' || ch === '?' || ch === '#') {
      end = i;
      break;
    }
  }
  let authority = afterScheme.slice(0, end);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  if (authority.startsWith('[')) return authority.slice(1, authority.indexOf(']')).toLowerCase();
  const colon = authority.lastIndexOf(':');
  if (colon >= 0) authority = authority.slice(0, colon);
  return authority.toLowerCase().replace(/\.$/, '');
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.includes(':');
}

/** "DNS:example.com" → dns/example.com; "IP Address:10.0.0.1" → ip/10.0.0.1; bare names count as DNS. */
function sanEntry(entry: string): { kind: 'dns' | 'ip' | 'other'; value: string } {
  const trimmed = entry.trim();
  const colon = trimmed.indexOf(':');
  const prefix = colon > 0 ? trimmed.slice(0, colon).toLowerCase() : '';
  if (prefix === 'dns') return { kind: 'dns', value: trimmed.slice(colon + 1).trim().toLowerCase() };
  if (prefix === 'ip address' || prefix === 'ip') return { kind: 'ip', value: trimmed.slice(colon + 1).trim().toLowerCase() };
  if (prefix === 'email' || prefix === 'uri' || prefix === 'dirname' || prefix === 'othername') return { kind: 'other', value: trimmed };
  return { kind: isIpAddress(trimmed) ? 'ip' : 'dns', value: trimmed.toLowerCase() };
}

/** RFC 6125 §6.4.3: `*` (or a partial `f*`) in the leftmost label matches one whole label, never a dot. */
export function dnsNameMatches(pattern: string, host: string): boolean {
  const name = pattern.replace(/\.$/, '').toLowerCase();
  const target = host.replace(/\.$/, '').toLowerCase();
  if (!name.includes('*')) return name === target;
  const firstDot = name.indexOf('.');
  const leftmost = firstDot < 0 ? name : name.slice(0, firstDot);
  const rest = firstDot < 0 ? '' : name.slice(firstDot);
  // Only one wildcard, only in the leftmost label, and at least two labels after it (no "*.com").
  if (rest.includes('*') || leftmost.indexOf('*') !== leftmost.lastIndexOf('*')) return false;
  if (rest.split('.').length < 3) return false;
  // §6.4.3 point 3: no partial wildcard on an IDN A-label.
  if (leftmost !== '*' && leftmost.startsWith('xn--')) return false;
  const targetDot = target.indexOf('.');
  if (targetDot <= 0 || target.slice(targetDot) !== rest) return false;
  const label = target.slice(0, targetDot);
  const star = leftmost.indexOf('*');
  const prefix = leftmost.slice(0, star);
  const suffix = leftmost.slice(star + 1);
  return label.length >= prefix.length + suffix.length && label.startsWith(prefix) && label.endsWith(suffix);
}

/** True when some SAN entry names the host. */
export function hostMatchesSan(host: string, san: readonly string[]): boolean {
  const ip = isIpAddress(host);
  for (const raw of san) {
    const entry = sanEntry(raw);
    if (ip ? entry.kind === 'ip' && entry.value === host : entry.kind === 'dns' && dnsNameMatches(entry.value, host)) return true;
  }
  return false;
}
