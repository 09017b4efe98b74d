/** An RFC 4180 reader that keeps, for each record, the line it starts on and which cells were quoted. */

export interface CsvCell {
  value: string;
  /** `""` (quoted, empty) is an empty string; an unquoted empty cell is no value. */
  quoted: boolean;
}

export interface CsvRecord {
  line: number;
  cells: CsvCell[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** `delimiter`: `,` by default; spreadsheets also come with `;` or a tab. */
export function parseCsv(input: string, delimiter = ','): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: CsvCell[] = [];
    for (;;) {
      let value = '';
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        for (;;) {
          if (i >= text.length) throw new CsvSyntaxError(start, 'a quoted cell is never closed');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          value += c;
          i++;
        }
        if (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          throw new CsvSyntaxError(line, `unexpected ${JSON.stringify(text[i])} after a closing quote`);
        }
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted cell (quote the cell and double the quote)');
          value += text[i++];
        }
      }
      cells.push({ value, quoted });
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    const blank = cells.length === 1 && cells[0]!.value === '' && !cells[0]!.quoted;
    if (!blank) records.push({ line: start, cells });
  }
  return records;
}
