// Wraps a WHATWG WebSocket class (Node's global WebSocket, from undici): the same events as the `ws`
// wrapper, with what that API exposes: URL, negotiated extensions, close code, reason and wasClean,
// the error's cause. The WHATWG API hides the TLS socket, so no TLS facts (as in browsers).
import { randomUUID } from 'node:crypto';
import { onWire, safeEmit, sourceOf, type InstrumentOptions, type TelemetryEventInput } from './types.js';

type WhatwgWebSocket = {
  readonly url: string;
  readonly extensions: string;
  addEventListener(type: string, listener: (event: never) => void): void;
  close(code?: number, reason?: string): void;
};
type WhatwgWebSocketClass = new (url: string | URL, protocols?: string | string[]) => WhatwgWebSocket;

/** undici hands the reason over as `error.cause` (e.g. `{ code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }`). */
function errorOf(event: { error?: unknown; message?: string }): TelemetryEventInput['error'] | undefined {
  const error = event.error as { name?: string; message?: string; code?: string; cause?: { name?: string; code?: string; message?: string } } | undefined;
  const cause = error?.cause;
  const message = [error?.message, cause?.message].filter(Boolean).join(': ') || event.message;
  if (!message && !cause?.code) return undefined;
  const code = cause?.code ?? error?.code;
  return { ...(error?.name ? { name: error.name } : {}), ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

/**
 * Returns a subclass of the given WHATWG WebSocket class (default: the global one) that reports itself.
 * Usage: `globalThis.WebSocket = instrumentWebSocket({ service: 'feed', emit })`.
 */
export function instrumentWebSocket<T extends WhatwgWebSocketClass>(options: InstrumentOptions, WebSocketClass: T = (globalThis as unknown as { WebSocket: T }).WebSocket): T {
  if (typeof WebSocketClass !== 'function') throw new TypeError('no WebSocket class: Node 22+ has a global one, Node 20 needs --experimental-websocket');
  const now = options.now ?? Date.now;
  const runtime = `node ${process.versions.node} undici`;
  const Instrumented = class extends (WebSocketClass as WhatwgWebSocketClass) {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const id = randomUUID();
      const startedAt = now();
      let opened = false;
      let closingByClient = false;
      let error: TelemetryEventInput['error'] | undefined;
      const base = (outcome: TelemetryEventInput['outcome']): TelemetryEventInput => ({
        event_id: `${id}:${outcome}`,
        connection_id: id,
        ts: now(),
        outcome,
        source: sourceOf(options, runtime),
        target: { url: this.url },
        timing: { total_ms: Math.max(0, now() - startedAt) },
        ...(options.labels ? { labels: { ...options.labels } } : {}),
      });
      this.addEventListener('open', () => {
        opened = true;
        safeEmit(options, { ...base('connected'), handshake: { status: 101, response_extensions: this.extensions, ...(options.requiredExtensions?.length ? { required_extensions: [...options.requiredExtensions] } : {}) } });
      });
      let reported = false;
      this.addEventListener('error', (event: { error?: unknown; message?: string }) => {
        error = errorOf(event);
        // Node 20's undici fires no close event after a failed opening handshake: the error ends the
        // attempt, with the 1006 the WHATWG spec gives it (RFC 6455 §7.1.5).
        if (!opened && !reported) {
          reported = true;
          safeEmit(options, { ...base('failed'), close: { code: 1006, initiator: 'unknown', on_wire: false }, ...(error ? { error } : {}) });
        }
      });
      this.addEventListener('close', (event: { code: number; reason: string; wasClean: boolean }) => {
        if (reported) return;
        reported = true;
        const close = {
          code: event.code,
          ...(event.reason ? { reason: event.reason.slice(0, 1024) } : {}),
          initiator: closingByClient ? ('client' as const) : event.wasClean ? ('server' as const) : ('unknown' as const),
          on_wire: event.wasClean && onWire(event.code),
        };
        safeEmit(options, { ...base(opened ? 'closed' : 'failed'), close, ...(error ? { error } : {}), labels: { ...options.labels, was_clean: String(event.wasClean) } });
      });
      const close = this.close.bind(this);
      this.close = (code?: number, reason?: string) => {
        closingByClient = true;
        close(code, reason);
      };
    }
  };
  return Instrumented as unknown as T;
}
