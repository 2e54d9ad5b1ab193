// The log formats `wsdiag logs` reads, each a pure line parser.
import { parseEnvoyLine } from './envoy.js';
import { parseHaproxyLine } from './haproxy.js';
import type { LineParser, LogFormat } from './log-line.js';
import { parseNginxLine } from './nginx.js';

export const lineParsers: Readonly<Record<LogFormat, LineParser>> = {
  nginx: parseNginxLine,
  haproxy: parseHaproxyLine,
  envoy: parseEnvoyLine,
};
