// The error contract on the pipeline's seams (sink, publisher, source): an error carries a stable
// `code` and whether retrying can help (`retriable`). The loop branches on these, never on a client's
// error class or message text. Every code is documented in docs/reliability.md (tested).

export interface CodedError {
  readonly code: string;
  readonly retriable: boolean;
}

/** Every code an error on a seam may carry, with what it means. */
export const errorCodes = {
  CH_UNAVAILABLE: 'ClickHouse could not be reached or did not answer (retried)',
  CH_SERVER_ERROR: 'ClickHouse answered with an error that may pass (e.g. too many queries; retried)',
  CH_REJECTED_DATA: 'ClickHouse can never store this input (the rows go to the dead-letter topic)',
  WSDIAG_ERR_CLICKHOUSE_AUTH: 'ClickHouse refused the user or password (not retried; the job stops uncommitted)',
  WSDIAG_ERR_CLICKHOUSE_TLS: "ClickHouse's HTTPS certificate does not verify, or the handshake failed (not retried)",
  WSDIAG_ERR_KAFKA_AUTH: 'the broker refused the SASL credentials (not retried)',
  WSDIAG_ERR_KAFKA_TLS: "a broker's certificate does not verify, or the broker refused ours (not retried)",
  UNKNOWN: 'an error without a code, e.g. from the Kafka client (retried)',
} as const;

export type ErrorCode = keyof typeof errorCodes;

function isCoded(error: unknown): error is CodedError {
  return typeof error === 'object' && error !== null && typeof (error as CodedError).code === 'string' && typeof (error as CodedError).retriable === 'boolean';
}

/** Errors without the contract (network, Kafka client) are transient until proven otherwise. */
export const isRetriable = (error: unknown): boolean => !isCoded(error) || error.retriable;

export const errorCode = (error: unknown): string => (isCoded(error) ? error.code : 'UNKNOWN');

export const errorMessage = (error: unknown, max = 300): string => String(error instanceof Error ? error.message : error).slice(0, max);
