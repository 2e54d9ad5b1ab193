// A server's own record that its MQTT client ended the session with DISCONNECT, the MQTT session's orderly end: "the final MQTT
// Control Packet sent from the Client … indicates that the Client is disconnecting cleanly" (MQTT 3.1.1 §3.14; 5.0 §3.14). Carried
// over WebSocket, it is the client's close of the session in its protocol's words: a closing side the event names (convention 3).
// Pure text functions over the server's own lines (its error text and log labels).
// @see https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html#_Toc398718090 (3.14 DISCONNECT)
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { logLabels } from './codes/proxy-result.js';

// A received packet by its fixed header's first byte, as NNG's MQTT-over-WebSocket transport dumps it at debug level (NanoNNG
// nmq_websocket.c wstran_pipe_recv_cb: "#### wstran_pipe_recv_cb got %ld msg: %p %x %ld", the %x being the message's first byte):
// the packet type is its high nibble (MQTT 5.0 §2.1.2 Table 2-1), DISCONNECT 14 with flags 0 (§2.1.3): 0xe0.
// @see https://github.com/nanomq/NanoNNG/blob/main/src/sp/transport/mqttws/nmq_websocket.c
const RECEIVED_BYTE = /\bgot \d+ msg: (?:0x)?[0-9a-f]+ ([0-9a-f]{1,2}) \d/gi;
// A received packet by its name, as brokers' debug logs write it (mosquitto's handle__disconnect: "Received DISCONNECT from %s";
// "RECV DISCONNECT"): the packet's name in capitals after a receiving verb.
// @see https://github.com/eclipse/mosquitto/blob/master/src/handle_disconnect.c
const RECEIVED_NAME = /\b(?:[Rr]eceived|[Rr]eceiving|[Rr]ecv|RECV|RECEIVED|[Gg]ot)\W{1,3}(CONNECT|CONNACK|PUBLISH|PUBACK|PUBREC|PUBREL|PUBCOMP|SUBSCRIBE|SUBACK|UNSUBSCRIBE|UNSUBACK|PINGREQ|PINGRESP|DISCONNECT|AUTH)\b/g;
// A line after it reporting an error (a receive that failed, "recv aio error"): the session did not end on the DISCONNECT alone.
const ERROR_AFTER = /\berror\b|\bfail(?:ed|ure)?\b|\breset\b|\btimeout\b|\btimed out\b/i;

/** Where the last received MQTT packet record ends and whether it is a DISCONNECT, in one text; undefined without one. */
function lastReceived(text: string): { disconnect: boolean; end: number } | undefined {
  let last: { disconnect: boolean; end: number } | undefined;
  for (const match of text.matchAll(RECEIVED_BYTE)) {
    const end = (match.index ?? 0) + match[0].length;
    if (!last || end > last.end) last = { disconnect: (match[1] as string).toLowerCase() === 'e0', end };
  }
  for (const match of text.matchAll(RECEIVED_NAME)) {
    const end = (match.index ?? 0) + match[0].length;
    if (!last || end > last.end) last = { disconnect: match[1] === 'DISCONNECT', end };
  }
  return last;
}

/**
 * Whether a server's own lines record the client's MQTT DISCONNECT as the last packet it received, with no error reported after it
 * in its lines: the client ended the MQTT session cleanly. Read only on a server's event: the log labels in their order, then the
 * error text (a record placed in either).
 */
export function clientDisconnectRecorded(event: TelemetryEvent): boolean {
  if (event.source.kind !== 'server') return false;
  // A long log split over `server_log`, `server_log_2`, … is one text in its order.
  let text = '';
  for (const [, part] of logLabels(event.labels)) text += `${part}\n`;
  if (event.error?.message !== undefined) text += event.error.message;
  if (!text.includes(' msg: ') && !text.includes('DISCONNECT')) return false;
  const last = lastReceived(text);
  if (last === undefined || !last.disconnect) return false;
  const rest = text.slice(last.end);
  const lineEnd = rest.indexOf('\n');
  return lineEnd === -1 || !ERROR_AFTER.test(rest.slice(lineEnd));
}
