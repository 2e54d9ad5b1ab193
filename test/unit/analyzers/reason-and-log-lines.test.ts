// Issue 11, holdout-8's miss families: a certificate reason next to a sent alert, proxy access-log lines,
// per-connection log lines on a connection that closed, and application refusals in words.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event } from './event-builder.js';

const proxy = { kind: 'proxy', service: 'edge', runtime: 'proxy 1.0' } as const;
const outcomeOf = (input: Partial<TelemetryEventInput>): string => {
  const result = classify(event(input));
  return `${result.attribution}/${result.cause}`;
};

describe('a specific certificate reason next to the alert the client sent', () => {
  it.each([
    ['[InFuture] beside a sent certificate_expired', '[InFuture]', 'CertificateExpired', 'sent', '1015/cert_not_yet_valid'],
    ['[SelfSigned] beside a sent unknown_ca', '[SelfSigned]', 'UnknownCa', 'sent', '1015/self_signed'],
    ['[NameMismatch "host"] beside a sent certificate_unknown', '[NameMismatch "localhost"]', 'CertificateUnknown', 'sent', '1015/hostname_mismatch'],
    ['"certificate rejected: [NameMismatch ...]"', 'HandshakeFailed (Error_Protocol ("certificate rejected: [NameMismatch \\"localhost\\"]",True,CertificateUnknown))', 'CertificateUnknown', 'sent', '1015/hostname_mismatch'],
    // A received alert is the server's own verdict and stays strong.
    ['a received certificate_expired keeps its cause', '[InFuture]', 'CertificateExpired', 'received', '1015/cert_expired'],
    // The constructor names count only as members of a shown list.
    ['"Expired" as a plain word is no reason list', 'session Expired, please log in again', undefined, undefined, 'other/unknown_failure'],
  ] as const)('%s', (_label, message, alert, direction, expected) => {
    const tls = alert === undefined ? {} : { tls: { alert, alert_direction: direction } };
    expect(outcomeOf({ error: { message }, ...tls })).toBe(expected);
  });

  it.each([
    ['POCO: application verification failure is the host name check', 'Certificate validation error: Unacceptable certificate from localhost: application verification failure', '1015/hostname_mismatch'],
    ['Traffic Server: SNI not in the origin certificate', '[ET_NET 1] WARNING: SNI (localhost) not in certificate. Action=Terminate server=localhost(127.0.0.1)', '1015/hostname_mismatch'],
  ])('%s', (_label, message, expected) => {
    expect(outcomeOf({ error: { message } })).toBe(expected);
  });
});

describe('proxy access-log lines (Squid native format)', () => {
  it.each([
    ['an origin 500 passed through', '26 127.0.0.1 TCP_MISS/500 193 GET wss://localhost:24204/ - DIRECT/localhost text/plain', 500, 'other/http_rejected'],
    ['an origin 503 passed through', '52 127.0.0.1 TCP_MISS/503 189 GET wss://localhost:24230/ - DIRECT/localhost text/plain', 503, 'other/http_rejected'],
    ["the proxy's own connect failure names no cause", '65 127.0.0.1 ERR_CONNECT_FAIL/502 477 GET wss://localhost:24222/ - DIRECT/localhost text/html', 502, 'other/unknown_failure'],
  ])('%s', (_label, message, status, expected) => {
    expect(outcomeOf({ source: proxy, handshake: { status }, error: { message } })).toBe(expected);
  });
});

describe('per-connection log lines of a connection that closed', () => {
  it.each([
    ['hitch "Connection closed by backend"', 'closed', '127.0.0.1:33248 :53474 15:16 Connection closed by backend', undefined, 'none/normal_closure'],
    ['"unexpected eof while reading" after data', 'closed', '127.0.0.1:34294 :56992 8:9 SSL_read error: error:0A000126:SSL routines::unexpected eof while reading', undefined, 'none/normal_closure'],
    ['a tunnel logged as TCP_MISS/101', 'closed', '234 127.0.0.1 TCP_MISS/101 193 GET wss://localhost:24206/ - DIRECT/localhost -', 101, 'none/normal_closure'],
    // The same words on a failed connection stay failures.
    ['"unexpected eof while reading" on a failed connection', 'failed', 'SSL_connect: error:0A000126:SSL routines::unexpected eof while reading', undefined, '1015/tls_unknown'],
    ['a reset after the upgrade is no orderly end', 'closed', 'read: connection reset by peer', 101, 'other/abnormal_closure'],
  ] as const)('%s', (_label, outcome, message, status, expected) => {
    const handshake = status === undefined ? {} : { handshake: { status } };
    expect(outcomeOf({ outcome, source: proxy, error: { message }, ...handshake })).toBe(expected);
  });
});

describe('refusals in words', () => {
  it.each([
    ['not authorized', 'other/http_auth_rejected'],
    ['token expired', 'other/http_auth_rejected'],
    ['Invalid namespace', 'other/http_rejected'],
    ['Unexpected server reply', 'other/http_rejected'],
    ['OtherHandshakeException "Network.WebSockets.Client.newClientConnection: no handshake response from server"', 'other/network_reset'],
    ['HandshakeFailed Error_EOF', '1015/tls_unknown'],
  ])('%s', (message, expected) => {
    expect(outcomeOf({ error: { message } })).toBe(expected);
  });
});
