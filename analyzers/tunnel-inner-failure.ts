// A tunnel whose WebSocket session opened and then ended with no close code, because the tunnel's far end refused or failed the
// connection carried inside it, as its own log lines state: a dial of the target refused or not resolved (convention 9's causes of
// a proxy's failure to reach its upstream), or the peer's credential refused. The stated failure decides over the bare drop
// (inferred.ended_without_close, 0.3): the session carried the inner connection, and the tunnel ended it when that failed.
// Read only for a proxy's event with no error and no close code (session-end.ts), each log text once per distinct text.
import type { Cause } from '../schemas/classification.js';
import type { Finding } from './candidate.js';
import { BoundedCache } from './bounded-cache.js';
import { logLabels } from './codes/proxy-result.js';
import type { EvidenceContext } from './evidence-context.js';
import { labelMatcher } from './other-view-labels.js';

// A refused or unresolvable dial is never a routine teardown's words (unlike a reset, an EOF or a timeout an idle tunnel logs).
const DIAL_CAUSES: ReadonlySet<Cause> = new Set<Cause>(['connection_refused', 'dns_failure']);

// A tunnel server's refusal of the credential the peer sent: its password, user or key called invalid, wrong or unknown, or the
// password's hash called so where the line quotes it as a SHA-224 hex digest (56 hex digits): trojan's request opens with
// hex(SHA224(password)), which the server checks against its users (trojan-go logs "invalid hash:<digest>"; a non-hex "hash" is
// another protocol's first bytes, no credential). shadowsocks-style servers say "invalid password"/"wrong password".
// @see https://trojan-gfw.github.io/trojan/protocol (the request: hex(SHA224(password)), 56 bytes, CRLF)
// @see https://www.rfc-editor.org/rfc/rfc6234 (SHA-224: a 224-bit digest, 56 hex digits)
const CREDENTIAL_REFUSED = /\b(?:invalid|wrong|incorrect|bad|unknown)\s+(?:password|passwd|credentials?|user(?:name)?|(?:password\s+)?hash\W{1,3}[0-9a-f]{56}\b)/i;

function finding(cause: Cause, key: string, detail: string): Finding {
  return { cause, confidence: 0.5, evidence: { kind: `labels.${key}`, detail: `${detail}: the tunnel's far end failed the connection the session carried, and ended the session (rule inferred.tunnel_inner_failure, convention 9)` } };
}

// Per label name and distinct log text: the finding its words state, or null (bounded, as every per-text memo here).
const byKey = new Map<string, BoundedCache<Finding | null>>();
function statedFailure(key: string, text: string): Finding | null {
  let texts = byKey.get(key);
  if (texts === undefined) byKey.set(key, (texts = new BoundedCache(512)));
  return texts.get(text, () => {
    for (const hit of labelMatcher(key).get(text)) if (!hit.concept && hit.attribution === 'other' && DIAL_CAUSES.has(hit.cause)) return finding(hit.cause, key, hit.evidence.detail);
    const refused = CREDENTIAL_REFUSED.exec(text);
    return refused ? finding('http_auth_rejected', key, `words "${refused[0].slice(0, 40)}" refuse the peer's credential`) : null;
  });
}

/** The inner connection's failure a proxy's own log labels state, on a session that opened and ended with no close code, else undefined. */
export function tunnelInnerFailure(context: EvidenceContext): Finding | undefined {
  const { event } = context;
  if (event.source.kind !== 'proxy' || event.outcome !== 'closed' || event.labels === undefined) return undefined;
  for (const [key, text] of logLabels(event.labels)) {
    const stated = statedFailure(key, text);
    if (stated) return stated;
  }
  return undefined;
}
