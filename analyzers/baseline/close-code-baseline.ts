// Close-code-only baseline: what a dashboard that groups failures by the close code the application
// reported would conclude. Used by bench/accuracy.ts to show what wsdiag's inference adds.
import type { Attribution, Cause } from '../../schemas/classification.js';
import type { TelemetryEvent } from '../../schemas/telemetry-event.js';

export interface BaselineVerdict {
  attribution: Attribution;
  cause: Cause;
}

/**
 * Close code → the name such a dashboard shows. 1010 and 1015 are taken at face value; every other code
 * is "other" under its RFC 6455 §7.4.1 name. @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1
 */
const verdictByCloseCode: Readonly<Record<number, BaselineVerdict>> = {
  1000: { attribution: 'none', cause: 'normal_closure' },
  1001: { attribution: 'none', cause: 'going_away' },
  1002: { attribution: 'other', cause: 'protocol_error' },
  1003: { attribution: 'other', cause: 'protocol_error' },
  1006: { attribution: 'other', cause: 'abnormal_closure' },
  1007: { attribution: 'other', cause: 'protocol_error' },
  1008: { attribution: 'other', cause: 'policy_violation' },
  1009: { attribution: 'other', cause: 'message_too_big' },
  1010: { attribution: '1010', cause: 'extension_not_negotiated' },
  1011: { attribution: 'other', cause: 'server_error' },
  1012: { attribution: 'other', cause: 'service_restart' },
  1015: { attribution: '1015', cause: 'tls_unknown' },
};

const CONNECTED: BaselineVerdict = { attribution: 'none', cause: 'connected' };
const UNKNOWN: BaselineVerdict = { attribution: 'other', cause: 'unknown_failure' };

/** Pure: reads only `close.code` and `outcome`, as a group-by-close-code panel would. */
export function closeCodeBaseline(event: Pick<TelemetryEvent, 'outcome' | 'close'>): BaselineVerdict {
  const code = event.close?.code;
  if (code === undefined) return event.outcome === 'connected' ? CONNECTED : UNKNOWN;
  return verdictByCloseCode[code] ?? UNKNOWN;
}
