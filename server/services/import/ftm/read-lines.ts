/**
 * JSON lines one at a time from chunks of bytes (a request body, a file stream): memory holds one line, not the
 * file, and the caller sees each line's number as it goes (for error messages, and for progress).
 */
export interface Line { number: number; text: string }

export async function* readLines(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let number = 0;
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    let end: number;
    while ((end = pending.indexOf('\n', start)) >= 0) {
      yield { number: ++number, text: clean(pending.slice(start, end), number) };
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { number: ++number, text: clean(pending, number) };
}

/** Without the line ending, and the byte order mark of the first line. */
function clean(text: string, number: number): string {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  return number === 1 ? line.replace(/^\uFEFF/, '') : line;
}
