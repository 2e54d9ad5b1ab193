// A message that failed its AEAD authentication at the end that received it, in a tunnel keyed by a shared secret: the peer sealed
// it with another key, which such tunnels derive from the password (convention 9: credentials refused in words).
import { oncePerText } from './bounded-cache.js';
import type { Finding } from './candidate.js';

/**
 * An AEAD open that failed, in the words of the library that opened it: Go's crypto/cipher ("cipher: message authentication
 * failed", GCM's errOpen) and x/crypto's chacha20poly1305 (the same words under its own prefix), Java's `AEADBadTagException`, Python
 * cryptography's `InvalidTag`, Node's decipher.final() ("Unsupported state or unable to authenticate data"). A record layer names
 * its own protocol beside it (TLS: bad_record_mac; a TLS word keeps the finding out, as the auth concepts read it).
 * @see https://go.dev/src/crypto/cipher/gcm.go (errOpen = errors.New("cipher: message authentication failed"))
 * @see https://pkg.go.dev/golang.org/x/crypto/chacha20poly1305 (Open: "chacha20poly1305: message authentication failed")
 * @see https://docs.oracle.com/en/java/javase/17/docs/api/java.base/javax/crypto/AEADBadTagException.html
 * @see https://cryptography.io/en/latest/exceptions/#cryptography.exceptions.InvalidTag
 * @see https://nodejs.org/api/crypto.html#deciphersetauthtagbuffer-encoding (final() throws if authentication fails)
 */
const AEAD_OPEN_FAILED = /\b(?:x?chacha20poly1305|cipher|aead|gcm):\s*message authentication failed\b|\bAEADBadTagException\b|\bcryptography\.exceptions\.InvalidTag\b|\bunable to authenticate data\b/i;
const TLS_WORD = /\b(?:tls|ssl|dtls|x509|certificate|record[_ ]mac)\b/i;
// Read once per distinct message (bounded-cache.ts oncePerText).
const aeadOpenFailed = oncePerText((message) => AEAD_OPEN_FAILED.test(message) && !TLS_WORD.test(message));

/**
 * A tunnel is keyed by a shared password where no TLS is named (brook, shadowsocks' AEAD ciphers: the key is derived from the
 * password, and a client with the wrong one sends data whose tag does not verify; the server has nothing else to tell it by).
 * @see https://shadowsocks.org/doc/aead.html (AEAD ciphers: the master key is derived from the password)
 */
const KEYED_MESSAGE_UNAUTHENTICATED: Finding = { cause: 'http_auth_rejected', confidence: 0.45, evidence: { kind: 'error.message', detail: "the receiving end's AEAD open failed on its peer's message (a tag that does not verify under its key), with no TLS word: a tunnel keyed by a shared secret refused the peer's key, a credential refused in words (rule inferred.keyed_message_unauthenticated, convention 9)" } };

/** The finding for a server's or proxy's error that is its AEAD open failing, or undefined (read only where no text named a cause). */
export function keyedMessageUnauthenticated(message: string | undefined): Finding | undefined {
  return message !== undefined && aeadOpenFailed(message) ? KEYED_MESSAGE_UNAUTHENTICATED : undefined;
}
