// Runtime family: the coarse stack name dashboards group by ("chrome", "node", "go", ...),
// read from the free-text `source.runtime` (or the User-Agent when runtime is absent).

const userAgentFamilies: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bEdg\//, 'edge'],
  [/\bFirefox\//, 'firefox'],
  // Headless Chrome (synthetics, Puppeteer, Playwright) says HeadlessChrome/, with no word boundary before Chrome.
  [/\b(?:Headless)?Chrom(e|ium)\//, 'chrome'],
  [/\bVersion\/[\d.]+ .*Safari\//, 'safari'],
  [/\bokhttp\//i, 'java'],
  [/\bGo-http-client\//, 'go'],
  [/\bPython\//i, 'python'],
  [/\bcurl\//, 'curl'],
];

const runtimeAliases: Readonly<Record<string, string>> = {
  nodejs: 'node',
  golang: 'go',
  jvm: 'java',
  kotlin: 'java',
  cpython: 'python',
  csharp: 'dotnet',
  '.net': 'dotnet',
  chromium: 'chrome',
};

/** Lower-case first word of `runtime` ("node 20 ws 8.18" → "node"); "unknown" when nothing names a stack. */
export function runtimeFamily(runtime?: string, userAgent?: string): string {
  return (runtime === undefined ? undefined : familyOfRuntime(runtime)) ?? familyOfUserAgent(userAgent);
}

/** The family `runtime` names, or undefined when it has no first word (the User-Agent decides then). */
export function familyOfRuntime(runtime: string): string | undefined {
  const firstWord = runtime.trim().split(/[\s/]+/)[0]?.toLowerCase();
  return firstWord ? (runtimeAliases[firstWord] ?? firstWord.replace(/[^a-z0-9._-]/g, '').slice(0, 32)) || 'unknown' : undefined;
}

export function familyOfUserAgent(userAgent: string | undefined): string {
  for (const [pattern, family] of userAgentFamilies) if (userAgent && pattern.test(userAgent)) return family;
  return 'unknown';
}
