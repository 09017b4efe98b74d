/** Saved spreadsheet mappings: bookkeeping nodes beside the graph (like saved views), never part of it. */
import type { SavedMapping, SavedMappingInput } from '../../../../shared/contract/sheet-mapping.js';
import { SheetMappingSchema } from '../../../../shared/contract/sheet-mapping.js';
import type { Database } from '../../../db/neo4j.js';
import { AppError } from '../../../errors.js';

const LABEL = '_ImportMapping';
const FIELDS = 'm.id AS id, m.name AS name, m.mapping AS mapping, m.author AS author, toString(m.createdAt) AS createdAt, toString(m.updatedAt) AS updatedAt';

export async function ensureMappingSchema(db: Database): Promise<void> {
  await db.driver.executeQuery(`CREATE CONSTRAINT import_mapping_id IF NOT EXISTS FOR (m:${LABEL}) REQUIRE m.id IS UNIQUE`, {}, { database: db.database });
}

/** Stored as JSON text (Neo4j properties hold no maps), read back through the contract's schema. */
const fromRecord = (row: Record<string, unknown>): SavedMapping => ({ ...(row as SavedMapping), mapping: SheetMappingSchema.parse(JSON.parse(row.mapping as string)) });

export async function listMappings(db: Database): Promise<SavedMapping[]> {
  const result = await db.read((tx) => tx.run(`MATCH (m:${LABEL}) RETURN ${FIELDS} ORDER BY m.updatedAt DESC`));
  return result.records.map((r) => fromRecord(r.toObject()));
}

export async function getMapping(db: Database, id: string): Promise<SavedMapping> {
  const result = await db.read((tx) => tx.run(`MATCH (m:${LABEL} {id: $id}) RETURN ${FIELDS}`, { id }));
  const record = result.records[0];
  if (!record) throw new AppError('not_found', `No saved mapping ${id}`);
  return fromRecord(record.toObject());
}

export async function saveMapping(db: Database, id: string, input: SavedMappingInput, author: string): Promise<{ mapping: SavedMapping; created: boolean }> {
  const mapping = JSON.stringify(SheetMappingSchema.parse(input.mapping));
  const result = await db.write((tx) =>
    tx.run(
      `MERGE (m:${LABEL} {id: $id})
       ON CREATE SET m.createdAt = datetime()
       SET m.name = $name, m.mapping = $mapping, m.author = $author, m.updatedAt = datetime()
       RETURN ${FIELDS}, m.createdAt = m.updatedAt AS created`,
      { id, name: input.name, mapping, author },
    ),
  );
  const { created, ...row } = result.records[0]!.toObject() as Record<string, unknown> & { created: boolean };
  return { mapping: fromRecord(row), created };
}

export async function deleteMapping(db: Database, id: string): Promise<void> {
  const result = await db.write((tx) => tx.run(`MATCH (m:${LABEL} {id: $id}) DELETE m RETURN count(*) AS n`, { id }));
  if (!result.records[0]?.get('n')) throw new AppError('not_found', `No saved mapping ${id}`);
}
