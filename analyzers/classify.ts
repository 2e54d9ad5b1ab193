// Attribution engine entry point: one telemetry event in, one classification out.
// Pure: every classifier in the registry answers for its attribution, the most confident answer wins.
import { sentCloseBeforeReset, statedCloseBeforeReset } from './session-end.js';
import type { Classification } from '../schemas/classification.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { Candidate, Classifier } from './candidate.js';
import { closeViolations } from './close-codes.js';
import { buildContext, errorTextLabelsText } from './evidence-context.js';
import { shapedEvent } from './event-shape.js';
import { withRestatedClose } from './restated-close.js';
import { agreeingEvidence } from './findings.js';
import { classifierRegistry } from './registry.js';
import { withoutQuietServerLines } from './server-log-levels.js';
import { withRelayFacts } from './relay/decision.js';

/**
 * Bumped whenever a rule, table row, concept or confidence changes, so stored rows can be re-derived: the
 * table fingerprint is pinned next to it in test/unit/analyzers/classifier-version.test.ts.
 */
export const CLASSIFIER_VERSION = '1.5.125';

const NO_EVIDENCE: Candidate = {
  attribution: 'other',
  cause: 'unknown_failure',
  confidence: 0.1,
  findings: [{ cause: 'unknown_failure', confidence: 0.1, evidence: { kind: 'outcome', detail: 'no classifier recognised the event (rule fallback.none)' } }],
  remediation:
    'The event carries no usable evidence: include the error code and message, the handshake status and headers, the close code, and TLS details in the telemetry.',
};

export function classify(input: TelemetryEvent, registry: readonly Classifier[] = classifierRegistry): Classification {
  // One shape for every event, so the classifiers' field reads are monomorphic (event-shape.ts).
  // A close code whose reason only a client's text restates ("4001:: Unauthorized") is read with that reason (restated-close.ts).
  const event = withRestatedClose(shapedEvent(input));
  // A server's info/debug lines in error.message report steps, not a failure (server-log-levels.ts).
  // A relay's log of the bytes it passed fills the fields the event lacks (relay/decision.ts); its reading is cited.
  // Only a proxy's log can hold relayed bytes and only a server's its own records: other events skip both readers (one read of the kind).
  const kind = event.source.kind;
  const relay = kind === 'proxy' ? withRelayFacts(event) : undefined;
  const seen = relay?.event ?? event;
  // A server's info line that states the close code it sent is read before the quiet lines go (session-end.ts).
  // A library's own chain that says it sent a close code before the peer's reset (websockets' "sent 1002 (protocol error) …"), any emitter.
  const context =
    kind === 'server' ? buildContext(withoutQuietServerLines(seen), statedCloseBeforeReset(seen.source, seen.error?.message))
    : seen.error !== undefined && seen.close?.code !== undefined && seen.labels !== undefined ? buildContext(seen, sentCloseBeforeReset(errorTextLabelsText(seen)))
    : buildContext(seen);
  let best: Candidate | undefined;
  for (let i = 0; i < registry.length; i++) {
    const candidate = (registry[i] as Classifier).classify(context);
    // Strictly greater: at equal confidence the earlier classifier in the registry keeps the answer.
    if (candidate && (!best || candidate.confidence > best.confidence)) best = candidate;
  }
  const chosen = best ?? NO_EVIDENCE;
  return {
    event_id: event.event_id,
    attribution: chosen.attribution,
    cause: chosen.cause,
    confidence: chosen.confidence,
    evidence: relay ? [...(chosen.evidence ?? agreeingEvidence(chosen.findings, chosen.cause)), ...relay.evidence] : (chosen.evidence ?? agreeingEvidence(chosen.findings, chosen.cause)),
    remediation: chosen.remediation,
    violations: closeViolations(seen.close),
  };
}
