// The reproduction scenarios: what each loopback server does, and what the client application
// asks for (required extensions, subprotocols, TLS limits). Pure data; servers.ts and clients.ts act on it.
import type { LeafCase } from '../../support/certs.js';

export type TlsLimits = {
  minVersion?: 'TLSv1.2' | 'TLSv1.3';
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** OpenSSL cipher list (TLS 1.2 suites). */
  ciphers?: string;
};

export type WsBehaviour = {
  perMessageDeflate: boolean;
  maxPayloadBytes?: number;
  /** `verifyClient` says no: HTTP 403 on the upgrade. */
  rejectUpgrade?: boolean;
  /** `handleProtocols` selects nothing: no Sec-WebSocket-Protocol in the response. */
  acceptNoSubprotocol?: boolean;
  /** Destroy the socket right after the handshake, without a Close frame. */
  dropOnConnect?: boolean;
};

export type ServerSpec =
  | { kind: 'wss'; leaf: LeafCase; tls?: TlsLimits; ws: WsBehaviour; rawResponseExtensions?: undefined }
  | { kind: 'ws'; ws: WsBehaviour; rawResponseExtensions?: string }
  | { kind: 'closed-port' };

export type ClientProfile = {
  /** Extensions the application insists on (it fails the connection with 1010 without them). */
  requiredExtensions?: readonly string[];
  /** The `ws` client's `perMessageDeflate` option; `{ clientMaxWindowBits: false }` offers no window bits. */
  deflateOffer: boolean | { clientMaxWindowBits: false };
  /** Sec-WebSocket-Extensions that curl and Python send (what `ws` would send for `deflateOffer`). */
  requestExtensions?: string;
  protocols?: readonly string[];
  /** Sent after open (then the client waits for the server to close): a payload, or "bye" to ask for a normal close. Without it the client closes with 1000 right after open. */
  send?: string;
  tls?: TlsLimits;
};

export type Scenario = { id: string; server: ServerSpec; client: ClientProfile };

const echo: WsBehaviour = { perMessageDeflate: true };
const defaultClient: ClientProfile = { deflateOffer: true, requestExtensions: 'permessage-deflate; client_max_window_bits' };
const requiresDeflate: ClientProfile = { ...defaultClient, requiredExtensions: ['permessage-deflate'] };
/** ECDSA keys (certs.ts), so the server's one suite and the client's one suite share nothing. */
export const serverOnlyCipher = 'ECDHE-ECDSA-AES128-GCM-SHA256';
export const clientOnlyCipher = 'ECDHE-ECDSA-CHACHA20-POLY1305';

const wss = (leaf: LeafCase, extra: Partial<Extract<ServerSpec, { kind: 'wss' }>> = {}): ServerSpec => ({
  kind: 'wss',
  leaf,
  ws: echo,
  ...extra,
});

export const scenarios = [
  { id: 'tls-valid', server: wss('valid'), client: defaultClient },
  { id: 'tls-expired', server: wss('expired'), client: defaultClient },
  { id: 'tls-not-yet-valid', server: wss('not_yet_valid'), client: defaultClient },
  { id: 'tls-self-signed', server: wss('self_signed'), client: defaultClient },
  { id: 'tls-untrusted-root', server: wss('untrusted_root'), client: defaultClient },
  { id: 'tls-untrusted-chain', server: wss('untrusted_chain'), client: defaultClient },
  { id: 'tls-incomplete-chain', server: wss('incomplete_chain'), client: defaultClient },
  { id: 'tls-wrong-host', server: wss('wrong_host'), client: defaultClient },
  {
    id: 'tls-version',
    server: wss('valid', { tls: { minVersion: 'TLSv1.3' } }),
    client: { ...defaultClient, tls: { maxVersion: 'TLSv1.2' } },
  },
  {
    id: 'tls-cipher',
    server: wss('valid', { tls: { maxVersion: 'TLSv1.2', ciphers: serverOnlyCipher } }),
    client: { ...defaultClient, tls: { maxVersion: 'TLSv1.2', ciphers: clientOnlyCipher } },
  },
  { id: 'wss-forbidden', server: wss('valid', { ws: { ...echo, rejectUpgrade: true } }), client: defaultClient },
  { id: 'ws-no-deflate', server: { kind: 'ws', ws: { perMessageDeflate: false } }, client: requiresDeflate },
  {
    id: 'ws-bad-server-window-bits',
    server: { kind: 'ws', ws: echo, rawResponseExtensions: 'permessage-deflate; server_max_window_bits=7' },
    client: requiresDeflate,
  },
  {
    id: 'ws-unoffered-client-window-bits',
    server: { kind: 'ws', ws: echo, rawResponseExtensions: 'permessage-deflate; client_max_window_bits=10' },
    client: { ...requiresDeflate, deflateOffer: { clientMaxWindowBits: false }, requestExtensions: 'permessage-deflate' },
  },
  { id: 'ws-refused', server: { kind: 'closed-port' }, client: defaultClient },
  // The client sends and waits; the server drops the TCP connection without a Close frame.
  { id: 'ws-drop', server: { kind: 'ws', ws: { ...echo, dropOnConnect: true } }, client: { ...defaultClient, send: 'hello' } },
  {
    id: 'ws-max-payload',
    server: { kind: 'ws', ws: { ...echo, maxPayloadBytes: 64 } },
    client: { ...defaultClient, send: 'x'.repeat(1024) },
  },
  {
    id: 'ws-subprotocol',
    server: { kind: 'ws', ws: { ...echo, acceptNoSubprotocol: true } },
    client: { ...defaultClient, protocols: ['chat.v2'] },
  },
  { id: 'ws-normal-close', server: { kind: 'ws', ws: echo }, client: { ...defaultClient, send: 'bye' } },
] as const satisfies readonly Scenario[];

export type ScenarioId = (typeof scenarios)[number]['id'];

export function scenarioById(id: ScenarioId): Scenario {
  const found = scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`unknown scenario ${id}`);
  return found;
}
