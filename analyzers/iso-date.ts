// `new Date(ms).toISOString()` without a Date object, for the certificate evidence texts: the winner's
// evidence prints two dates per event, and Date construction plus formatting was ~3% of classify.
// Same output byte for byte; years outside 1970–9999 (and NaN, which throws) go to Date itself.

// Zero-padded digits from tables: number-to-string conversions were most of the cost.
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));

/** Milliseconds since the epoch as `YYYY-MM-DDTHH:mm:ss.sssZ`, as `Date.prototype.toISOString` prints them. */
export function isoDate(ms: number): string {
  // 253402300800000 is 10000-01-01T00:00:00Z: beyond it toISOString prints a signed six-digit year.
  if (!(ms >= 0 && ms < 253402300800000)) return new Date(ms).toISOString();
  const time = Math.trunc(ms); // TimeClip, as the Date constructor does
  const days = Math.floor(time / 86400000);
  let rest = time - days * 86400000;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  // Civil date from days since 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const two = TWO_DIGITS as string[];
  return (
    (two[Math.floor(year / 100)] as string) + (two[year % 100] as string) + '-' + (two[month] as string) + '-' + (two[day] as string) + 'T' +
    (two[hours] as string) + ':' + (two[minutes] as string) + ':' + (two[seconds] as string) + '.' + (THREE_DIGITS[millis] as string) + 'Z'
  );
}
