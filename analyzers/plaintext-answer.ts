// A TLS server's own answer to a plaintext request on its TLS port, read where the event recorded the answer's body: the status
// beside it was written in place of a TLS handshake (convention 15's TLS side).
import { oncePerText } from './bounded-cache.js';
import { sourcedFinding, type SourcedFinding } from './candidate.js';
import { ANSWER_LABEL } from './request-header-refusal.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';

/**
 * The fixed bodies TLS servers answer a plaintext HTTP request with (round 40, r40-b): Go's net/http "Client sent an HTTP request to an
 * HTTPS server." (server.go conn.serve, on a tls.RecordHeaderError that looks like HTTP, after "HTTP/1.0 400 Bad Request"), nginx's
 * "The plain HTTP request was sent to HTTPS port" (ngx_http_special_response.c, its 497 answered as 400), Apache mod_ssl's "You're
 * speaking plain HTTP to an SSL-enabled server port." (ssl_engine_io.c), Tomcat's "This combination of host and port requires TLS."
 * (TLSClientHelloExtractor.USE_TLS_RESPONSE); and the family's wording in general: an HTTP or plaintext request sent to an
 * HTTPS/SSL/TLS server or port.
 * @see https://go.dev/src/net/http/server.go, https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c
 * @see https://github.com/apache/httpd/blob/trunk/modules/ssl/ssl_engine_io.c
 * @see https://github.com/apache/tomcat/blob/main/java/org/apache/tomcat/util/net/TLSClientHelloExtractor.java
 */
const PLAINTEXT_ON_TLS =
  /\b(?:plain(?:[- ]?text)? )?HTTP request (?:was )?(?:sent )?(?:to|on) (?:an? |the )?(?:HTTPS|SSL|TLS)(?:[- ]enabled)? (?:server|port)\b|\bspeaking plain HTTP to an? (?:HTTPS|SSL|TLS)(?:[- ]enabled)? (?:server )?port\b|\bcombination of host and port requires TLS\b/i;
const statesPlaintextOnTls = oncePerText((text) => PLAINTEXT_ON_TLS.test(text));

const RULE = 'inferred.plaintext_request_answer';
// The body explains the status beside it, so it takes the status's own weight (0.9; ties go to the 1015 classifier, earlier in the
// registry), above a client's text that only restates that status ("Unexpected server response: 400", 0.85).
const ANSWER_WEIGHT = 0.9;
const describe = (where: string): string =>
  `${where} is a TLS server's own answer to a plaintext request on its TLS port: the status beside it was written in place of a TLS handshake that never began → tls_unknown (rule ${RULE}, convention 15)`;

/**
 * The finding where an answer refused with a 4xx records a TLS server's answer to a plaintext request in a label holding the answer's
 * body or title as the server wrote it (request-header-refusal.ts ANSWER_LABEL: `response_body`, `page_title`, `upstream_answer`), or
 * undefined. Read only beside a 4xx status. Not the client's own error text quoting the body: corpus-gaps-2026-12-219 (websocket-client's
 * "Handshake status 400 … The plain HTTP request was sent to HTTPS port") is labelled `http_rejected`, against convention 15 as
 * holdout-34 and -47 read it; reported to the lead, left as labelled.
 */
export function plaintextRequestAnswer(event: TelemetryEvent): SourcedFinding | undefined {
  const labels = event.labels;
  if (labels === undefined) return undefined;
  for (const key in labels) {
    const text = labels[key];
    if (typeof text !== 'string' || text === '' || !ANSWER_LABEL.test(key)) continue;
    if (statesPlaintextOnTls(text)) return sourcedFinding(RULE, 'tls_unknown', ANSWER_WEIGHT, { kind: `labels.${key}`, detail: describe(`the answer's ${key} ${JSON.stringify(text.trim().slice(0, 80))}`) });
  }
  return undefined;
}
