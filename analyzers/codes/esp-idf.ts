// ESP-IDF esp-tls error names (esp_err_t, base 0x8000) as ESP32 firmware logs them ("ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT",
// "esp-tls 0x8006"): the connect-time failures of the transport under esp_websocket_client, most of them not TLS failures
// though their names say TLS. Setup errors of the device itself (socket creation, options, key parsing) are left out.
import { rowMaker, type CodeRow } from './types.js';

const espTlsErrors =
  'ESP-IDF components/esp-tls/esp_tls_errors.h (ESP_ERR_ESP_TLS_*, ESP_ERR_MBEDTLS_*, ESP_ERR_WOLFSSL_*) https://github.com/espressif/esp-idf/blob/master/components/esp-tls/esp_tls_errors.h';
const esp = rowMaker('esp_tls', espTlsErrors);

export const espTlsTable: readonly CodeRow[] = [
  esp('ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME', 0x8001, 'the host name could not be resolved (getaddrinfo failed)', 'dns_failure', 0.8),
  esp('ESP_ERR_ESP_TLS_FAILED_CONNECT_TO_HOST', 0x8004, 'the TCP connect to the host failed', 'connection_refused', 0.7),
  esp('ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT', 0x8006, 'the new connection did not complete within the configured timeout', 'network_timeout', 0.75),
  // "closed (in a clean way)": the peer's FIN on the TCP transport.
  esp('ESP_ERR_ESP_TLS_TCP_CLOSED_FIN', 0x8008, 'the TCP transport connection was closed by the peer', 'network_reset', 0.5),
  esp('ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED', 0x801a, 'mbedtls_ssl_handshake failed (the Mbed TLS code beside it says why)', 'tls_unknown', 0.6),
  esp('ESP_ERR_WOLFSSL_SSL_HANDSHAKE_FAILED', 0x8035, 'wolfSSL_connect failed (the wolfSSL code beside it says why)', 'tls_unknown', 0.6),
];
