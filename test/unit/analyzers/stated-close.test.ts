import { describe, expect, it } from 'vitest';
import { statedCloseBeforeReset } from '../../../analyzers/session-end.js';

const server = { kind: 'server' };

describe('statedCloseBeforeReset', () => {
  it('reads a server line stating its close code before the peer reset', () => {
    expect(statedCloseBeforeReset(server, 'INFO app.ws - ws /ws closing with 1008\nERROR app.ws - receive failed\njava.io.IOException: Connection reset by peer')).toBe(true);
    expect(statedCloseBeforeReset(server, 'sending close 1011\nwrite: broken pipe')).toBe(true);
    expect(statedCloseBeforeReset(server, 'ws.close(1001) called\nread ECONNRESET')).toBe(true);
  });
  it('keeps a reset before any stated close, a client, or no reset as they are', () => {
    expect(statedCloseBeforeReset(server, 'Connection reset by peer\nclosing with 1000')).toBe(false);
    expect(statedCloseBeforeReset({ kind: 'client' }, 'closing with 1008\nConnection reset by peer')).toBe(false);
    expect(statedCloseBeforeReset(server, 'closing with 1008')).toBe(false);
  });
});
