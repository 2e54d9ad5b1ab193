// `wsdiag/instrument`: what an application imports to report its WebSocket connections as telemetry v1.
export { instrumentWs, tlsFacts } from './node-ws.js';
export { instrumentWebSocket } from './global-websocket.js';
export { collectorEmitter, type CollectorEmitter, type CollectorEmitterOptions } from './collector-emitter.js';
export type { InstrumentOptions, TelemetryEventInput } from './types.js';
