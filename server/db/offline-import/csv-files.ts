/**
 * Node and relationship files in the CSV format of `neo4j-admin database import`: each file group is a header file
 * and data files, with typed columns (`name:string`, `count:double`, `aliases:string[]`). Rows whose properties
 * agree on each column's type share a group; values with line breaks
 * go to a file of their own, named to the importer as the only one with multi-line fields (the others parse faster).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Between array elements (and labels): a control character no text in the graph is expected to hold. */
export const ARRAY_DELIMITER = '\u001f';
const FLUSH_AT = 1 << 20;

/** The offline importer cannot write this graph as the transactional one would; the caller uses the transactional path. */
export class OfflineUnsupportedError extends Error {
  override readonly name = 'OfflineUnsupportedError';
}

type Value = string | number | boolean | bigint | string[] | number[] | boolean[];
export type CsvProps = Record<string, Value>;
/** The columns before the properties: `id:ID(Entity)` and `:LABEL`, or `:START_ID(Entity)`, `:END_ID(Entity)` and `:TYPE`. */
export interface CsvRow { fixed: string[]; props: CsvProps }

const SCALAR_TYPES = { string: 'string', number: 'double', boolean: 'boolean', bigint: 'long' } as const;

const PROPERTY_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function typeOf(name: string, value: Value): string {
  if (!PROPERTY_NAME.test(name)) throw new OfflineUnsupportedError(`property name "${name}" cannot be a column of the importer's files`);
  if (!Array.isArray(value)) return SCALAR_TYPES[typeof value as keyof typeof SCALAR_TYPES];
  if (value.length === 0) throw new Error(`empty list ${name}: the caller records empty lists apart`);
  return `${SCALAR_TYPES[typeof value[0] as 'string' | 'number' | 'boolean']}[]`;
}

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** One array element, or a label: the delimiter inside it would split it, and a lone empty element would read as no list at all. */
function element(name: string, value: string | number | boolean): string {
  const text = String(value);
  if (text.includes(ARRAY_DELIMITER)) throw new OfflineUnsupportedError(`${name} holds the character U+001F, the importer's array delimiter`);
  return text;
}

export function field(name: string, value: Value): string {
  if (typeof value === 'string') return quoted(value);
  if (!Array.isArray(value)) return String(value);
  if (value.length === 1 && value[0] === '') throw new OfflineUnsupportedError(`${name} is a list of one empty text, which the importer reads as no list`);
  return quoted(value.map((v) => element(name, v)).join(ARRAY_DELIMITER));
}

export const labelsField = (labels: string[]) => quoted(labels.map((l) => element('a label', l)).join(ARRAY_DELIMITER));

class DataFile {
  private buffer = '';
  private fd: number | null = null;
  rows = 0;
  constructor(readonly file: string) {}
  append(line: string): void {
    this.buffer += line;
    this.rows += 1;
    if (this.buffer.length > FLUSH_AT) this.flush();
  }
  flush(): void {
    if (!this.buffer) return;
    this.fd ??= openSync(this.file, 'w');
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
  }
}

/** A header and its data files. Its columns are fixed when it is made: the importer misreads rows shorter than the header. */
class Group {
  readonly plain: DataFile;
  readonly multiline: DataFile;
  constructor(private readonly dir: string, readonly name: string, private readonly fixedHeader: string[], readonly columns: Map<string, string>) {
    this.plain = new DataFile(path.join(dir, `${name}.csv`));
    this.multiline = new DataFile(path.join(dir, `${name}-multiline.csv`));
  }

  /** Whether every property of the row has a column of its type here. */
  fits(types: Map<string, string>): boolean {
    for (const [name, type] of types) if (this.columns.get(name) !== type) return false;
    return true;
  }

  /** The row as one line (absent properties as empty fields); returns its longest field. */
  add(row: CsvRow): number {
    const cells = [...row.fixed, ...[...this.columns.keys()].map((name) => (name in row.props ? field(name, row.props[name]!) : ''))];
    const line = `${cells.join(',')}\n`;
    (/[\r\n]/.test(line.slice(0, -1)) ? this.multiline : this.plain).append(line);
    return Math.max(...cells.map((c) => c.length));
  }

  /** The importer's file list for this group (header first), and the multi-line file if it has one. */
  close(): { files: string[]; multiline?: string } {
    this.plain.close();
    this.multiline.close();
    const header = path.join(this.dir, `${this.name}-header.csv`);
    writeFileSync(header, `${[...this.fixedHeader, ...[...this.columns].map(([name, type]) => `${name}:${type}`)].join(',')}\n`);
    const data = [this.plain, this.multiline].filter((f) => f.rows > 0).map((f) => f.file);
    return { files: [header, ...data], ...(this.multiline.rows > 0 && { multiline: this.multiline.file }) };
  }
}

/**
 * The file groups of one kind of row (entities, evidence, relationships), sharing the fixed columns. A row goes to
 * the first group with a column of the right type for each of its properties; when none has, a new group takes
 * every column seen so far, those of the rows written with it included (their types winning), so that a batch of
 * rows makes one group unless two of them give one property different types.
 */
export class CsvGroups {
  private readonly groups: Group[] = [];
  private readonly seen = new Map<string, string>();
  /** The longest field written, so that the importer's read buffer can hold it. */
  longestField = 0;
  constructor(private readonly dir: string, private readonly name: string, private readonly fixedHeader: string[]) {}

  write(rows: CsvRow[]): void {
    const typed = rows.map((row) => ({ row, types: new Map(Object.entries(row.props).map(([name, value]) => [name, typeOf(name, value)])) }));
    for (const { types } of typed) for (const [name, type] of types) if (!this.seen.has(name)) this.seen.set(name, type);
    for (const { row, types } of typed) {
      let group = this.groups.find((g) => g.fits(types));
      if (!group) {
        group = new Group(this.dir, `${this.name}-${this.groups.length + 1}`, this.fixedHeader, new Map([...this.seen, ...types]));
        this.groups.push(group);
      }
      this.longestField = Math.max(this.longestField, group.add(row));
    }
  }

  close(): { files: string[]; multiline?: string }[] {
    return this.groups.map((g) => g.close());
  }
}
