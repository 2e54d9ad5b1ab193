// PHP vocabulary: Workerman's WebSocket protocol lines, echoed by the server process (Worker::safeEcho) when it gives a session up.
import { rule, type Vocabulary } from './types.js';

const workermanWebsocket = 'Workerman src/Protocols/Websocket.php (input(): Worker::safeEcho("error package. package_length=$totalPackageSize") over $connection->maxPackageSize; the default case of the opcode switch, "error opcode $opcode and close websocket connection. Buffer:"; then $connection->close()) https://github.com/walkor/workerman/blob/master/src/Protocols/Websocket.php';

export const phpVocabulary: Vocabulary = {
  name: 'php',
  rules: [
    // A frame (with the data buffered before it) over the connection's maxPackageSize: the server closes the connection, a
    // message too big for it (1009's meaning, RFC 6455 §7.4.1). The length is a number only on that path (TcpConnection's
    // "Error package. package_length=false" is a protocol's refusal of the bytes, not a size).
    rule('workerman.package_length', /\berror package\. package_length=\d+/i, 'message_too_big', 0.75, `${workermanWebsocket}; reproduced: test/fixtures/holdout-32/workerman.ndjson holdout32-workerman-50`, { example: 'error package. package_length=100014' }),
    // An opcode RFC 6455 reserves (0x3-0x7, 0xB-0xF): "If an unknown opcode is received, the receiving endpoint MUST _Fail the
    // WebSocket Connection_" (RFC 6455 §5.2), a protocol error.
    rule('workerman.reserved_opcode', /\berror opcode \d+ and close websocket connection\b/i, 'protocol_error', 0.75, `${workermanWebsocket}; RFC 6455 §5.2; reproduced: test/fixtures/holdout-32/workerman.ndjson holdout32-workerman-52`, { example: 'error opcode 3 and close websocket connection. Buffer:838201020304696b' }),
  ],
};
