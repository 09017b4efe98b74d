/**
 * A streamed import's progress on the command line: one line refreshed in place on a terminal, plain lines
 * (at most one a second, and the last one at the end) when the output is a file or a pipe.
 */
import type { ImportProgress } from '../shared/contract/export.js';
import { describeProgress } from '../shared/text/import-progress.js';

export function progressPrinter(out: NodeJS.WriteStream, prefix: string): { show: (p: ImportProgress) => void; end: () => void } {
  let lastPlain = 0;
  let shown = false;
  /** The latest progress not yet printed as a plain line. */
  let unprinted: ImportProgress | null = null;
  return {
    show(p) {
      if (out.isTTY) {
        out.write(`\r\x1b[2K${prefix}${describeProgress(p)}`);
        shown = true;
      } else if (Date.now() - lastPlain >= 1000) {
        out.write(`${prefix}${describeProgress(p)}\n`);
        lastPlain = Date.now();
        unprinted = null;
      } else {
        unprinted = p;
      }
    },
    end() {
      if (shown) out.write('\n');
      if (unprinted) out.write(`${prefix}${describeProgress(unprinted)}\n`);
      shown = false;
      unprinted = null;
    },
  };
}
