// What an instrumented client needs to know about where its events go and who it is.
import type { TelemetryEventInput } from '../schemas/telemetry-event.js';

export type { TelemetryEventInput };

export type InstrumentOptions = {
  /** `source.service` of every event. */
  service: string;
  /** Receives each event; must not throw (see collectorEmitter for one that POSTs to `wsdiag collect`). */
  emit: (event: TelemetryEventInput) => void;
  /** `source.runtime`; defaults to e.g. "node 20.20.2 ws". */
  runtime?: string;
  instance?: string;
  region?: string;
  /** Extensions the application treats as mandatory (`handshake.required_extensions`). */
  requiredExtensions?: readonly string[];
  labels?: Readonly<Record<string, string>>;
  /** Clock, for tests. */
  now?: () => number;
};

export function sourceOf(options: InstrumentOptions, runtime: string): TelemetryEventInput['source'] {
  return {
    kind: 'client',
    service: options.service,
    runtime: options.runtime ?? runtime,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.region ? { region: options.region } : {}),
  };
}

/** A close code read from a Close frame, or one the API made up (1005 none given, 1006 abnormal; RFC 6455 §7.1.5, §7.4.1). */
export const onWire = (code: number): boolean => code !== 1005 && code !== 1006 && code !== 1015;

/** Calls emit without letting an emitter's failure reach the application. */
export function safeEmit(options: InstrumentOptions, event: TelemetryEventInput): void {
  try {
    options.emit(event);
  } catch {
    // Telemetry must never break the connection it describes.
  }
}
