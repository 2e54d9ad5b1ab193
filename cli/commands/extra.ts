// Commands added by later features (retro, ...), kept apart so the entry point stays fixed.
import type { Command } from '../wsdiag.js';
import { probeCommand } from './probe.js';
import { retroCommand } from './retro.js';
import { logsCommand } from './logs.js';
import { collectCommand } from './collect.js';

export const extraCommands: Record<string, { run: Command; help: string }> = {
  logs: { run: logsCommand, help: 'proxy log lines as telemetry events (--format nginx|haproxy|envoy [FILE|-] [--follow] [--emit stdout|kafka])' },
  probe: { run: probeCommand, help: 'WebSocket handshakes as telemetry events (URL... [--every 60s] [--ca FILE] [--emit stdout|kafka])' },
  collect: { run: collectCommand, help: 'HTTP intake: POST /v1/events (NDJSON or JSON array) validated into the telemetry topic (WSDIAG_COLLECT_*)' },
  retro: { run: retroCommand, help: 'incident retrospective from the rollups (--from T1 --to T2 [--service S] [--format md|json])' },
};
