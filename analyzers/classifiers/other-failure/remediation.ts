// What to do about each `other` cause.
import type { Cause } from '../../../schemas/classification.js';

export const otherRemediation: Partial<Record<Cause, string>> = {
  connection_refused:
    'Nothing accepted the TCP connection: check that the server (or proxy) listens on that host and port, that the deployment is up and its health checks pass, and that no firewall or security group rejects the port.',
  dns_failure:
    'The host name did not resolve: check the DNS record (spelling, TTL, recent changes), the resolver the client uses (split-horizon, /etc/resolv.conf, CoreDNS) and retry behaviour for EAI_AGAIN.',
  network_timeout:
    'The connection or handshake timed out: check reachability from the client network (firewalls dropping packets, security groups, proxies), server accept backlog and load, and client connect/handshake timeouts.',
  network_reset:
    'The connection was reset mid-way: check load balancer and proxy idle timeouts (send pings more often than the shortest one), server restarts and OOM kills, and middleboxes that reset long-lived connections.',
  http_rejected:
    'The server or a proxy answered the upgrade with an HTTP error instead of 101: check the status (404 wrong path/route, 400 missing Upgrade/Connection headers stripped by a proxy, 403 Origin or WAF rule, 426/5xx backend), and make proxies pass Upgrade and Connection (nginx proxy_http_version 1.1 + proxy_set_header Upgrade/Connection).',
  http_auth_rejected:
    'The upgrade was refused for authentication (401) or proxy authentication (407): check the credentials or token the client sends on the upgrade request (browsers cannot set headers: use a cookie or a query token), their expiry, and proxy credentials.',
  subprotocol_mismatch:
    'Client and server did not agree on Sec-WebSocket-Protocol: make the server select one of the subprotocols the client offers (and echo it), or stop requiring one on the client; check that proxies do not strip the header.',
  protocol_error:
    'A peer broke the WebSocket framing rules (1002/1003/1007: bad frame, reserved bits, invalid UTF-8): check library versions on both sides, compression negotiated on one side only, and proxies that rewrite frames.',
  message_too_big:
    'A message exceeded the receiver limit (1009): raise the limit (e.g. ws maxPayload, nginx/Envoy buffer limits, server max message size) or split messages on the sender.',
  policy_violation:
    'The server closed with 1008 (policy violation): read the close reason; typical causes are authentication/authorization checks after connect, origin checks and rate limits.',
  server_error:
    'The server closed with an internal error (1011) or a gateway error (1014): check server logs around the event time for the exception or the failing upstream.',
  service_restart:
    'The server is restarting or overloaded (1012 service restart, 1013 try again later): reconnect with exponential backoff and jitter; drain connections gracefully during deploys.',
  abnormal_closure:
    'The connection dropped without a Close frame (1006): check network stability, proxy idle timeouts (keep pings under them), server crashes, and client-side logs for the underlying error; emit error texts with the event to narrow it down.',
  unknown_failure:
    'The connection failed but the event carries no usable evidence: include the error code and message, the handshake status and headers, and TLS details in the telemetry.',
};
