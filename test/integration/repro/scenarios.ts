// The reproduction scenarios: what each loopback server does, and what the client application
// asks for (required extensions, subprotocols, TLS limits). Pure data; servers.ts and clients.ts act on it.
import type { LeafCase } from '../../support/certs.js';
import type { ClientId } from './clients.js';

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

export type Scenario = { id: string; summary: string; server: ServerSpec; client: ClientProfile };

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
  {
    id: 'tls-valid',
    summary: 'wss://, leaf → intermediate → trusted root, full chain served',
    server: wss('valid'),
    client: defaultClient,
  },
  { id: 'tls-expired', summary: 'wss://, leaf notAfter a year ago, full chain', server: wss('expired'), client: defaultClient },
  {
    id: 'tls-not-yet-valid',
    summary: 'wss://, leaf notBefore a year ahead, full chain',
    server: wss('not_yet_valid'),
    client: defaultClient,
  },
  { id: 'tls-self-signed', summary: 'wss://, self-signed leaf', server: wss('self_signed'), client: defaultClient },
  {
    id: 'tls-untrusted-root',
    summary: 'wss://, leaf issued by a root the client does not trust; the server sends leaf + that root',
    server: wss('untrusted_root'),
    client: defaultClient,
  },
  {
    id: 'tls-untrusted-chain',
    summary: 'wss://, leaf issued by an untrusted intermediate; the server sends leaf + intermediate',
    server: wss('untrusted_chain'),
    client: defaultClient,
  },
  {
    id: 'tls-incomplete-chain',
    summary: 'wss://, leaf issued by the trusted intermediate; the server sends the leaf alone',
    server: wss('incomplete_chain'),
    client: defaultClient,
  },
  { id: 'tls-wrong-host', summary: 'wss://, leaf for DNS:wrong.example only', server: wss('wrong_host'), client: defaultClient },
  {
    id: 'tls-version',
    summary: 'wss://, server minVersion TLSv1.3; client maxVersion TLSv1.2',
    server: wss('valid', { tls: { minVersion: 'TLSv1.3' } }),
    client: { ...defaultClient, tls: { maxVersion: 'TLSv1.2' } },
  },
  {
    id: 'tls-cipher',
    summary: `wss://, server TLS 1.2 with ${serverOnlyCipher} only; client offers ${clientOnlyCipher} only`,
    server: wss('valid', { tls: { maxVersion: 'TLSv1.2', ciphers: serverOnlyCipher } }),
    client: { ...defaultClient, tls: { maxVersion: 'TLSv1.2', ciphers: clientOnlyCipher } },
  },
  {
    id: 'wss-forbidden',
    summary: 'wss://, verifyClient rejects the upgrade with 403',
    server: wss('valid', { ws: { ...echo, rejectUpgrade: true } }),
    client: defaultClient,
  },
  {
    id: 'ws-no-deflate',
    summary: 'ws://, server perMessageDeflate: false; the client requires permessage-deflate',
    server: { kind: 'ws', ws: { perMessageDeflate: false } },
    client: requiresDeflate,
  },
  {
    id: 'ws-bad-server-window-bits',
    summary: 'ws://, hand-made 101 with server_max_window_bits=7 (RFC 7692 §7.1.2.1 allows 8–15)',
    server: { kind: 'ws', ws: echo, rawResponseExtensions: 'permessage-deflate; server_max_window_bits=7' },
    client: requiresDeflate,
  },
  {
    id: 'ws-unoffered-client-window-bits',
    summary: 'ws://, offer without client_max_window_bits; hand-made 101 with client_max_window_bits=10 (RFC 7692 §7.1.2.2)',
    server: { kind: 'ws', ws: echo, rawResponseExtensions: 'permessage-deflate; client_max_window_bits=10' },
    client: { ...requiresDeflate, deflateOffer: { clientMaxWindowBits: false }, requestExtensions: 'permessage-deflate' },
  },
  { id: 'ws-refused', summary: 'ws://, nothing listens on the port', server: { kind: 'closed-port' }, client: defaultClient },
  {
    id: 'ws-drop',
    summary: 'ws://, the client sends and waits; the server destroys the TCP socket without a Close frame',
    server: { kind: 'ws', ws: { ...echo, dropOnConnect: true } },
    client: { ...defaultClient, send: 'hello' },
  },
  {
    id: 'ws-max-payload',
    summary: 'ws://, server maxPayload 64 bytes; the client sends 1 KiB',
    server: { kind: 'ws', ws: { ...echo, maxPayloadBytes: 64 } },
    client: { ...defaultClient, send: 'x'.repeat(1024) },
  },
  {
    id: 'ws-subprotocol',
    summary: 'ws://, the client asks for chat.v2; the server selects none',
    server: { kind: 'ws', ws: { ...echo, acceptNoSubprotocol: true } },
    client: { ...defaultClient, protocols: ['chat.v2'] },
  },
  {
    id: 'ws-normal-close',
    summary: 'ws://, the client sends "bye"; the server closes 1000',
    server: { kind: 'ws', ws: echo },
    client: { ...defaultClient, send: 'bye' },
  },
] as const satisfies readonly Scenario[];

export type ScenarioId = (typeof scenarios)[number]['id'];

export function scenarioById(id: ScenarioId): Scenario {
  const found = scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`unknown scenario ${id}`);
  return found;
}

const tlsClients: readonly ClientId[] = ['node-ws', 'node-probe', 'curl', 'openssl', 'python'];

/**
 * The clients each scenario is reproduced with: every TLS client on wss://, the server's own log
 * where only the server can name the cause, and on ws:// the clients that see that failure
 * (curl and Python read no frames, s_client speaks no HTTP).
 */
export function clientsFor(scenario: Scenario): readonly ClientId[] {
  if (scenario.id === 'tls-version' || scenario.id === 'tls-cipher') return [...tlsClients, 'server-log'];
  if (scenario.id === 'wss-forbidden') return ['node-ws', 'curl', 'python'];
  if (scenario.server.kind === 'wss') return tlsClients;
  if (scenario.id === 'ws-refused') return ['node-ws', 'curl', 'openssl', 'python'];
  if (scenario.id === 'ws-no-deflate') return ['node-ws', 'curl', 'python'];
  return ['node-ws'];
}
