// Facts read once per event and shared by every classifier: the texts matched against the runtime
// vocabularies, the target host, and whether the TLS handshake is known to have completed.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { matchVocabularies, type TextField, type TextHit } from './vocabularies/index.js';

export interface EvidenceContext {
  readonly event: TelemetryEvent;
  readonly secure: boolean;
  /** Vocabulary matches over error.code, error.name, error.message and close.reason. */
  readonly hits: readonly TextHit[];
  /** All texts of the event, joined, for classifiers that look for a word (e.g. "cipher"). */
  readonly text: string;
  /**
   * An HTTP response to the upgrade, a Close frame, or outcome connected: the TLS handshake completed.
   * 502/503/504 do not count: proxies answer them when their own TLS handshake upstream failed.
   */
  readonly tlsCompleted: boolean;
  /** Something went wrong: outcome failed, an error, or an abnormal close. */
  readonly failed: boolean;
}

const GATEWAY_STATUS: ReadonlySet<number> = new Set([502, 503, 504]);
const NO_HITS: readonly TextHit[] = Object.freeze([]);

function textFields(event: TelemetryEvent): TextField[] {
  const fields: TextField[] = [];
  const error = event.error;
  if (error) {
    if (error.code !== undefined && error.code !== '') fields.push({ kind: 'error.code', text: String(error.code) });
    if (error.name) fields.push({ kind: 'error.name', text: error.name });
    if (error.message) fields.push({ kind: 'error.message', text: error.message });
  }
  if (event.close?.reason) fields.push({ kind: 'close.reason', text: event.close.reason });
  return fields;
}

export function buildContext(event: TelemetryEvent): EvidenceContext {
  const fields = textFields(event);
  const code = event.close?.code;
  const status = event.handshake?.status;
  const outcome = event.outcome;
  return {
    event,
    // The schema admits only ws:// and wss:// (any case): the third character tells them apart.
    secure: (event.target.url.charCodeAt(2) | 0x20) === 115,
    hits: fields.length === 0 ? NO_HITS : matchVocabularies(fields),
    text: fields.length === 0 ? '' : fields.length === 1 ? (fields[0] as TextField).text : fields.map((field) => field.text).join('\n'),
    tlsCompleted: outcome === 'connected' || (status !== undefined && status >= 100 && !GATEWAY_STATUS.has(status)) || event.close?.on_wire === true,
    failed: outcome === 'failed' || event.error !== undefined || code === 1006 || code === 1015,
  };
}
