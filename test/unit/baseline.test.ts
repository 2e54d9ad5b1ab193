import { describe, expect, it } from 'vitest';
import { closeCodeBaseline } from '../../analyzers/baseline/close-code-baseline.js';
import type { TelemetryEvent } from '../../schemas/telemetry-event.js';

type Case = [label: string, outcome: TelemetryEvent['outcome'], code: number | undefined, attribution: string, cause: string];

describe('closeCodeBaseline', () => {
  it.each<Case>([
    ['1010 taken at face value', 'closed', 1010, '1010', 'extension_not_negotiated'],
    ['1015 taken at face value', 'failed', 1015, '1015', 'tls_unknown'],
    ['1000 is a normal close', 'closed', 1000, 'none', 'normal_closure'],
    ['1001 is going away', 'closed', 1001, 'none', 'going_away'],
    ['no code and connected', 'connected', undefined, 'none', 'connected'],
    ['1006 from a browser TLS failure stays other', 'failed', 1006, 'other', 'abnormal_closure'],
    ['1009 is named, not inferred', 'closed', 1009, 'other', 'message_too_big'],
    ['1011 server error', 'closed', 1011, 'other', 'server_error'],
    ['1012 service restart', 'closed', 1012, 'other', 'service_restart'],
    ['no code and failed', 'failed', undefined, 'other', 'unknown_failure'],
    ['unregistered 4000 application code', 'closed', 4000, 'other', 'unknown_failure'],
  ])('%s', (_label, outcome, code, attribution, cause) => {
    const close = code === undefined ? undefined : { code };
    expect(closeCodeBaseline({ outcome, close })).toEqual({ attribution, cause });
  });

  it('ignores every field but the close code and outcome', () => {
    const verdict = closeCodeBaseline({ outcome: 'failed', close: { code: 1006, on_wire: false, reason: 'certificate has expired' } });
    expect(verdict).toEqual({ attribution: 'other', cause: 'abnormal_closure' });
  });
});
