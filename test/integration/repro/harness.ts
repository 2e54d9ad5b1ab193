// Runs one real client against one scenario's real server and returns the telemetry event an
// emitter on that client would send. Servers start on first use and are shared by every client;
// clients run at most `concurrency` at a time so the suite stays quick on 2 cores.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { testPki, type TestPki } from '../../support/certs.js';
import { runNodeWs, runProbe, runServerLog, type ClientId, type Observation, type Target } from './clients.js';
import { nodeRuntime, nodeWsRuntime, toTelemetryEvent } from './evidence-adapters.js';
import { curlCommand, opensslCommand, pythonCommand, runProcess } from './process-clients.js';
import { scenarioById, type Scenario, type ScenarioId } from './scenarios.js';
import { startServer, type RunningServer } from './servers.js';

const run = promisify(execFile);

/** The external binary each process client needs; the others are in-process Node. */
export const clientBinaries: Partial<Record<ClientId, string>> = { curl: 'curl', openssl: 'openssl', python: 'python3' };

/** First line of `<binary> --version` (`openssl version`), or undefined when it is not installed. */
export async function binaryVersion(binary: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(binary, binary === 'openssl' ? ['version'] : ['--version']);
    return stdout.split('\n')[0]?.trim();
  } catch {
    return undefined;
  }
}

export type Reproduction = { event: TelemetryEventInput; observation: Observation };

function limiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

export type Harness = {
  reproduce(scenarioId: ScenarioId, client: ClientId): Promise<Reproduction>;
  close(): Promise<void>;
};

export function createHarness(concurrency = 4): Harness {
  const servers = new Map<ScenarioId, Promise<RunningServer>>();
  const versions = new Map<string, Promise<string | undefined>>();
  const limit = limiter(concurrency);

  const serverFor = (pki: TestPki, scenario: Scenario): Promise<RunningServer> => {
    const id = scenario.id as ScenarioId;
    let server = servers.get(id);
    if (!server) {
      server = startServer(pki, scenario.server);
      servers.set(id, server);
    }
    return server;
  };
  const versionOf = (binary: string): Promise<string | undefined> => {
    let version = versions.get(binary);
    if (!version) {
      version = binaryVersion(binary);
      versions.set(binary, version);
    }
    return version;
  };

  async function observe(client: ClientId, scenario: Scenario, target: Target, server: RunningServer): Promise<Observation> {
    switch (client) {
      case 'node-ws':
        return runNodeWs(scenario, target);
      case 'node-probe':
        return runProbe(scenario, target);
      case 'server-log':
        return runServerLog(scenario, target, () => server.tlsErrors);
      case 'curl':
        return runProcess('curl', curlCommand(scenario, target));
      case 'openssl':
        return runProcess('openssl', opensslCommand(scenario, target));
      case 'python':
        return runProcess('python', pythonCommand(scenario, target));
    }
  }

  async function runtimeOf(client: ClientId): Promise<string> {
    if (client === 'node-ws') return nodeWsRuntime;
    if (client === 'node-probe') return nodeRuntime('tls probe');
    if (client === 'server-log') return nodeRuntime('https server');
    const binary = clientBinaries[client] ?? client;
    return (await versionOf(binary)) ?? binary;
  }

  return {
    async reproduce(scenarioId, client) {
      const pki = await testPki();
      const scenario = scenarioById(scenarioId);
      const server = await serverFor(pki, scenario);
      const scheme = scenario.server.kind === 'wss' ? 'wss' : 'ws';
      const target: Target = {
        scheme,
        port: server.port,
        host: 'localhost',
        url: `${scheme}://localhost:${server.port}/`,
        rootCaPath: pki.rootCaPath,
        rootCa: pki.rootCa,
      };
      const observation = await limit(() => observe(client, scenario, target, server));
      const event = toTelemetryEvent(observation, {
        scenario,
        target,
        observedAt: Date.now(),
        runtime: await runtimeOf(client),
      });
      return { event, observation };
    },
    async close() {
      const started = await Promise.all(servers.values());
      await Promise.all(started.map((server) => server.close()));
      servers.clear();
    },
  };
}
