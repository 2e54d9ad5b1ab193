// The opening handshake's proof (RFC 6455 §4.2.2): one computation for the probe that checks a server's answer and for the
// relay reader that checks an answer it saw relayed.
import { createHash } from 'node:crypto';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * The Sec-WebSocket-Accept a server must answer for a key: base64(SHA-1(key + GUID)).
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2 (step 5.4)
 */
export function expectedAccept(key: string): string {
  return createHash('sha1').update(key.trim() + WEBSOCKET_GUID).digest('base64');
}
