// Accuracy of wsdiag next to the close-code baseline on the held-out sets (test/fixtures/holdout*), made
// apart from the corpus the engine is tuned on; lists every miss with the evidence that decided it.
// Run: `npm run build && node dist/bench/holdout-accuracy.js [folder]` (no folder: every set).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../analyzers/classify.js';
import { findRepoRoot, formatReport, loadCorpus, runAccuracy, type CorpusSample } from './accuracy.js';

/** A held-out set: its folder, the prefix of its event ids, and the accuracy floors its test holds it to. */
export interface HoldoutSet {
  readonly dir: string;
  readonly idPrefix: string;
  /** Regression floors (share of samples), set below the figure measured when the set was made. */
  readonly floors: { readonly attribution: number; readonly cause: number };
}

export const HOLDOUT_SETS: readonly HoldoutSet[] = [
  // Blind when made (93.7% / 81.1%); rules were later added after its misses, so it is no longer blind.
  { dir: join('test', 'fixtures', 'holdout'), idPrefix: 'holdout', floors: { attribution: 0.85, cause: 0.75 } },
  // Made with other stacks after those changes, measured blind once: 96.0% / 77.5% (173 samples); its misses then led to changes too.
  { dir: join('test', 'fixtures', 'holdout-2'), idPrefix: 'holdout2', floors: { attribution: 0.9, cause: 0.7 } },
  // Made after the changes holdout-2 led to, with other stacks again, measured blind once: 90.5% / 65.9% (179 samples); its misses then led to changes too.
  { dir: join('test', 'fixtures', 'holdout-3'), idPrefix: 'holdout3', floors: { attribution: 0.85, cause: 0.6 } },
  // Made after the changes holdout-3 led to, with other stacks again, measured blind once: 93.9% / 75.8% (165 samples).
  { dir: join('test', 'fixtures', 'holdout-4'), idPrefix: 'holdout4', floors: { attribution: 0.85, cause: 0.65 } },
  // Made before the generalising engine (issue 11) with 11 new stacks, measured blind once on c2fe4a4: 85.0% / 65.8% (354 samples).
  { dir: join('test', 'fixtures', 'holdout-5'), idPrefix: 'holdout5', floors: { attribution: 0.8, cause: 0.6 } },
  // Made while the issue-11 engine was built, apart from its authors, with 6 new stacks; measured blind once after it (fec619c): 97.6% / 86.8% (205 samples).
  { dir: join('test', 'fixtures', 'holdout-6'), idPrefix: 'holdout6', floors: { attribution: 0.9, cause: 0.8 } },
  // Made blind with 7 new stacks before this session's engine work, measured once on the frozen engine (ef539f6, 0.2.0): 99.2% / 86.0% (243 samples).
  { dir: join('test', 'fixtures', 'holdout-7'), idPrefix: 'holdout7', floors: { attribution: 0.95, cause: 0.8 } },
  // Made blind with 7 new stacks (and faye) while this session's engine work went on, measured once after it (52a4767, 1.5.3): 96.1% / 83.9% (230 samples).
  { dir: join('test', 'fixtures', 'holdout-8'), idPrefix: 'holdout8', floors: { attribution: 0.93, cause: 0.8 } },
  // Made blind with 8 new stacks before this session's engine work, measured once on the frozen engine (146a4ef, 1.5.4): 97.3% / 89.3% (262 samples).
  { dir: join('test', 'fixtures', 'holdout-9'), idPrefix: 'holdout9', floors: { attribution: 0.95, cause: 0.85 } },
  // Made blind with 8 new stacks while this session's engine work went on, measured once after it (b41d0ac, 1.5.12): 96.0% / 91.6% (250 samples).
  { dir: join('test', 'fixtures', 'holdout-10'), idPrefix: 'holdout10', floors: { attribution: 0.94, cause: 0.88 } },
  // Made blind with 7 new stacks in the previous session, measured once on this session's frozen engine (3cf6ce5, 1.5.16): 96.3% / 87.9% (214 samples).
  { dir: join('test', 'fixtures', 'holdout-11'), idPrefix: 'holdout11', floors: { attribution: 0.99, cause: 0.97 } },
  // Made blind with 8 new stacks while this session's engine work went on, measured once after it (3512a88, 1.5.20): 98.8% / 92.4% (251 samples).
  // Then a training set: 1.5.21 (its families in general form) 99.6% / 97.6%.
  { dir: join('test', 'fixtures', 'holdout-12'), idPrefix: 'holdout12', floors: { attribution: 0.99, cause: 0.96 } },
  // Made blind with 9 new stacks while round 5 went on, measured once after it (8fd2a01, 1.5.22): 94.4% / 83.7% (301 samples).
  { dir: join('test', 'fixtures', 'holdout-13'), idPrefix: 'holdout13', floors: { attribution: 0.99, cause: 0.97 } },
  // Made blind with 6 new stacks while round 6 went on (eng-h, eng-i), measured once after it (8de8b7f, 1.5.25): 99.6% / 93.3% (240 samples).
  // Then a training set: 1.5.26 (its families in general form, three lines relabelled by written conventions) 100% / 100%.
  { dir: join('test', 'fixtures', 'holdout-14'), idPrefix: 'holdout14', floors: { attribution: 0.99, cause: 0.97 } },
  // Made blind with 6 new stacks (ratchet_rs, Micronaut, libhv, gatus, graphql-ws, frp) during round 7, measured once after it (0adb12a, 1.5.27): 100.0% / 94.6% (280 samples).
  // Then a training set: 1.5.28 (its families in general form, ratchet-16 relabelled by the written 1010 rule) 100% / 97.9%.
  // Then a training set: 1.5.29 (round 8) 100% / 99.3%.
  { dir: join('test', 'fixtures', 'holdout-15'), idPrefix: 'holdout15', floors: { attribution: 0.99, cause: 0.98 } },
  // Made blind with 6 new stacks (websocket-lite, centrifuge-go, sttp client4, SignalR JS, Skipper, oauth2-proxy) during round 8, measured once after it (a86bb8c, 1.5.29): 96.6% / 86.3% (262 samples).
  // Then a training set: 1.5.31 (round 9) 100% / 100%.
  { dir: join('test', 'fixtures', 'holdout-16'), idPrefix: 'holdout16', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (jsonrpsee, Drogon, Artillery probe, @stomp/stompjs, tinyproxy, nats.ws/nats-server) during round 9, measured once after it (0d10625, 1.5.31): 99.7% / 91.8% (294 samples).
  // Then a training set: 1.5.32 (round 10) 99.7% / 95.6%.
  { dir: join('test', 'fixtures', 'holdout-17'), idPrefix: 'holdout17', floors: { attribution: 0.99, cause: 0.95 } },
  // Made blind with 6 new stacks (Erlang gun, Perl Net::Async::WebSocket, python-socketio, paho-mqtt, gost, wscat) during round 11,
  // measured once after it (954ef79, 1.5.35): 99.7% / 93.7% (287 samples). Then a training set.
  { dir: join('test', 'fixtures', 'holdout-18'), idPrefix: 'holdout18', floors: { attribution: 0.99, cause: 0.93 } },
  // Made blind with 6 new stacks (oatpp-websocket, sockjs-client, uvicorn and fastify server logs, 3proxy proxy logs, ws-rs) during
  // rounds 11-12, measured once after them (620ae43, 1.5.38): 92.5% / 82.0% (305 samples). Then a training set.
  // Then a training set: 1.5.41 (round 13) 100% / 100%.
  { dir: join('test', 'fixtures', 'holdout-19'), idPrefix: 'holdout19', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (websocket-sharp, lomond, hypercorn server logs, privoxy proxy logs, Xray-core proxy logs,
  // em-websocket server logs) during round 13, measured once after it (359fa89, 1.5.41): 87.8% / 84.2% (311 samples). Then a training set:
  // 1.5.44 (round 14) 98.7% / 97.7%.
  { dir: join('test', 'fixtures', 'holdout-20'), idPrefix: 'holdout20', floors: { attribution: 0.98, cause: 0.97 } },
  // Made blind with 6 new stacks (tsung probe, mqtt.js, Spring/Tomcat client, Varnish and sing-box proxy logs, daphne server logs)
  // during round 14, measured once after it (bf9c5b6, 1.5.44): 95.4% / 86.8% (303 samples). Then a training set: 94.7% / 86.1%
  // on 1.5.47 (round 13's reading of a 1005 read from a Close frame as a clean close withdrawn: mqttjs-54/-58 miss again);
  // 99.3% / 98.7% on 1.5.49 (round 15); 99.3% / 99.3% on 1.5.52 (round 16).
  { dir: join('test', 'fixtures', 'holdout-21'), idPrefix: 'holdout21', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (Dante SOCKS proxy logs, Sanic, Hono, Robyn and socketify server logs, Primus) during session 25's
  // round 15, measured once at the start of session 26 (e5d05ac, 1.5.49): 91.8% / 86.6% (291 samples). Then a training set:
  // 1.5.52 (round 16) 99.7% / 99.7% (hono-8: a 1005 its emitter marked as read from a frame).
  { dir: join('test', 'fixtures', 'holdout-22'), idPrefix: 'holdout22', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (Cowboy, uWSGI and axum server logs, Gatling probe, Spring Cloud Gateway proxy logs,
  // socketcluster-client) during round 16, measured once after it (a9c8f44, 1.5.52): 95.2% / 83.4% (314 samples). Then a training set:
  // 1.5.55 (round 17) 100% / 99.7% (uwsgi-39 relabelled by the keepalive-timeout convention).
  { dir: join('test', 'fixtures', 'holdout-23'), idPrefix: 'holdout23', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (gunicorn + gevent-websocket, Hocuspocus and Quarkus server logs, Locust probe, pen proxy logs,
  // subscriptions-transport-ws) during round 17, measured once after it (bc5adc2, 1.5.55): 91.6% / 79.9% (309 samples). Then a
  // training set: 1.5.58 (round 18) 99.7% / 99.4% (locust-34 relabelled by the "Invalid WebSocket Header" reading).
  { dir: join('test', 'fixtures', 'holdout-24'), idPrefix: 'holdout24', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (eventlet, warp, express-ws and Javalin server logs, shadowsocks-libev tunnel logs, partysocket)
  // during round 18, measured once after it (009cae3, 1.5.58): 95.3% / 91.3% (299 samples). Then a training set: 1.5.61
  // (round 19) 99.7% / 99.7%.
  { dir: join('test', 'fixtures', 'holdout-25'), idPrefix: 'holdout25', floors: { attribution: 0.99, cause: 0.99 } },
  { dir: join('test', 'fixtures', 'holdout-26'), idPrefix: 'holdout26', floors: { attribution: 0.99, cause: 0.99 } },
  { dir: join('test', 'fixtures', 'holdout-27'), idPrefix: 'holdout27', floors: { attribution: 0.99, cause: 0.99 } },
  { dir: join('test', 'fixtures', 'holdout-28'), idPrefix: 'holdout28', floors: { attribution: 0.99, cause: 0.99 } },
  { dir: join('test', 'fixtures', 'holdout-29'), idPrefix: 'holdout29', floors: { attribution: 0.99, cause: 0.99 } },
  { dir: join('test', 'fixtures', 'holdout-30'), idPrefix: 'holdout30', floors: { attribution: 0.99, cause: 0.98 } },
  // Made blind with 6 new stacks (sniproxy, Pushpin and Pingora proxy logs; Crow, Rocket + rocket_ws, http4k server logs) in session 29,
  // measured once on the frozen engine (efdad7a, 1.5.71): 92.9% / 86.6% (410 samples). Then a training set.
  { dir: join('test', 'fixtures', 'holdout-31'), idPrefix: 'holdout31', floors: { attribution: 0.92, cause: 0.86 } },
  // Made blind with 6 new stacks (http-proxy-middleware and axum-reverse-proxy proxy logs; socketioxide, NanoHTTPD, Workerman server
  // logs; Akka HTTP client) while round 24 went on, measured once after it (c21e477, 1.5.76): 94.8% / 90.9% (384 samples), 9 false
  // 1010. Then a training set (10 lines relabelled after the measurement, README).
  { dir: join('test', 'fixtures', 'holdout-32'), idPrefix: 'holdout32', floors: { attribution: 0.94, cause: 0.9 } },
  // Made blind with 6 new stacks (@fastify/http-proxy and redbird proxy logs; hyper-tungstenite, nodejs-websocket and http4s server
  // logs; zio-http client) while round 25 went on, measured once after it (96a8b0c, 1.5.79): 98.3% / 94.6% (353 samples). Then a training set.
  { dir: join('test', 'fixtures', 'holdout-33'), idPrefix: 'holdout33', floors: { attribution: 0.98, cause: 0.94 } },
  // Made blind with 6 new stacks (koding/websocketproxy and http-proxy-3 proxy logs; flask-sock and tide-websockets server logs;
  // recws and neffos clients) while round 26 went on, measured once after it (015c0a6, 1.5.82): 98.5% / 96.5% (401 samples), 1 false
  // 1010. Then a training set.
  { dir: join('test', 'fixtures', 'holdout-34'), idPrefix: 'holdout34', floors: { attribution: 0.98, cause: 0.96 } },
  // Made blind with 6 new stacks (fabio and proxy-chain proxy logs; xitca-web and CometD server logs; ws-tool and stanza clients)
  // before the session's engine work, measured once on 1.5.83 (dfa24bd): 97.6% / 95.2% (417 samples), 1010 family 64/70. Then a training set.
  { dir: join('test', 'fixtures', 'holdout-35'), idPrefix: 'holdout35', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (yhat/wsutil and trillium-proxy proxy logs; go-socket.io and ohkami server logs; websocket-stream and
  // centrifuge-python clients) while round 28 went on, measured once after it (457c4b3, 1.5.86): 99.8% / 97.7% (441 samples), 1 false
  // 1015, 1010 family 73/73. Then a training set.
  { dir: join('test', 'fixtures', 'holdout-36'), idPrefix: 'holdout36', floors: { attribution: 0.99, cause: 0.97 } },
  // Made blind with 6 new stacks (hudsucker and http-mitm-proxy proxy logs; colyseus and Atmosphere server logs; ws-wrapper and
  // wampy clients) while round 29 went on, measured once after it (dd9fed7, 1.5.89): 96.8% / 94.8% (444 samples), 2 false 1010,
  // 1010 family 68/70. Then a training set.
  { dir: join('test', 'fixtures', 'holdout-37'), idPrefix: 'holdout37', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (elazarl/goproxy and google/martian proxy logs; microdot and Simple-WebSocket-Server server logs;
  // goobs and jsonrpc-websocket clients) while round 30 went on, measured once after it (c059d48, 1.5.92): 94.4% / 91.0% (431
  // samples), 0 false 1010/1015, 1010 family 68/71. Then a training set.
  { dir: join('test', 'fixtures', 'holdout-38'), idPrefix: 'holdout38', floors: { attribution: 0.99, cause: 0.99 } },
  // Made blind with 6 new stacks (piko and ory/oathkeeper proxy logs; cinatra and Node-RED server logs; simpleobsws and
  // webstomp-client clients) while round 31 went on, measured once after it (c7b1cfc, 1.5.95): 97.4% / 93.2% (428 samples), 2 false
  // 1010, 1010 family 65/68. Then a training set.
  { dir: join('test', 'fixtures', 'holdout-39'), idPrefix: 'holdout39', floors: { attribution: 0.99, cause: 0.98 } },
  // Made blind with 6 new stacks (hellofresh/janus and pproxy proxy logs; Mosquitto and Kore server logs; obs-websocket-js and
  // Pysher clients) while round 32 went on, measured once after it (c68286e, 1.5.98): 97.8% / 94.6% (404 samples), 0 false
  // 1010/1015, 1010 family 56/56. Then a training set.
  { dir: join('test', 'fixtures', 'holdout-40'), idPrefix: 'holdout40', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-41: made blind (inlets and sish proxy logs, lwan and facil.io server logs, ethers WebSocketProvider and web3.py clients)
  // after round 33, reviewed (4 relabels), measured once on 1.5.101 (b707a21): 94.8% / 89.1% (403 samples), 0 false 1010/1015,
  // 1010 family 71/71. Then a training set (round 34; 3 labels corrected after the measurement, noted per line).
  { dir: join('test', 'fixtures', 'holdout-41'), idPrefix: 'holdout41', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-42: made blind (Easegress and gobetween proxy logs, seasocks and RabbitMQ Web-STOMP/Web-MQTT server logs, viem and
  // aiosonic clients) while round 34 went on, reviewed (2 relabels), measured once after it (bacb08b, 1.5.104): 98.3% / 93.3%
  // (466 samples), 0 false 1010/1015, 1010 family 79/79. Then a training set (round 35).
  // Round 39 (session 33): seasocks-44, -45, -49, -52 relabelled by the lead (a server's view of an answer leaving out an offered
  // server_no_context_takeover is no 1010: RFC 7692 §7.1.1.1, the server declines that parameter), training only.
  { dir: join('test', 'fixtures', 'holdout-42'), idPrefix: 'holdout42', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-43: made blind (MOSN and localtunnel proxy/tunnel logs, NanoMQ and txWS server logs, nostr-tools and async-wsocket
  // clients) while round 35 went on, reviewed (4 relabels), measured once after it (825ca5e, 1.5.107): 95.1% / 89.5% (410 samples),
  // 0 false 1010/1015, 1010 family 45/45. Then a training set (round 36; 3 labels corrected after the measurement, noted per line).
  { dir: join('test', 'fixtures', 'holdout-43'), idPrefix: 'holdout43', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-44: made blind (River and brook proxy/tunnel logs, Yaws and pywebsocket3 server logs, gql and web3.js clients) while
  // round 36 went on, reviewed (no relabel), measured once after it (3989ded, 1.5.110): 94.2% / 89.9% (417 samples), 0 false
  // 1010/1015, 1010 family 60/73. Then a training set (round 37; 1 label corrected after the measurement, noted on its line).
  { dir: join('test', 'fixtures', 'holdout-44'), idPrefix: 'holdout44', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-45: made blind (trojan-go and proxy.py proxy/tunnel logs, Crossbar.io and Streamlit server logs, pysignalr and
  // @libsql/client clients) while round 37 went on, reviewed (no relabel), measured once after it (f38de8e, 1.5.113): 95.9% / 88.8%
  // (410 samples), 0 false 1010, 3 false 1015 (one a mislabel), 1010 family 66/67. Then a training set (round 38; 3 labels corrected
  // after the measurement, noted per line).
  { dir: join('test', 'fixtures', 'holdout-45'), idPrefix: 'holdout45', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-46: made blind (whistle and AnyProxy proxy logs, Bokeh server and PyWebIO server logs, openai realtime and alpaca-py
  // clients) while round 38 went on, reviewed (no relabel), measured once after it (019af10, 1.5.116): 96.0% / 92.7% (425 samples),
  // 2 false 1010, 1 false 1015, 1010 family 58/69. Then a training set (round 39; 1 label corrected after the measurement, noted).
  { dir: join('test', 'fixtures', 'holdout-46'), idPrefix: 'holdout46', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-47: made blind (Prosody and Kamailio server logs, xmpp.js and JsSIP clients, Spark Java and GoTTY server and client views)
  // while round 39 went on, reviewed (3 relabels), measured once after it (c73cf42, 1.5.119): 96.9% / 93.0% (416 samples), 0 false
  // 1010/1015, 1010 family 65/69. Then a training set (round 40; 11 labels corrected after the measurement, noted per line).
  { dir: join('test', 'fixtures', 'holdout-47'), idPrefix: 'holdout47', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-48: made blind (ejabberd, rust_socketio, ActiveJ, Ratpack, GoFrame, ShareDB) while round 40 went on, reviewed (no relabel),
  // measured once after it (80d8954, 1.5.122): 99.1% / 97.0% (430 samples), 0 false 1010/1015, 1010 family 69/71. Then a training set
  // (round 41; 4 labels corrected after the measurement, noted per line).
  { dir: join('test', 'fixtures', 'holdout-48'), idPrefix: 'holdout48', floors: { attribution: 0.99, cause: 0.99 } },
  // holdout-49: made blind after round 40 (xrpl.js, @polkadot/api, slack_sdk, ActiveMQ Artemis, Mopidy, Echo), reviewed (1 relabel),
  // measured once on the same engine as holdout-48 (d3c6e99, 1.5.122): 96.7% / 95.5% (425 samples), 0 false 1010/1015, 1010 family
  // 59/68. Then a training set (round 41; 1 label corrected after the measurement, noted).
  { dir: join('test', 'fixtures', 'holdout-49'), idPrefix: 'holdout49', floors: { attribution: 0.99, cause: 0.99 } },
];

export interface HoldoutMiss {
  eventId: string;
  expected: string;
  got: string;
  evidence: string[];
  /** What the stack printed (error.message, else close code), for the lead's report. */
  text: string;
}

/** Every sample whose attribution or cause differs from the expected one. */
export function holdoutMisses(samples: readonly CorpusSample[]): HoldoutMiss[] {
  const misses: HoldoutMiss[] = [];
  for (const sample of samples) {
    const result = classify(sample.event);
    const { attribution, cause } = sample.expected;
    if (result.attribution === attribution && result.cause === cause) continue;
    const { error, close, handshake } = sample.event;
    const text =
      error?.message ??
      (close?.code !== undefined ? `close ${close.code}${close.reason ? ` ${close.reason}` : ''}` : `handshake ${JSON.stringify(handshake ?? {})}`);
    misses.push({
      eventId: sample.event.event_id,
      expected: `${attribution}/${cause}`,
      got: `${result.attribution}/${result.cause}`,
      evidence: result.evidence.map((item) => `${item.kind}: ${item.detail}`),
      text,
    });
  }
  return misses;
}

export function formatMisses(misses: readonly HoldoutMiss[]): string {
  if (misses.length === 0) return 'holdout misses: none';
  return [
    `holdout misses (${misses.length})`,
    ...misses.flatMap((miss) => [
      `- ${miss.eventId}: expected ${miss.expected}, got ${miss.got}`,
      `    text: ${miss.text.replace(/\n/g, ' | ')}`,
      ...(miss.evidence.length === 0 ? ['    evidence: (none)'] : miss.evidence.map((line) => `    evidence: ${line}`)),
    ]),
  ].join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const dirs = process.argv[2] ? [process.argv[2]] : HOLDOUT_SETS.map((set) => set.dir);
  for (const dir of dirs) {
    const { samples, errors } = loadCorpus(join(findRepoRoot(), dir));
    if (errors.length > 0) {
      process.stderr.write(`invalid lines in ${dir}:\n${errors.join('\n')}\n`);
      process.exitCode = 1;
    }
    process.stdout.write(`${dir}: ${samples.length} samples\n${formatReport(runAccuracy(samples))}\n\n${formatMisses(holdoutMisses(samples))}\n\n`);
  }
}
