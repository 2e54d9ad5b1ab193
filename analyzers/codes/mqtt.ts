// MQTT reason codes as MQTT clients over WebSocket report them (paho-mqtt's ReasonCode, a CONNACK's or DISCONNECT's
// reason): the spec's names, read in any notation the scanner and vocabulary know (the name; the number after a
// CONNACK, DISCONNECT or reason-code key; a bare error.code from an MQTT runtime). Only codes that name a cause of
// the vocabulary have a row: 0 "Success" / "Normal disconnection" and 128 "Unspecified error" name none, so an
// event carrying them is read by its outcome. MQTT 3.1.1 return codes (1-5) are read by their texts only: their
// numbers collide with MQTT 5.0 DISCONNECT codes (4 "Disconnect with Will Message").
import { rowMaker, type CodeRow } from './types.js';

const v5 = 'OASIS MQTT Version 5.0 §2.4 Reason Code (Table 2-6) https://docs.oasis-open.org/mqtt/mqtt/v5.0/os/mqtt-v5.0-os.html#_Toc3901031';
const v311 = 'OASIS MQTT Version 3.1.1 §3.2.2.3 Connect Return code (Table 3.1) https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html#_Toc398718035';
const m5 = rowMaker('mqtt_reason', v5);
const both = rowMaker('mqtt_reason', `${v5}; ${v311}`);
const m311 = rowMaker('mqtt_reason', v311);

/** What a text must also say for a reason whose name is an ordinary phrase of other protocols ("protocol error"). */
export const MQTT_TEXT_CONTEXT = 'mqtt|\\bCONNACK\\b|\\bDISCONNECT\\b|ReasonCode|reason[ _-]?code|Connection Refused';
/** Names that count only next to MQTT_TEXT_CONTEXT; a bare error.code from an MQTT runtime reads them all. */
export const MQTT_GENERIC_REASONS: ReadonlySet<string> = new Set(['Protocol Error', 'Unsupported Protocol Version', 'Not authorized', 'Server unavailable']);

export const mqttReasonTable: readonly CodeRow[] = [
  m5('Malformed Packet', 129, 'the packet could not be parsed according to the specification', 'protocol_error', 0.6),
  m5('Protocol Error', 130, 'the packet violates the specification after parsing', 'protocol_error', 0.6),
  m5('Unsupported Protocol Version', 132, 'CONNACK: the server does not support the client\'s MQTT version', 'protocol_error', 0.6),
  m311('unacceptable protocol version', undefined, 'return code 1: the server does not support the requested MQTT protocol level', 'protocol_error', 0.6),
  both('Bad User Name or Password', 134, 'CONNACK: the user name or password is malformed or not accepted (3.1.1 return code 4)', 'http_auth_rejected', 0.65),
  both('Not authorized', 135, 'the client is not authorized (3.1.1 return code 5, "not authorized")', 'http_auth_rejected', 0.65, { texts: ['Not authorised'] }),
  both('Server unavailable', 136, 'CONNACK: the server is not available (3.1.1 return code 3, "Server unavailable")', 'service_restart', 0.6),
  m5('Server busy', 137, 'the server is busy, try again later', 'service_restart', 0.6),
  m5('Server shutting down', 139, 'DISCONNECT: the server is shutting down', 'going_away', 0.6),
  m5('Packet too large', 149, 'the packet exceeds the maximum permissible size', 'message_too_big', 0.65),
];
