// What to do about each 1015 cause: concrete steps an operator can take.
import type { Cause } from '../../../schemas/classification.js';

export const tlsRemediation: Partial<Record<Cause, string>> = {
  cert_expired:
    'Renew the server certificate (check the intermediates too: an expired intermediate fails the same way), deploy it with the full chain, and alert on notAfter at least 14 days ahead; verify with `openssl s_client -connect host:443 -servername host -showcerts`.',
  cert_not_yet_valid:
    "The certificate's notBefore is in the future for this client: fix the client clock (enable NTP/chrony, check the device time zone and RTC), or, if the certificate was just issued, wait or reissue it with a backdated notBefore.",
  untrusted_ca:
    'The chain ends at a CA the client does not trust: add the issuing CA to the client trust store (system store, NODE_EXTRA_CA_CERTS, Java cacerts, certifi) or reissue the certificate from a public CA; check for a TLS-intercepting proxy.',
  self_signed:
    'The server presents a self-signed leaf certificate: replace it with one issued by a public or internal CA the clients trust, or pin/add that exact certificate to the client trust store for test environments only.',
  incomplete_chain:
    'The server sends the leaf without its intermediate certificate(s): configure the full chain (e.g. nginx ssl_certificate with fullchain.pem, the ingress/load-balancer certificate bundle) and check with `openssl s_client -showcerts` that depth 1 is present.',
  hostname_mismatch:
    "The certificate's subjectAltName does not cover the host the client dialled: reissue the certificate with the right DNS/IP SAN (wildcards cover one label only), or point clients at a name the certificate covers; check SNI routing on shared IPs.",
  tls_version_mismatch:
    'Client and server share no TLS version: align ssl_protocols / MinVersion / MaxVersion (enable TLS 1.2 and 1.3 on the server; upgrade clients that only speak TLS 1.0/1.1); test with `openssl s_client -tls1_2` and `-tls1_3`.',
  cipher_mismatch:
    'Client and server share no cipher suite (or signature algorithm/curve): align the server cipher list (ssl_ciphers, cipherSuites) with what clients offer, e.g. a Mozilla "intermediate" profile; test with `openssl s_client -cipher` or `nmap --script ssl-enum-ciphers`.',
  tls_unknown:
    'The TLS handshake failed but the event does not say why: capture the client error text and verify code, and run `openssl s_client -connect host:443 -servername host -showcerts` from the client network to see the certificate, chain and alert.',
};
