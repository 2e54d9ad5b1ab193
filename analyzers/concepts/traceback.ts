// Python tracebacks in error texts: the source lines a traceback quotes are the program's code, not the error's words
// (a keyword argument "timeout=8" names no timeout that happened), and the innermost frame names the module and function
// that raised. A JVM stack trace's frames likewise name where the code ran ("WebSocket08FrameDecoder.protocolViolation"), not
// what failed. Pure text functions for the concept scanner.
// @see https://docs.python.org/3/library/traceback.html (format: "Traceback (most recent call last):", "  File "<path>", line N, in <name>", the source line, the exception)
import { sourcedFinding, type SourcedFinding } from '../candidate.js';

const TRACEBACK = 'Traceback (most recent call last)';
const FRAME = /^[ \t]*File "([^"\n]*)", line \d+, in ([^\n]*)$/gm;

export function hasTraceback(text: string): boolean {
  return text.includes(TRACEBACK);
}

/** The text with every quoted source line (the line after a frame line) blanked to spaces, so offsets stay. */
export function blankTracebackCode(text: string): string {
  let out = '';
  let at = 0;
  for (const frame of text.matchAll(FRAME)) {
    const lineStart = (frame.index as number) + frame[0].length + 1;
    if (lineStart >= text.length || lineStart < at) continue;
    const end = text.indexOf('\n', lineStart);
    const lineEnd = end === -1 ? text.length : end;
    // The quoted line is indented source; a next frame or the exception line is not blanked.
    if (/^[ \t]*File "/.test(text.slice(lineStart, lineEnd)) || !/^[ \t]/.test(text.slice(lineStart, lineEnd))) continue;
    out += text.slice(at, lineStart) + ' '.repeat(lineEnd - lineStart);
    at = lineEnd;
  }
  return at === 0 ? text : out + text.slice(at);
}

// The exception a parser raises on a value it cannot read (int("abc"), a missing "=value", a key not there).
const PARSE_EXCEPTION = /^(?:ValueError|IndexError|KeyError|TypeError|AssertionError|[\w.]*(?:Parse|Parsing|Negotiation|Extension|Handshake)\w*Error)\b[^\n]*$/m;
// A module or function of the extension negotiation (wsproto/extensions.py, websockets/extensions/permessage_deflate.py).
const EXTENSION_CODE = /extension|deflate|compress/i;

/**
 * The innermost frame raised a parse error inside the client's extension negotiation code: it could not read the
 * extension answer's parameters, so it rejected them (RFC 7692 §7: a client fails the connection on an answer it
 * cannot accept). A concept finding: after the session opened the same frames are about compressed messages.
 */
export function tracebackExtensionFinding(kind: string, text: string): SourcedFinding | undefined {
  let innermost: RegExpMatchArray | undefined;
  let raising: RegExpMatchArray | undefined;
  for (const frame of text.matchAll(FRAME)) {
    innermost = frame;
    // A chained traceback ("During handling of the above exception, another exception occurred:") has one innermost frame per
    // exception: the frame whose quoted source (indented lines) the exception line follows. The first one in extension code
    // that raised a parse error is the negotiation's failure; the later exceptions are the handler's reactions to it (a server
    // that then failed to clean up: Tornado's AttributeError after its ValueError). Round 39, r39-a.
    if (raising === undefined && extensionCode(frame) && raisedHere(text, frame)) raising = frame;
  }
  if (!innermost) return undefined;
  let frame = innermost;
  let exception: RegExpExecArray | null = null;
  if (extensionCode(innermost)) exception = PARSE_EXCEPTION.exec(text.slice((innermost.index as number) + innermost[0].length));
  if (!exception && raising) {
    frame = raising;
    exception = PARSE_EXCEPTION.exec(text.slice((raising.index as number) + raising[0].length));
  }
  if (!exception) return undefined;
  const path = frame[1] as string;
  const module = path.slice(path.lastIndexOf('/') + 1);
  const detail = `traceback raised ${JSON.stringify(exception[0].slice(0, 80))} in ${module} (${(frame[2] as string).trim()}): the extension negotiation code could not read the parameters (the client's of an answer, the server's of an offer) → extension_params_rejected (rule concept.traceback_extension_parse, RFC 7692 §7)`;
  return sourcedFinding('concept.traceback_extension_parse', 'extension_params_rejected', 0.52, { kind, detail }, undefined, true);
}

/** The frame's module or function is extension negotiation code (wsproto/extensions.py, Tornado's `_get_compressor_options`). */
function extensionCode(frame: RegExpMatchArray): boolean {
  const path = frame[1] as string;
  return EXTENSION_CODE.test(path.slice(path.lastIndexOf('/') + 1)) || EXTENSION_CODE.test(frame[2] as string);
}

// The lines after a frame line: its quoted source and caret lines (indented), then the exception line (not indented).
const AFTER_FRAME = /^(?:\n[ \t][^\n]*)*\n(?=\S)/;
/** The exception line follows the frame's own quoted lines directly: the frame is the innermost of its traceback. */
function raisedHere(text: string, frame: RegExpMatchArray): boolean {
  const after = text.slice((frame.index as number) + frame[0].length, (frame.index as number) + frame[0].length + 400);
  const lines = AFTER_FRAME.exec(after);
  if (!lines) return false;
  const next = after.slice(lines[0].length);
  return PARSE_EXCEPTION.test(next.slice(0, next.indexOf('\n') === -1 ? next.length : next.indexOf('\n'))) && !/^[ \t]*File "/.test(next);
}

// A JVM stack frame line as Throwable.printStackTrace prints it: "\tat <class>.<method>(<File>.java:<line>)", "(Native Method)",
// "(Unknown Source)"; Java 9+ prefixes a module ("java.base/java.lang.Thread.run(Thread.java:840)"), Kotlin's files end .kt.
// @see https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Throwable.html#printStackTrace()
const JVM_FRAME = /^[ \t]+at [\w$./<>-]+\((?:[\w$-]+\.(?:java|kt|scala|groovy):\d+|Native Method|Unknown Source)\)[ \t]*$/gm;

/** Whether the text may hold a JVM stack frame (a cheap test before the line pattern). */
export function mayHaveJvmFrames(text: string): boolean {
  return text.includes('.java:') || text.includes('.kt:') || text.includes('(Native Method)');
}

/** The text with every JVM stack frame line blanked to spaces, so offsets stay. */
export function blankJvmFrames(text: string): string {
  return text.replace(JVM_FRAME, (frame) => ' '.repeat(frame.length));
}
