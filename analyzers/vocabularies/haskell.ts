// Haskell vocabulary: the websockets client's handshake texts and the tls package's handshake exception
// (its certificate reasons, x509-validation's FailedReason list, are a code table: analyzers/codes/haskell.ts).
import { rule, type Vocabulary } from './types.js';

const hsWebsockets = 'Haskell websockets src/Network/WebSockets/Client.hs (OtherHandshakeException "no handshake response from server": the stream ended before a response) https://github.com/jaspervdj/websockets/blob/master/src/Network/WebSockets/Client.hs';
const hsTls = 'Haskell tls Network/TLS/Struct.hs (TLSException: HandshakeFailed TLSError, raised for any failure inside the handshake) https://hackage.haskell.org/package/tls-1.5.8/docs/Network-TLS.html#t:TLSException';

export const haskellVocabulary: Vocabulary = {
  name: 'haskell',
  rules: [
    rule('hs_websockets.no_handshake_response', /\bno handshake response from server\b/, 'network_reset', 0.55, `${hsWebsockets}; reproduced: test/fixtures/holdout-8/haskell-tls.ndjson holdout8-haskell-tls-30`, { example: 'OtherHandshakeException "Network.WebSockets.Client.newClientConnection: no handshake response from server"' }),
    // The handshake failed; what it carries (an alert, Error_EOF, a certificate reason) says why.
    rule('hs_tls.handshake_failed', /\bHandshakeFailed\b/, 'tls_unknown', 0.5, `${hsTls}; reproduced: test/fixtures/holdout-8/haskell-tls.ndjson holdout8-haskell-tls-11`, { example: 'HandshakeFailed Error_EOF' }),
  ],
};
