// Round 15 (holdout-21's probe and cache-proxy families in general form, 1.5.46): a load-test probe's per-attempt counters
// (tsung src/tsung/ts_client.erl error_connect_<inet reason>, error_abort_max_conn_retries, async_unknown_data_rcv;
// ts_websocket.erl websocket_fail; ts_search.erl match.log), Erlang socket messages in an OTP crash report, the state dump
// of such a report (no version evidence), and a cache's pipe records (Varnish vsl_tags.h PipeAcct, sess_close.h reasons,
// cache_backend.c FetchError). Texts written for these tests in the tools' documented formats; none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const probe = { kind: 'probe', service: 'loadtest', runtime: 'tsung 1.8.0 (Erlang/OTP 26)' } as const;
const onProbe = (outcome: 'connected' | 'failed' | 'closed', message: string): Partial<TelemetryEventInput> => ({
  source: probe,
  outcome,
  target: { url: 'wss://push.example.test/feed' },
  error: { message },
});
const stats = (...counters: string[]): string => counters.map((counter) => `stats: ${counter}`).join('\n');

describe("a load-test probe's connect counters read as the codes they are", () => {
  it.each([
    ['a closed connect, retries ran out', stats('error_connect_closed 3 3', 'error_abort_max_conn_retries 1 1'), 'other/network_reset'],
    ['a reset connect', stats('error_connect_econnreset 2 2', 'error_abort_max_conn_retries 1 1'), 'other/network_reset'],
    ['a refused connect, retries ran out', stats('error_connect_econnrefused 3 3', 'error_abort_max_conn_retries 1 1'), 'other/connection_refused'],
    ['a connect timeout, retries ran out', stats('error_connect_timeout 3 3', 'error_abort_max_conn_retries 1 1'), 'other/network_timeout'],
    ['a host that did not resolve', stats('error_connect_nxdomain 1 1', 'error_abort_max_conn_retries 1 1'), 'other/dns_failure'],
    ['retries that ran out alone name no cause', stats('error_abort_max_conn_retries 1 1'), 'other/unknown_failure'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf(onProbe('failed', message))).toBe(expected);
  });

  it('data that arrived between requests on a session that ran through is no failure', () => {
    expect(verdictOf(onProbe('connected', stats('async_unknown_data_rcv 2 2')))).toBe('none/connected');
  });

  it('the same counter on a failed attempt does not make it a success', () => {
    expect(verdictOf(onProbe('failed', stats('async_unknown_data_rcv 1 1', 'error_connect_closed 1 1')))).toBe('other/network_reset');
  });
});

describe("a probe's failed check on the upgrade's headers (convention 7)", () => {
  const matchLog = (action: string, name: string): string => `match.log: 1767603121.004211 7 3 2 ${action} - ${name}`;
  it('a failed check named for the extension header is the 1010 family', () => {
    expect(verdictOf(onProbe('closed', `${stats('match_abort 1 1', 'nomatch 1 1')}\n${matchLog('match_abort', 'Sec-WebSocket-Extensions: permessage-deflate required')}`))).toBe('1010/extension_not_negotiated');
  });
  it('a failed check named for the subprotocol header is a subprotocol mismatch', () => {
    expect(verdictOf(onProbe('closed', `${stats('match_stop 1 1', 'nomatch 1 1')}\n${matchLog('match_stop', 'Sec-WebSocket-Protocol=v2.feed')}`))).toBe('other/subprotocol_mismatch');
  });
  it('a check that matched (no nomatch counter) is no 1010', () => {
    expect(verdictOf(onProbe('closed', `${stats('match_stop 1 1')}\n${matchLog('match_stop', 'Sec-WebSocket-Extensions:permessage-deflate')}`))).not.toMatch(/^1010/);
  });
});

describe("an OTP crash report's last message and state dump", () => {
  const report = (lastMessage: string, state: string, reason: string): string =>
    ['stats: error_unknown 1 1', '=ERROR REPORT==== 5-Jan-2026::09:12:01 ===', '** State machine <0.211.0> terminating', `** Last message in was ${lastMessage}`, '** When State == wait_ack', `**      Data  == ${state}`, '** Reason for termination ==', `** ${reason}`].join('\n');
  const closedState = '{state_rcv,none,{{0,0,0,0},0},undefined,0,10000,"push.example.test",443,ts_tcp,{proto_opts,negotiate,negotiate,"/feed"}}';
  it('a peer that closed the TCP connection before the answer is a reset', () => {
    expect(verdictOf(onProbe('failed', report('{tcp_closed,#Port<0.42>}', closedState, '{function_clause,[{ts_websocket,get_message,2}]}')))).toBe('other/network_reset');
  });
  it('an established TLS connection that closed is a reset, not a TLS failure', () => {
    expect(verdictOf(onProbe('failed', report('{ssl_closed,\n   {sslsocket,{gen_tcp,#Port<0.42>,tls_connection,undefined},[<0.220.0>]}}', closedState, '{function_clause,[{ts_websocket,get_message,2}]}')))).toBe('other/network_reset');
  });
  it('TLS versions in the state dump are configuration: a handshake_failure alert stays a cipher mismatch', () => {
    const state = "{state_rcv,none,{{0,0,0,0},0},undefined,0,10000,\"push.example.test\",443,ts_ssl,{proto_opts,\"ECDHE-RSA-AES256-GCM-SHA384\",['tlsv1.2','tlsv1.3'],\"/feed\"}}";
    const reason = '{badarg,[{erlang,atom_to_list,[{tls_alert,{handshake_failure,"TLS client: In state hello received SERVER ALERT: Fatal - Handshake Failure\\n"}}]}]}';
    expect(verdictOf(onProbe('failed', report('{timeout,#Ref<0.1.2.3>,end_thinktime}', state, reason)))).toBe('1015/cipher_mismatch');
  });
  it("a 101 the probe's handshake check refused is a protocol error", () => {
    const answer = '{tcp,#Port<0.42>,<<"HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\\r\\n\\r\\n">>}';
    expect(verdictOf(onProbe('failed', report(answer, closedState, '{function_clause,[{ts_websocket,get_message,2}]}').replace('stats: error_unknown 1 1', stats('error_unknown 1 1', 'websocket_fail 1 1'))))).toBe('other/protocol_error');
  });
});

describe("a cache's records of a piped upgrade (Varnish varnishlog)", () => {
  const cache = { kind: 'proxy', service: 'edge-cache', runtime: 'varnish 7.5' } as const;
  const records = (...rows: string[]): string => rows.map((row) => `-   ${row}`).join('\n');
  const onCache = (message: string): Partial<TelemetryEventInput> => ({ source: cache, outcome: 'failed', target: { url: 'ws://edge.example.test/feed' }, error: { message } });
  it.each([
    ['a pipe whose backend request went out and that sent nothing back', records('Link           bereq 9 pipe', 'PipeAcct       301 355 0 0', 'SessClose      TX_PIPE 0.004'), 'other/network_reset'],
    ['a receive timeout on the client session', records('ReqStart       10.0.0.5 51234 a0', 'SessClose      RX_TIMEOUT 5.001'), 'other/network_timeout'],
    ['the client closed the session: no upstream failure named', records('ReqStart       10.0.0.5 51234 a0', 'SessClose      REM_CLOSE 4.870'), 'other/unknown_failure'],
    ['a backend its health probe marked sick', records('FetchError     backend default: unhealthy', 'PipeAcct       301 0 0 0', 'SessClose      TX_ERROR 0.001'), 'other/unknown_failure'],
    ['a failed backend connect with its errno', records('FetchError     backend default: fail errno 111 (Connection refused)', 'PipeAcct       301 0 0 0', 'SessClose      TX_ERROR 0.001'), 'other/connection_refused'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf(onCache(message))).toBe(expected);
  });

  it('a pipe that carried bytes both ways is not read as a reset', () => {
    expect(verdictOf({ ...onCache(records('PipeAcct       301 355 18 139', 'SessClose      TX_PIPE 0.003')), outcome: 'connected' })).toBe('none/connected');
  });
});
