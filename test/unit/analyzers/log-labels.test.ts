// Which labels carry an emitter's own log (read as evidence) and which are free labels (never read as evidence).
import { describe, expect, it } from 'vitest';
import { isLogLabel } from '../../../analyzers/codes/proxy-result.js';

describe('isLogLabel', () => {
  it.each(['log', 'proxy_log', 'server_log', 'client_log', 'access_log', 'proxy_log_2', 'server_log_10'])('%s is a log', (key) => {
    expect(isLogLabel(key)).toBe(true);
  });
  it.each(['note', 'case', 'catalog', 'changelog', 'dialog', 'proxy_log2', 'log_note', 'response_body'])('%s is not a log', (key) => {
    expect(isLogLabel(key)).toBe(false);
  });
});
