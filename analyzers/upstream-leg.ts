// A proxy that answers the client's upgrade with 101 before it dials its upstream (Spring Cloud Gateway's WebSocket
// routing: Spring WebFlux upgrades the client's request, then the handler opens the WebSocket client session to the
// upstream) logs the upstream's failure after the client's 101. Which leg failed follows from what the 101 proves: the
// proxy completed the client's TLS handshake and opening handshake before it answered, so a TLS handshake failure, an
// opening handshake that did not complete, or an HTTP status other than 101 in its own lines belongs to the connection it
// dialled, the upstream (docs/attribution.md, "holdout-23's answer-first gateway in general form").
// @see https://docs.spring.io/spring-cloud-gateway/reference/spring-cloud-gateway/global-filters.html#websocket-routing-filter
// @see https://github.com/spring-cloud/spring-cloud-gateway/blob/main/spring-cloud-gateway-server/src/main/java/org/springframework/cloud/gateway/filter/WebsocketRoutingFilter.java
//      (webSocketService.handleRequest(exchange, new ProxyWebSocketHandler(...)); its handle(session) calls client.execute(url, ...))
// @see https://docs.spring.io/spring-framework/reference/web/webflux-websocket.html#webflux-websockethandler (handle runs on an established session)
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { SourcedFinding } from './candidate.js';
import { statedStatus } from './concepts/scanner.js';
import { UPSTREAM_SWITCHED } from './proxy-tunnel.js';

/** How the upstream leg failed before it opened: in its TLS handshake, or in its opening handshake (a refused or broken answer, a drop before it). */
export type UpstreamLegFailure = 'tls' | 'handshake';

// An opening handshake that did not complete (Reactor Netty's WebSocket client: WebSocketClientHandshakeException "Connection
// prematurely closed BEFORE opening handshake is complete."; "handshake failed/aborted/incomplete"). Read only in a proxy's event
// whose client side had its 101, where the client's own opening handshake is the one that did complete.
// @see https://github.com/reactor/reactor-netty/blob/main/reactor-netty-http/src/main/java/reactor/netty/http/client/WebsocketClientOperations.java
// @see https://netty.io/4.1/api/io/netty/handler/codec/http/websocketx/WebSocketClientHandshakeException.html
const HANDSHAKE_UNFINISHED = /\bbefore\b[^\n]{0,30}\bhandshake\b|\bhandshake\b[^\n]{0,30}\b(?:not complete|incomplete|failed|failure|aborted)\b/i;

// A bare TLS word (concept.tls_failure) may be a record error on the client's own open leg; every other 1015 finding of a
// text is a handshake failure (verify results, certificates, alerts, a handshake cut off or answered in plaintext).
const BARE_TLS_WORD = 'concept.tls_failure';

/**
 * The upstream leg's failure a proxy's own lines state, when the client's side had opened (its 101 recorded, or outcome
 * closed) and the lines do not show the upstream's own 101: a TLS handshake failure, a status other than 101 (the proxy
 * answered the client 101, so the status is the upstream's answer), or an opening handshake that did not complete. A reset
 * or EOF alone is no statement of which leg dropped: it stays a drop after open.
 */
export function upstreamLegFailure(event: TelemetryEvent, hits: readonly SourcedFinding[]): UpstreamLegFailure | undefined {
  if (event.source.kind !== 'proxy' || hits.length === 0) return undefined;
  if (event.handshake?.status !== 101 && event.outcome !== 'closed') return undefined;
  const message = event.error?.message;
  if (message === undefined || UPSTREAM_SWITCHED.test(message)) return undefined;
  let handshake = false;
  for (const hit of hits) {
    // A close reason is the Close frame's words, from a session that opened: no statement about a handshake.
    if (hit.evidence.kind === 'close.reason') continue;
    if (hit.attribution === '1015' && hit.rule !== BARE_TLS_WORD) return 'tls';
    if (hit.cause === 'http_auth_rejected' || (hit.cause === 'http_rejected' && (statedStatus(hit) ?? 0) !== 101)) handshake = true;
    // A refusal of an answer (gorilla's "bad handshake", Ambiguity answer) in a proxy's dialer line that states the status its upstream
    // answered ("… with resp: 101 …"): the proxy did not refuse its own answer, so its dialer refused the upstream's (round 34, eng-b1).
    // Without that status the line may be of either leg (a proxy that dials first and relays the upstream's 101: koding/websocketproxy).
    else if (hit.ambiguity === 'answer' && upstreamAnswerStatus(message) !== undefined) handshake = true;
  }
  return handshake || HANDSHAKE_UNFINISHED.test(message) ? 'handshake' : undefined;
}

// The upstream's status a proxy's dialer line states beside its refusal: oxy's "Error dialing %q: %v with resp: %d %s"
// (vulcand/oxy forward/fwd.go, the response gorilla's Dialer returned with ErrBadHandshake).
// @see https://github.com/vulcand/oxy/blob/master/forward/fwd.go
const DIALED_STATUS = /\bwith resp(?:onse)?\W{1,3}([1-5]\d\d)\b/i;

/** The status of the upstream's answer that a proxy's line states beside the dialer's refusal of it, else undefined. */
export function upstreamAnswerStatus(message: string | undefined): number | undefined {
  const stated = message === undefined ? null : DIALED_STATUS.exec(message);
  return stated ? Number(stated[1]) : undefined;
}
