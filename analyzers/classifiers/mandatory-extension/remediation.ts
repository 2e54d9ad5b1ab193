// What to do about each 1010 cause.
import type { Cause } from '../../../schemas/classification.js';

export const extensionRemediation: Partial<Record<Cause, string>> = {
  extension_not_negotiated:
    'The client requires an extension (usually permessage-deflate) that the handshake response did not include: enable it on the server (e.g. ws perMessageDeflate, nginx/Envoy pass Sec-WebSocket-Extensions through) or make it optional on the client; check that no proxy or CDN strips the Sec-WebSocket-Extensions header.',
  extension_params_rejected:
    'The server answered the extension with parameters the client cannot accept (RFC 7692: unknown or duplicate parameters, window bits outside 8..15, client_max_window_bits not offered, or an extension the client never offered): align permessage-deflate settings (server_max_window_bits, client_max_window_bits, no_context_takeover) on both sides, upgrade the library that sends invalid parameters, or make the extension optional on the client.',
};
