// A row of a table of texts written from a library's or platform's source: the event's fields, the cause the source
// gives the text, where it comes from, and (when the engine does not read it yet) why.
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';

export interface SourcedTextRow {
  readonly input: Partial<TelemetryEventInput>;
  readonly attribution: '1010' | '1015' | 'other' | 'none';
  readonly cause: string;
  readonly source: string;
  /** Why the engine does not read this row yet (counted in the table's figure, not asserted). */
  readonly knownMiss?: string;
}
