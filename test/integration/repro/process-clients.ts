// External clients for the reproductions, run as real processes (execFile, no shell): curl,
// openssl s_client and Python 3 `ssl` with a hand-written upgrade request.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { clientTimeoutMs, type ProcessObservation, type Target } from './clients.js';
import type { ClientProfile, Scenario } from './scenarios.js';

/** Child processes trust only what the command line names, not the machine's CA bundle settings. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE']) delete env[name];
  return env;
}

export function runProcess(
  client: ProcessObservation['client'],
  command: string[],
): Promise<ProcessObservation> {
  const [file, ...args] = command;
  return new Promise((resolve) => {
    const child = execFile(
      file ?? '',
      args,
      { timeout: clientTimeoutMs * 2, env: childEnv(), encoding: 'utf8' },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ client, command, exitCode, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

const websocketRequestHeaders = (profile: ClientProfile): string[] => [
  'Connection: Upgrade',
  'Upgrade: websocket',
  'Sec-WebSocket-Version: 13',
  `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
  ...(profile.requestExtensions ? [`Sec-WebSocket-Extensions: ${profile.requestExtensions}`] : []),
];

export function curlCommand(scenario: Scenario, target: Target): string[] {
  const tls = scenario.client.tls ?? {};
  return [
    'curl', '--http1.1', '-sS', '-o', '/dev/null', '-D', '-', '-w', '%{http_code}\\n',
    // curl has no WebSocket support in 7.88: after a 101 it waits for a body, so a short timeout
    // ends the transfer; the dumped headers are what it saw.
    '--max-time', '2',
    '--cacert', target.rootCaPath,
    ...(tls.maxVersion === 'TLSv1.2' ? ['--tls-max', '1.2'] : []),
    ...(tls.ciphers ? ['--ciphers', tls.ciphers] : []),
    ...websocketRequestHeaders(scenario.client).flatMap((h) => ['-H', h]),
    `${target.scheme === 'wss' ? 'https' : 'http'}://${target.host}:${target.port}/`,
  ];
}

export function opensslCommand(scenario: Scenario, target: Target): string[] {
  const tls = scenario.client.tls ?? {};
  return [
    'openssl', 's_client', '-connect', `127.0.0.1:${target.port}`, '-servername', target.host,
    '-CAfile', target.rootCaPath, '-verify_return_error', '-brief',
    // s_client checks no host name unless told to; a client that verifies would.
    '-verify_hostname', target.host,
    ...(tls.maxVersion === 'TLSv1.2' ? ['-tls1_2'] : []),
    ...(tls.ciphers ? ['-cipher', tls.ciphers] : []),
  ];
}

/** Python 3 `ssl` + a hand-written upgrade request; prints one JSON line with what Python raised. */
const pythonScript = `
import base64, errno, json, os, platform, socket, ssl, sys
scheme, host, port, cafile, maxver, ciphers, extensions = sys.argv[1:8]
out = {'runtime': 'python %s ssl %s' % (platform.python_version(), ssl.OPENSSL_VERSION)}
try:
    sock = socket.create_connection(('127.0.0.1', int(port)), timeout=5)
    if scheme == 'wss':
        ctx = ssl.create_default_context(cafile=cafile)
        if maxver:
            ctx.maximum_version = ssl.TLSVersion[maxver]
        if ciphers:
            ctx.set_ciphers(ciphers)
        sock = ctx.wrap_socket(sock, server_hostname=host)
        out['tls_version'] = sock.version()
    key = base64.b64encode(os.urandom(16)).decode()
    request = ('GET / HTTP/1.1\\r\\nHost: %s:%s\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n'
               'Sec-WebSocket-Key: %s\\r\\nSec-WebSocket-Version: 13\\r\\n' % (host, port, key))
    if extensions:
        request += 'Sec-WebSocket-Extensions: %s\\r\\n' % extensions
    sock.sendall((request + '\\r\\n').encode())
    data = b''
    while b'\\r\\n\\r\\n' not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    lines = data.split(b'\\r\\n\\r\\n')[0].decode('latin-1').split('\\r\\n')
    out['status'] = int(lines[0].split(' ')[1])
    out['headers'] = {k.strip().lower(): v.strip() for k, _, v in (l.partition(':') for l in lines[1:])}
except Exception as e:
    kind = type(e)
    name = kind.__qualname__ if kind.__module__ == 'builtins' else kind.__module__ + '.' + kind.__qualname__
    code = getattr(e, 'reason', None) if isinstance(e, ssl.SSLError) else errno.errorcode.get(getattr(e, 'errno', None) or -1)
    out['error'] = {'name': name, 'code': code, 'message': str(e),
                    'verify_code': getattr(e, 'verify_code', None), 'verify_message': getattr(e, 'verify_message', None)}
print(json.dumps(out))
`;

export function pythonCommand(scenario: Scenario, target: Target): string[] {
  const tls = scenario.client.tls ?? {};
  return [
    'python3', '-c', pythonScript, target.scheme, target.host, String(target.port), target.rootCaPath,
    tls.maxVersion === 'TLSv1.2' ? 'TLSv1_2' : '', tls.ciphers ?? '', scenario.client.requestExtensions ?? '',
  ];
}
