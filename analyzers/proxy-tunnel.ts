// A forward proxy's lines of a tunnel or a forwarded upgrade that went through: a 2xx to its CONNECT (RFC 9110 §9.3.6: "Any
// 2xx (Successful) response indicates that the sender (and all inbound proxies) will switch to tunnel mode") or the
// upstream's 101 status line it logged (RFC 6455 §4.1: the upgrade was answered). Read by the none classifier (the tunnel
// opened) and the concept scanner (such a 2xx is no refused upgrade).
// @see https://www.rfc-editor.org/rfc/rfc9110#section-9.3.6

/** The upstream's "HTTP/1.1 101" status line in a proxy's log. */
export const UPSTREAM_SWITCHED = /\bHTTP\/1\.[01] 101\b/;

/** An access-log record of a CONNECT request ending where its status follows ("\"CONNECT host:443 HTTP/1.1\" "). */
export const CONNECT_REQUEST_BEFORE_STATUS = /\bCONNECT \S+ HTTP\/\d(?:\.\d)?"? *$/;

/** A proxy's lines showing the tunnel established (a quoted CONNECT record answered 2xx) or the upstream's 101 passed on. */
export const TUNNEL_PASSED = new RegExp(String.raw`"CONNECT \S+ HTTP\/\d(?:\.\d)?" 2\d\d\b|` + UPSTREAM_SWITCHED.source);
