// 1015 findings from the peer certificate itself: validity dates against the event's own ts,
// self-signed leaf, SAN coverage of the target host. Only meaningful when the connection failed.
import type { TelemetryEvent } from '../../../schemas/telemetry-event.js';
import type { Finding } from '../../candidate.js';
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


/** Appends the findings of the peer certificate to `findings`. */
export function certificateFindings(event: TelemetryEvent, findings: Finding[]): void {
  const cert = event.tls?.peer_certificate;
  if (!cert) return;
  if (cert.not_after !== undefined && cert.not_after < event.ts)
    findings.push({
      cause: 'cert_expired',
      confidence: 0.9,
      evidence: { kind: 'tls.peer_certificate.not_after', detail: `notAfter ${iso(cert.not_after)} is before the event time ${iso(event.ts)} (rule cert.dates, RFC 5280 §4.1.2.5)` },
    });
  if (cert.not_before !== undefined && cert.not_before > event.ts)
    findings.push({
      cause: 'cert_not_yet_valid',
      confidence: 0.9,
      evidence: { kind: 'tls.peer_certificate.not_before', detail: `notBefore ${iso(cert.not_before)} is after the event time ${iso(event.ts)} (rule cert.dates, RFC 5280 §4.1.2.5)` },
    });
  const selfSigned = isSelfSignedLeaf(event);
  if (selfSigned)
    findings.push({
      cause: 'self_signed',
      confidence: 0.85,
      evidence: {
        kind: cert.self_signed !== undefined ? 'tls.peer_certificate.self_signed' : 'tls.peer_certificate.issuer',
        detail: `leaf certificate is self-signed${cert.subject ? ` (subject ${cert.subject.slice(0, 120)})` : ''} (rule cert.self_signed)`,
      },
    });
  const host = urlHost(event.target.url);
  if (cert.san && cert.san.length > 0) {
    if (host && !hostMatchesSan(host, cert.san))
      findings.push({
        cause: 'hostname_mismatch',
        confidence: 0.85,
        evidence: { kind: 'tls.peer_certificate.san', detail: `host ${host} matches none of ${cert.san.slice(0, 8).join(', ')} (rule cert.san, RFC 6125 §6.4)` },
      });
  } else if (host && !selfSigned) {
    // No SAN list in the event: the subject CN is the only name we know (RFC 6125 §6.4.4, legacy).
    const commonName = COMMON_NAME.exec(cert.subject ?? '')?.[1]?.trim();
    if (commonName && !hostMatchesSan(host, [commonName]))
      findings.push({
        cause: 'hostname_mismatch',
        confidence: 0.75,
        evidence: {
          kind: 'tls.peer_certificate.subject',
          detail: `host ${host} does not match subject CN ${commonName} and no SAN list was given (rule cert.common_name, RFC 6125 §6.4.4)`,
        },
      });
  }
}
