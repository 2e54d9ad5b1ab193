// Remediation per cause for the retro checklist: the classifiers' own texts, so a retro says what the
// engine says for the same failure, with the affected host filled into their commands and advice for
// the cases a retro can tell apart.
import { extensionRemediation } from '../classifiers/mandatory-extension/remediation.js';
import { otherRemediation } from '../classifiers/other-failure/remediation.js';
import { tlsRemediation } from '../classifiers/tls-handshake/remediation.js';

const byCause: Readonly<Record<string, string | undefined>> = { ...extensionRemediation, ...tlsRemediation, ...otherRemediation };

/** What a retro adds per cause: the cases the classifiers' general texts leave to the reader. */
const caseAdvice: Readonly<Record<string, string | undefined>> = {
  cert_not_yet_valid:
    'A certificate that is "not yet valid" for some clients only is usually their clock running behind: check NTP on those clients before reissuing.',
  cert_expired:
    "Browsers report expired and not-yet-valid certificates alike (NET::ERR_CERT_DATE_INVALID, SEC_ERROR_EXPIRED_CERTIFICATE): if the certificate's dates are fine, look at the clients' clocks.",
  http_rejected:
    'A 403 on the upgrade is the application or a WAF refusing the request (Origin check, missing cookie); a 400/404 is routing or a proxy that dropped the Upgrade/Connection headers.',
  server_error:
    'A 502/504 on the upgrade comes from a proxy whose upstream failed or timed out (check the proxy error log and the upstream), a 503 from a backend that is down or draining: the client is not at fault.',
};

/** "host" or "host:port" → the pieces an openssl command needs (443 for wss when no port is known). */
function hostAndPort(target: string): { host: string; port: string } {
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(target);
  return { host: match?.[1] ?? target, port: match?.[2] ?? '443' };
}

export function remediationFor(cause: string, hosts: readonly string[] = []): string {
  let text = byCause[cause] ?? 'No remediation is recorded for this cause: read the evidence of a few events (wsdiag.events) to decide.';
  const [first] = hosts.filter((h) => h !== '');
  if (first) {
    const { host, port } = hostAndPort(first);
    text = text.replace(/-connect host:443 -servername host/g, `-connect ${host}:${port} -servername ${host}`).replace(/openssl s_client -showcerts/g, `openssl s_client -connect ${host}:${port} -servername ${host} -showcerts`);
  }
  const advice = caseAdvice[cause];
  return advice ? `${text} ${advice}` : text;
}
