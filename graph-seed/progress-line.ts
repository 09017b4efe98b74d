/**
 * A streamed import's progress on the command line: one line refreshed in place on a terminal, plain lines
 * (at most one a second) when the output is a file or a pipe.
 */
import type { ImportProgress } from '../shared/contract/export.js';
import { describeProgress } from '../shared/text/import-progress.js';

export function progressPrinter(out: NodeJS.WriteStream, prefix: string): { show: (p: ImportProgress) => void; end: () => void } {
  let lastPlain = 0;
  let shown = false;
  return {
    show(p) {
      if (out.isTTY) {
        out.write(`\r\x1b[2K${prefix}${describeProgress(p)}`);
        shown = true;
      } else if (Date.now() - lastPlain >= 1000) {
        out.write(`${prefix}${describeProgress(p)}\n`);
        lastPlain = Date.now();
      }
    },
    end() {
      if (shown) out.write('\n');
      shown = false;
    },
  };
}
