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
const BUFFER_BYTES = 1 << 20;

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

const checkedNames = new Set<string>();

function typeOf(name: string, value: Value): string {
  if (!checkedNames.has(name)) {
    if (!PROPERTY_NAME.test(name)) throw new OfflineUnsupportedError(`property name "${name}" cannot be a column of the importer's files`);
    checkedNames.add(name);
  }
  if (!Array.isArray(value)) return SCALAR_TYPES[typeof value as keyof typeof SCALAR_TYPES];
  if (value.length === 0) throw new Error(`empty list ${name}: the caller records empty lists apart`);
  return `${SCALAR_TYPES[typeof value[0] as 'string' | 'number' | 'boolean']}[]`;
}

function quoted(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
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

/** Lines are encoded into one reused buffer as they come and written when it fills, so that no line outlives its row. */
class DataFile {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private fd: number | null = null;
  rows = 0;
  constructor(readonly file: string) {}
  append(line: string): void {
    this.rows += 1;
    // At most 3 bytes of UTF-8 per UTF-16 code unit.
    if (this.used + line.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (line.length * 3 > BUFFER_BYTES) {
        writeSync(this.open(), line);
        return;
      }
    }
    this.used += this.buffer.write(line, this.used);
  }
  private open(): number {
    return (this.fd ??= openSync(this.file, 'w'));
  }
  flush(): void {
    if (!this.used) return;
    writeSync(this.open(), this.buffer, 0, this.used);
    this.used = 0;
  }
  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
  }
}

/** A row's properties as parallel lists of names and column types, with a key naming that shape. */
interface Shape { names: string[]; types: string[]; key: string }

function shapeOf(props: CsvProps): Shape {
  const names: string[] = [];
  const types: string[] = [];
  let key = '';
  for (const name in props) {
    const type = typeOf(name, props[name]!);
    names.push(name);
    types.push(type);
    key += `${name}:${type},`;
  }
  return { names, types, key };
}

/** A header and its data files. Its columns are fixed when it is made: the importer misreads rows shorter than the header. */
class Group {
  readonly plain: DataFile;
  readonly multiline: DataFile;
  private readonly names: string[];
  constructor(private readonly dir: string, readonly name: string, private readonly fixedHeader: string[], readonly columns: Map<string, string>) {
    this.plain = new DataFile(path.join(dir, `${name}.csv`));
    this.multiline = new DataFile(path.join(dir, `${name}-multiline.csv`));
    this.names = [...columns.keys()];
  }

  /** Whether every property of the row has a column of its type here. */
  fits({ names, types }: Shape): boolean {
    return names.every((name, i) => this.columns.get(name) === types[i]);
  }

  /** The row as one line (absent properties as empty fields); returns the line's length, which no field of it exceeds. */
  add(row: CsvRow): number {
    let line = row.fixed.join(',');
    for (const name of this.names) {
      const value = row.props[name];
      line += value === undefined ? ',' : `,${field(name, value)}`;
    }
    line += '\n';
    const multiline = line.indexOf('\n') < line.length - 1 || line.includes('\r');
    (multiline ? this.multiline : this.plain).append(line);
    return line.length;
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
 * rows makes one group unless two of them give one property different types. Rows of one shape go where the first
 * of them went, without searching again.
 */
export class CsvGroups {
  private readonly groups: Group[] = [];
  private readonly byShape = new Map<string, Group>();
  private readonly seen = new Map<string, string>();
  /** The longest line written, so that the importer's read buffer can hold any field. */
  longestLine = 0;
  constructor(private readonly dir: string, private readonly name: string, private readonly fixedHeader: string[]) {}

  write(rows: CsvRow[]): void {
    const shapes = rows.map((row) => shapeOf(row.props));
    for (const { names, types } of shapes) names.forEach((name, i) => this.seen.has(name) || this.seen.set(name, types[i]!));
    rows.forEach((row, i) => {
      const group = this.groupFor(shapes[i]!);
      this.longestLine = Math.max(this.longestLine, group.add(row));
    });
  }

  private groupFor(shape: Shape): Group {
    let group = this.byShape.get(shape.key) ?? this.groups.find((g) => g.fits(shape));
    if (!group) {
      const types = new Map(shape.names.map((name, i) => [name, shape.types[i]!]));
      group = new Group(this.dir, `${this.name}-${this.groups.length + 1}`, this.fixedHeader, new Map([...this.seen, ...types]));
      this.groups.push(group);
    }
    this.byShape.set(shape.key, group);
    return group;
  }

  close(): { files: string[]; multiline?: string }[] {
    return this.groups.map((g) => g.close());
  }
}
