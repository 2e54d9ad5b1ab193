// Issue 11, round 21 (eng-f1, 1.5.65): two concepts in general form. An idle timer that ended a connection, worded with no
// timeout word (poem's "closing connection due to inactivity", poem/src/server.rs serve_connection), is a network timeout
// (concept.idle_closed); an authentication and a verdict on it in either word order ("Service feed failed the authentication",
// "failed to authenticate", "auth failed") are credentials refused in words (concept.auth_failed). Texts are written for these
// tests in the shapes the cited sources print (names and values changed); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { SourcedFinding } from '../../../analyzers/candidate.js';
import { findConcepts } from '../../../analyzers/concepts/scanner.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const conceptIds = (text: string): string[] => {
  const out: SourcedFinding[] = [];
  findConcepts('error.message', text, out);
  return out.map((finding) => finding.rule);
};

const serverFailed = (message: string): Partial<TelemetryEventInput> => ({
  source: { kind: 'server', service: 'test', runtime: 'rust 1.90 hyper 1.5' },
  target: { url: 'ws://api.example.com/socket' },
  error: { message },
});

describe('an idle timer that ended the connection, in words without a timeout word: network_timeout (concept.idle_closed)', () => {
  it.each([
    ["poem's record of its idle_timeout (tracing's INFO line)", '2025-06-01T12:00:00.1Z  INFO poem::server: closing connection due to inactivity remote_addr=socket://10.0.0.9:5000'],
    ['the same words in another order', 'inactivity: connection 42 closed by server'],
    ['an inactive peer dropped', 'gateway: peer inactive for 300 s, dropping'],
    ['an idle period that ran out', 'session 7: idle period elapsed'],
    ['a maximum idle time exceeded', 'conn#12 max idle time exceeded, disconnecting'],
    ['no activity, then disconnected', 'client 10.0.0.9:5000 disconnected after 60 s with no activity'],
  ])('%s', (_label, message) => {
    expect(conceptIds(message)).toContain('concept.idle_closed');
    expect(verdictOf(serverFailed(message))).toBe('other/network_timeout');
  });

  it.each([
    // asyncio's transport repr on every debug line ("read=idle write=<idle, bufsize=0>"), beside a close word.
    ['a transport state in a repr', 'DEBUG: <_SelectorSocketTransport closing fd=7 read=idle write=<idle, bufsize=0>> received EOF'],
    // Netty's channelInactive event is any channel's close, whatever ended it.
    ["Netty's channel event", 'io.netty.channel.AbstractChannelHandlerContext.invokeChannelInactive closed'],
    ['idle words far from any close', 'worker pool idle; 3 threads. later: upstream sent RST, connection closed'],
  ])('no idle timer: %s', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.idle_closed');
  });

  it('a timeout word present is read by the timeout concepts, not twice', () => {
    // Jetty's IdleTimeout: "Idle timeout expired: 30000/30000 ms" (org.eclipse.jetty.io.IdleTimeout.checkIdleTimeout).
    const ids = conceptIds('java.util.concurrent.TimeoutException: Idle timeout expired: 30000/30000 ms, closing');
    expect(ids).not.toContain('concept.idle_closed');
    expect(verdictOf(serverFailed('java.util.concurrent.TimeoutException: Idle timeout expired: 30000/30000 ms, closing'))).toBe('other/network_timeout');
  });
});

describe('an authentication and a verdict on it, in either word order: http_auth_rejected (concept.auth_failed)', () => {
  it.each([
    ['verdict first, "the" between', 'ERROR conn{addr=10.0.0.9:5000}: tunnel::server: Service orders failed the authentication'],
    ['failed to authenticate', 'relay: client 10.0.0.9 failed to authenticate'],
    ['unable to authenticate', 'control channel: unable to authenticate with the server'],
    ['auth failed', 'upstream auth failed for tenant acme'],
    ['login refused', 'broker: login refused for user svc-feed'],
    ['authentication unsuccessful', 'handshake: authentication unsuccessful (attempt 3)'],
  ])('%s', (_label, message) => {
    expect(conceptIds(message)).toContain('concept.auth_failed');
    expect(verdictOf({ error: { message }, target: { url: 'ws://api.example.com/socket' } })).toBe('other/http_auth_rejected');
  });

  it.each([
    // Go's crypto/cipher GCM Open: data that failed its tag check, no credential.
    ['an AEAD tag check', 'noise: decrypt: cipher: message authentication failed'],
    ['an authentication tag', 'record rejected: authentication tag mismatch, auth failed'],
    // SslStream and Mono call the TLS handshake authentication.
    ['a TLS handshake', 'TLS client authentication failed: peer sent no certificate'],
    ['the act far from a verdict', 'auth module loaded; 12 routes; later: backend write failed'],
  ])('no credentials refused: %s', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.auth_failed');
  });

  it('data authentication is no credential refused for the fixed phrases either (concept.auth stands down)', () => {
    expect(conceptIds('cipher: message authentication failed')).not.toContain('concept.auth');
    expect(conceptIds('cipher: message authentication failed')).not.toContain('concept.auth_failed');
    expect(conceptIds('ws upgrade: authentication failed')).toContain('concept.auth');
  });

  it('incorrect or invalid credentials by their noun stay concept.credential_refused', () => {
    expect(conceptIds('Authentication failed: orders: Incorrect token')).toEqual(expect.arrayContaining(['concept.auth', 'concept.credential_refused']));
    expect(conceptIds('invalid credentials supplied')).toContain('concept.credential_refused');
  });
});
