/*
 * wsdiag browser snippet: reports each WebSocket of the page as telemetry v1 events to `wsdiag collect`,
 * with what a page can see: the URL, the close code and reason, wasClean, timing, the user agent
 * (browsers hide the TLS cause of a failure behind 1006; wsdiag correlates it with proxy and probe evidence).
 * Load it before the page's own scripts:
 *   <script src="browser-snippet.js" data-collector="https://collector.example/v1/events" data-service="web"></script>
 * or set window.wsdiagConfig = { collector, service, flushMs } first. No dependencies, no cookies.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var config = window.wsdiagConfig || {};
  var collector = config.collector || (script && script.getAttribute('data-collector'));
  var service = config.service || (script && script.getAttribute('data-service')) || location.hostname || 'web';
  var flushMs = config.flushMs || 1000;
  var Native = window.WebSocket;
  if (!collector || !Native || Native.wsdiagWrapped) return;

  var queue = [];
  var timer = null;

  function newId() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }

  // text/plain keeps the POST a CORS "simple request" (no preflight) and lets sendBeacon outlive the page.
  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (queue.length === 0) return;
    var body = queue.map(function (e) { return JSON.stringify(e); }).join('\n');
    queue = [];
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(collector, new Blob([body], { type: 'text/plain' }))) return;
      fetch(collector, { method: 'POST', body: body, keepalive: true, headers: { 'content-type': 'text/plain' } })['catch'](function () {});
    } catch (e) { /* telemetry never breaks the page */ }
  }

  function emit(event) {
    queue.push(event);
    if (!timer) timer = setTimeout(flush, flushMs);
  }

  addEventListener('pagehide', flush);

  function Wrapped(url, protocols) {
    var ws = arguments.length > 1 ? new Native(url, protocols) : new Native(url);
    var id = newId();
    var started = Date.now();
    var opened = false;
    var closingByPage = false;
    function base(outcome) {
      return {
        event_id: id + ':' + outcome,
        connection_id: id,
        ts: new Date().toISOString(),
        outcome: outcome,
        source: { kind: 'client', service: service, user_agent: navigator.userAgent },
        target: { url: ws.url },
        timing: { total_ms: Date.now() - started },
        labels: { page: location.origin + location.pathname }
      };
    }
    ws.addEventListener('open', function () {
      opened = true;
      var event = base('connected');
      event.handshake = { status: 101, response_extensions: ws.extensions };
      emit(event);
    });
    ws.addEventListener('close', function (e) {
      var event = base(opened ? 'closed' : 'failed');
      // 1005 and 1006 are never sent in a Close frame (RFC 6455 §7.4.1): the browser made them up.
      event.close = {
        code: e.code,
        initiator: closingByPage ? 'client' : e.wasClean ? 'server' : 'unknown',
        on_wire: e.wasClean && e.code !== 1005 && e.code !== 1006
      };
      if (e.reason) event.close.reason = e.reason.slice(0, 1024);
      event.labels.was_clean = String(e.wasClean);
      emit(event);
    });
    var close = ws.close;
    ws.close = function () {
      closingByPage = true;
      return close.apply(ws, arguments);
    };
    return ws;
  }
  Wrapped.prototype = Native.prototype;
  Wrapped.CONNECTING = 0;
  Wrapped.OPEN = 1;
  Wrapped.CLOSING = 2;
  Wrapped.CLOSED = 3;
  Wrapped.wsdiagWrapped = true;
  window.WebSocket = Wrapped;
})();
