// The texts server frameworks log when they refuse an upgrade request that RFC 6455 §4.2.1 does not let them answer with a 101,
// each with the part of the request it names (the method, or a header: Connection, Upgrade, Sec-WebSocket-Key, -Version) and
// the source that prints it. Read by request-header-refusal.ts (a 400 naming a header: convention 17) and by the other
// classifier's refusal of a request seen by a server without a status (round 14). One citation per row.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1 (the request's fields), #section-4.2.2 (refused with an HTTP error)
import type { EvidenceContext } from './evidence-context.js';

/** What of the request the refusal names: its method (not GET), or one of its WebSocket header fields. */
export type RefusedPart = 'method' | 'connection' | 'upgrade' | 'key' | 'version';

export interface UpgradeRefusalText {
  /** Stable id "<framework>.<what>", printed in evidence. */
  readonly id: string;
  readonly pattern: RegExp;
  readonly part: RefusedPart;
  /** Citation: the source file that prints the text, with the status it answers. */
  readonly source: string;
  /** The text as the framework prints it (a test runs every row on its example). */
  readonly example: string;
}

// gorilla/websocket's Upgrader.Upgrade (fasthttp/websocket's FastHTTPUpgrader, a fork, prints the same texts).
const gorilla = (status: string): string => `gorilla/websocket server.go (Upgrader.Upgrade, v1.5.0 and main e064f32: ${status}) https://github.com/gorilla/websocket/blob/main/server.go`;
// Netty's server handshakers (Jooby, Vert.x, Micronaut and others upgrade through them); the framework answers the exception.
const netty = (file: string): string => `Netty ${file}.java (newHandshakeResponse: WebSocketServerHandshakeException) https://github.com/netty/netty/blob/4.2/codec-http/src/main/java/io/netty/handler/codec/http/websocketx/${file}.java`;

export const upgradeRefusalTexts: readonly UpgradeRefusalText[] = [
  { id: 'gorilla.connection', part: 'connection', pattern: /not using the websocket protocol: 'upgrade' token not found in 'Connection' header/, source: gorilla('400'), example: "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header" },
  { id: 'gorilla.upgrade', part: 'upgrade', pattern: /not using the websocket protocol: 'websocket' token not found in 'Upgrade' header/, source: gorilla('400 in v1.5.0, 426 since v1.5.1'), example: "websocket: the client is not using the websocket protocol: 'websocket' token not found in 'Upgrade' header" },
  { id: 'gorilla.method', part: 'method', pattern: /not using the websocket protocol: request method is not GET/, source: gorilla('405'), example: 'websocket: the client is not using the websocket protocol: request method is not GET' },
  { id: 'gorilla.version', part: 'version', pattern: /websocket: unsupported version: 13 not found in 'Sec-Websocket-Version' header/, source: gorilla('400'), example: "websocket: unsupported version: 13 not found in 'Sec-Websocket-Version' header" },
  { id: 'gorilla.key', part: 'key', pattern: /not a websocket handshake: 'Sec-WebSocket-Key' header (?:is missing or blank|must be Base64)/, source: gorilla('400; "is missing or blank" up to v1.5.0'), example: "websocket: not a websocket handshake: 'Sec-WebSocket-Key' header must be Base64 encoded value of 16-byte in length" },
  { id: 'netty.method', part: 'method', pattern: /Invalid WebSocket handshake method: [A-Z]+/, source: netty('WebSocketServerHandshaker13'), example: 'io.netty.handler.codec.http.websocketx.WebSocketServerHandshakeException: Invalid WebSocket handshake method: POST' },
  { id: 'netty.connection', part: 'connection', pattern: /not a WebSocket request: a \|Connection\| header must include/, source: netty('WebSocketServerHandshaker13'), example: "WebSocketServerHandshakeException: not a WebSocket request: a |Connection| header must includes a token 'Upgrade'" },
  { id: 'netty.upgrade', part: 'upgrade', pattern: /not a WebSocket request: a \|Upgrade\| header must contain/, source: netty('WebSocketServerHandshaker13'), example: "WebSocketServerHandshakeException: not a WebSocket request: a |Upgrade| header must containing the value 'websocket'" },
  { id: 'netty.upgrade_hixie', part: 'upgrade', pattern: /not a WebSocket handshake request: missing upgrade/, source: netty('WebSocketServerHandshaker00'), example: 'WebSocketServerHandshakeException: not a WebSocket handshake request: missing upgrade' },
  { id: 'netty.key', part: 'key', pattern: /not a WebSocket request: missing key/, source: `${netty('WebSocketServerHandshaker13')}; also WebSocketServerHandshaker07/08`, example: 'io.netty.handler.codec.http.websocketx.WebSocketServerHandshakeException: not a WebSocket request: missing key' },
];

/** The first row whose text a server's error message holds, or undefined. Only a server's own text: a client never prints these. */
export function upgradeRefusalText(context: EvidenceContext): UpgradeRefusalText | undefined {
  const message = context.event.error?.message;
  if (message === undefined || context.event.source.kind !== 'server') return undefined;
  // Every row names WebSocket ("websocket" or "WebSocket"): one substring search spares the rows on other texts.
  if (!message.includes('ebsocket') && !message.includes('ebSocket')) return undefined;
  for (const row of upgradeRefusalTexts) if (row.pattern.test(message)) return row;
  return undefined;
}
