/**
 * An RFC 4180 reader that keeps, for each record, the line it starts on and which cells were quoted. It reads text
 * as it comes (`CsvParser`: a file of any size, chunk by chunk) or whole (`parseCsv`).
 */

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

/** Thrown by a read that reaches the end of the text read so far before the record ends: more text may finish it. */
class NeedMore extends Error {}

/**
 * Text in, records out: `push` gives the records the text so far completes, `end` the last one. A record is held
 * back until its line ends (a quoted cell may hold line breaks, a chunk may end inside a cell).
 */
export class CsvParser {
  private pending = '';
  private line = 1;
  private started = false;

  /** `delimiter`: `,` by default; spreadsheets also come with `;` or a tab. */
  constructor(private readonly delimiter = ',') {}

  push(text: string): CsvRecord[] {
    this.pending += this.started ? text : text.replace(/^\uFEFF/, '');
    this.started ||= this.pending.length > 0;
    return this.records(false);
  }

  /** The last record, which needs no line end; throws if the text ends inside a quoted cell. */
  end(): CsvRecord[] {
    return this.records(true);
  }

  private records(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    let at = 0;
    while (at < this.pending.length) {
      const read = new RecordRead(this.pending, at, this.line, this.delimiter, final);
      let cells: CsvCell[];
      try {
        cells = read.cells();
      } catch (err) {
        if (err instanceof NeedMore) break;
        throw err;
      }
      const blank = cells.length === 1 && cells[0]!.value === '' && !cells[0]!.quoted;
      if (!blank) out.push({ line: this.line, cells });
      at = read.at;
      this.line = read.line;
    }
    this.pending = this.pending.slice(at);
    return out;
  }
}

/** One record read from `at`: its cells, then `at` and `line` past its line end. */
class RecordRead {
  constructor(
    private readonly text: string,
    public at: number,
    public line: number,
    private readonly delimiter: string,
    private readonly final: boolean,
  ) {}

  /** The character at `i`, or NeedMore when the text read so far ends there (undefined at the end of the file). */
  private char(i: number): string | undefined {
    if (i < this.text.length) return this.text[i];
    if (this.final) return undefined;
    throw new NeedMore();
  }

  private endsCell(c: string | undefined): boolean {
    return c === undefined || c === this.delimiter || c === '\r' || c === '\n';
  }

  cells(): CsvCell[] {
    const start = this.line;
    const cells: CsvCell[] = [];
    for (;;) {
      cells.push(this.char(this.at) === '"' ? this.quotedCell(start) : this.plainCell());
      const c = this.char(this.at);
      if (c === this.delimiter) {
        this.at++;
        continue;
      }
      if (c === '\r') this.at++;
      if (this.char(this.at) === '\n') {
        this.at++;
        this.line++;
      }
      return cells;
    }
  }

  private quotedCell(start: number): CsvCell {
    let value = '';
    this.at++;
    for (;;) {
      const c = this.char(this.at);
      if (c === undefined) throw new CsvSyntaxError(start, 'a quoted cell is never closed');
      if (c === '"') {
        if (this.char(this.at + 1) === '"') {
          value += '"';
          this.at += 2;
          continue;
        }
        this.at++;
        break;
      }
      if (c === '\n') this.line++;
      value += c;
      this.at++;
    }
    const next = this.char(this.at);
    if (!this.endsCell(next)) throw new CsvSyntaxError(this.line, `unexpected ${JSON.stringify(next)} after a closing quote`);
    return { value, quoted: true };
  }

  private plainCell(): CsvCell {
    const from = this.at;
    for (let c = this.char(this.at); !this.endsCell(c); c = this.char(this.at)) {
      if (c === '"') throw new CsvSyntaxError(this.line, 'a quote inside an unquoted cell (quote the cell and double the quote)');
      this.at++;
    }
    return { value: this.text.slice(from, this.at), quoted: false };
  }
}

export function parseCsv(input: string, delimiter = ','): CsvRecord[] {
  const parser = new CsvParser(delimiter);
  return [...parser.push(input), ...parser.end()];
}
