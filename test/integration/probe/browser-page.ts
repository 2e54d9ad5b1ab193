// The page headless Chromium loads in the end-to-end test: it opens WebSocket connections and emits
// what a page can see (close code, URL, timing, user agent; never the TLS cause, which browsers hide)
// as telemetry v1 events to `wsdiag collect`, then tells the test it is done.
export interface PagePlan {
  /** wss:// URLs, each opened `attempts` times one after the other. */
  targets: string[];
  attempts: number;
  collectorUrl: string;
  doneUrl: string;
}

/** A script with no dependencies; JSON.stringify(plan) is the only thing interpolated. */
export function pageHtml(plan: PagePlan): string {
  return `<!doctype html><meta charset="utf-8"><title>wsdiag e2e</title><script>
const plan = ${JSON.stringify(plan)};
function attempt(url) {
  return new Promise((resolve) => {
    const started = performance.now();
    let opened = false;
    const ws = new WebSocket(url);
    ws.onopen = () => { opened = true; ws.close(1000, 'done'); };
    ws.onclose = (e) => {
      // 1005 and 1006 are set by the API, never read from a Close frame (RFC 6455 §7.1.5).
      const synthesized = e.code === 1005 || e.code === 1006;
      resolve({
        event_id: crypto.randomUUID(),
        ts: Date.now(),
        outcome: opened ? 'closed' : 'failed',
        source: { kind: 'client', service: 'web-app', user_agent: navigator.userAgent },
        target: { url },
        close: { code: e.code, ...(e.reason ? { reason: e.reason } : {}), on_wire: !synthesized, initiator: synthesized ? 'unknown' : 'client' },
        timing: { total_ms: Math.round(performance.now() - started) },
      });
    };
  });
}
(async () => {
  const events = [];
  for (const url of plan.targets) for (let i = 0; i < plan.attempts; i++) events.push(await attempt(url));
  const body = events.map((e) => JSON.stringify(e)).join('\\n');
  const res = await fetch(plan.collectorUrl, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  await fetch(plan.doneUrl + '?status=' + res.status + '&events=' + events.length);
})().catch((e) => fetch(plan.doneUrl + '?error=' + encodeURIComponent(String(e))));
</script>`;
}
