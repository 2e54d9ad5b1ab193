// Validated retro filters: the only user input that reaches retro SQL. Times become whole minutes
// (rollups are per minute), names must match a strict charset, and the SQL quotes them anyway.
import { z } from 'zod';
import { timestampSchema } from '../../schemas/telemetry-event.js';

/** Service (and region) names the retro accepts: what emitters use in practice, nothing that can quote. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** A ClickHouse identifier, for the database name (never quoted: it is an identifier). */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const MINUTE_S = 60;
const MAX_SPAN_S = 400 * 86_400;

export const retroFiltersSchema = z
  .object({
    db: z.string().regex(IDENTIFIER_PATTERN, 'must be a plain identifier'),
    from: timestampSchema,
    to: timestampSchema,
    service: z.string().regex(NAME_PATTERN, 'letters, digits and . _ : - only (at most 128)').optional(),
  })
  .strict()
  .transform(({ db, from, to, service }) => ({
    db,
    /** Window start, rounded down to the minute (epoch seconds). */
    fromS: Math.floor(from / 1000 / MINUTE_S) * MINUTE_S,
    /** Window end (exclusive), rounded up to the minute. */
    toS: Math.ceil(to / 1000 / MINUTE_S) * MINUTE_S,
    service,
  }))
  .refine((f) => f.toS > f.fromS, { message: '--to must be after --from', path: ['to'] })
  .refine((f) => f.toS - f.fromS <= MAX_SPAN_S, { message: 'the window may span at most 400 days', path: ['to'] });

export type RetroFilters = Readonly<z.output<typeof retroFiltersSchema>>;
export type RetroFiltersInput = z.input<typeof retroFiltersSchema>;

export type ParsedFilters = { success: true; data: RetroFilters } | { success: false; error: string };

export function parseRetroFilters(input: unknown): ParsedFilters {
  const parsed = retroFiltersSchema.safeParse(input);
  if (parsed.success) return { success: true, data: Object.freeze(parsed.data) };
  return { success: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'filters'}: ${i.message}`).join('; ') };
}
