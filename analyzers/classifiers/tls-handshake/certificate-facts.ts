// 1015 findings from the peer certificate itself: validity dates against the event's own ts,
// self-signed leaf, SAN coverage of the target host. Only meaningful when the connection failed.
import type { TelemetryEvent } from '../../../schemas/telemetry-event.js';
import type { Finding } from '../../candidate.js';
import { finding } from '../../findings.js';
import { hostMatchesSan, urlHost } from '../../hostname-match.js';
import { isoDate } from '../../iso-date.js';

const iso = isoDate;
const COMMON_NAME = /(?:^|[,/]\s*)CN\s*=\s*([^,/]+)/;

export function isSelfSignedLeaf(event: TelemetryEvent): boolean {
  const cert = event.tls?.peer_certificate;
  if (!cert) return false;
  if (cert.self_signed !== undefined) return cert.self_signed;
  return cert.subject !== undefined && cert.subject !== '' && cert.subject === cert.issuer;
}

// Evidence details, described only when the 1015 candidate is chosen (ISO dates are the costly part).
const describeExpired = (notAfter: number, ts: number): string =>
  `notAfter ${iso(notAfter)} is before the event time ${iso(ts)} (rule cert.dates, RFC 5280 §4.1.2.5)`;
const describeNotYetValid = (notBefore: number, ts: number): string =>
  `notBefore ${iso(notBefore)} is after the event time ${iso(ts)} (rule cert.dates, RFC 5280 §4.1.2.5)`;
const describeSelfSigned = (subject: string | undefined): string => `leaf certificate is self-signed${subject ? ` (subject ${subject.slice(0, 120)})` : ''} (rule cert.self_signed)`;
const describeSan = (host: string, san: readonly string[]): string => `host ${host} matches none of ${san.slice(0, 8).join(', ')} (rule cert.san, RFC 6125 §6.4)`;
const describeCommonName = (host: string, commonName: string): string =>
  `host ${host} does not match subject CN ${commonName} and no SAN list was given (rule cert.common_name, RFC 6125 §6.4.4)`;

/** Appends the findings of the peer certificate to `findings`. */
export function certificateFindings(event: TelemetryEvent, findings: Finding[]): void {
  const cert = event.tls?.peer_certificate;
  if (!cert) return;
  if (cert.not_after !== undefined && cert.not_after < event.ts)
    findings.push(finding('cert_expired', 0.9, 'tls.peer_certificate.not_after', describeExpired, cert.not_after, event.ts));
  if (cert.not_before !== undefined && cert.not_before > event.ts)
    findings.push(finding('cert_not_yet_valid', 0.9, 'tls.peer_certificate.not_before', describeNotYetValid, cert.not_before, event.ts));
  const selfSigned = isSelfSignedLeaf(event);
  if (selfSigned)
    findings.push(
      finding('self_signed', 0.85, cert.self_signed !== undefined ? 'tls.peer_certificate.self_signed' : 'tls.peer_certificate.issuer', describeSelfSigned, cert.subject),
    );
  const host = urlHost(event.target.url);
  if (cert.san && cert.san.length > 0) {
    if (host && !hostMatchesSan(host, cert.san)) findings.push(finding('hostname_mismatch', 0.85, 'tls.peer_certificate.san', describeSan, host, cert.san));
  } else if (host && !selfSigned) {
    // No SAN list in the event: the subject CN is the only name we know (RFC 6125 §6.4.4, legacy).
    const commonName = COMMON_NAME.exec(cert.subject ?? '')?.[1]?.trim();
    if (commonName && !hostMatchesSan(host, [commonName]))
      findings.push(finding('hostname_mismatch', 0.75, 'tls.peer_certificate.subject', describeCommonName, host, commonName));
  }
}
