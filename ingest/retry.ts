// Retries a transient failure with capped exponential backoff and full jitter
// (AWS Architecture Blog, "Exponential Backoff And Jitter"), keeping the consumer alive meanwhile.

export interface RetryOptions {
  initialMs: number;
  maxMs: number;
  /** Only errors this accepts are retried; others are rethrown at once. */
  isRetriable(error: unknown): boolean;
  /** Called before each wait, e.g. to log, count and heartbeat. */
  onRetry(error: unknown, attempt: number, delayMs: number): Promise<void> | void;
  /** Stops retrying (rethrows the last error) once this returns true. */
  shouldGiveUp?(): boolean;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffDelayMs(attempt: number, initialMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

export async function retry<T>(run: () => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!options.isRetriable(error) || options.shouldGiveUp?.()) throw error;
      const delayMs = backoffDelayMs(attempt, options.initialMs, options.maxMs, random);
      await options.onRetry(error, attempt + 1, delayMs);
      await sleep(delayMs);
    }
  }
}
