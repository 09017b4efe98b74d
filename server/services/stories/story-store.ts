/**
 * Stories in Neo4j, apart from the content graph (like saved views): one `_Story` node with the latest version's
 * summary, and one `_StoryVersion` node per save holding that version's content as JSON. Versions are never changed
 * or removed (except with their story): a restore saves an old version's content again as the newest.
 */
import { randomBytes } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Story, StoryContent, StorySummary, StoryVersion } from '../../../shared/contract/index.js';
import { slugify } from '../../../shared/text/slug.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { checkStoryReferences } from './story-references.js';

const STORY = '_Story';
const VERSION = '_StoryVersion';

export async function ensureStorySchema(db: Database): Promise<void> {
  for (const query of [
    `CREATE CONSTRAINT story_id IF NOT EXISTS FOR (s:${STORY}) REQUIRE s.id IS UNIQUE`,
    `CREATE CONSTRAINT story_version_key IF NOT EXISTS FOR (v:${VERSION}) REQUIRE v.key IS UNIQUE`,
  ]) {
    await db.driver.executeQuery(query, {}, { database: db.database });
  }
}

const SUMMARY_FIELDS = `s.id AS id, s.title AS title, s.summary AS summary, s.version AS version, s.author AS author, s.createdBy AS createdBy,
  toString(s.createdAt) AS createdAt, toString(s.updatedAt) AS updatedAt, s.stepCount AS stepCount`;
/** Numbers from JavaScript arrive as floats: toInteger keeps the key `story:x@1`, not `@1.0`. */
const VERSION_OF = (version: string) => `MATCH (v:${VERSION} {key: s.id + '@' + toString(toInteger(${version}))})`;

export async function listStories(db: Database): Promise<StorySummary[]> {
  const result = await db.read((tx) => tx.run(`MATCH (s:${STORY}) RETURN ${SUMMARY_FIELDS} ORDER BY s.updatedAt DESC`));
  return result.records.map((r) => r.toObject() as StorySummary);
}

/** The story at `version` (its latest without one). */
export async function getStory(db: Database, id: string, version?: number): Promise<Story> {
  return db.read((tx) => readStory(tx, id, version));
}

async function readStory(tx: ManagedTransaction, id: string, version?: number): Promise<Story> {
  const result = await tx.run(
    `MATCH (s:${STORY} {id: $id}) ${VERSION_OF('coalesce($version, s.version)')}
     RETURN s.id AS id, v.version AS version, v.author AS author, s.createdBy AS createdBy, toString(s.createdAt) AS createdAt,
            toString(v.savedAt) AS updatedAt, v.content AS content`,
    { id, version: version ?? null },
  );
  const record = result.records[0];
  if (!record) {
    const exists = version !== undefined && (await tx.run(`MATCH (s:${STORY} {id: $id}) RETURN s.version AS latest`, { id })).records[0];
    throw new AppError('not_found', exists ? `Story ${id} has no version ${version} (the latest is ${exists.get('latest')})` : `No story ${id}`);
  }
  const { content, ...meta } = record.toObject() as Omit<Story, keyof StoryContent> & { content: string };
  return { ...(JSON.parse(content) as StoryContent), ...meta };
}

export async function listVersions(db: Database, id: string): Promise<StoryVersion[]> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (s:${STORY} {id: $id}) OPTIONAL MATCH (v:${VERSION} {storyId: $id})
       RETURN s.id AS story, v.version AS version, v.author AS author, toString(v.savedAt) AS savedAt, v.title AS title, v.stepCount AS stepCount
       ORDER BY version DESC`,
      { id },
    );
    if (result.records.length === 0) throw new AppError('not_found', `No story ${id}`);
    return result.records.map((r) => {
      const { story: _story, ...version } = r.toObject() as StoryVersion & { story: string };
      return version;
    });
  });
}

export async function createStory(db: Database, content: StoryContent, author: string): Promise<Story> {
  const id = `story:${slugify(content.title, 'untitled', 60)}-${randomBytes(3).toString('hex')}`;
  return db.write(async (tx) => {
    await checkStoryReferences(tx, content);
    await tx.run(`CREATE (s:${STORY} {id: $id, createdBy: $author, createdAt: datetime(), version: 0})`, { id, author });
    return writeVersion(tx, id, content, author);
  });
}

/** Saves `content` as the version after `baseVersion`; 409 when someone saved a newer version meanwhile. */
export async function saveStory(db: Database, id: string, content: StoryContent, baseVersion: number, author: string): Promise<Story> {
  return db.write(async (tx) => {
    await lockAt(tx, id, baseVersion);
    await checkStoryReferences(tx, content);
    return writeVersion(tx, id, content, author);
  });
}

/** Saves version `n`'s content again as the newest version (its element ids were checked when it was saved). */
export async function restoreVersion(db: Database, id: string, n: number, baseVersion: number, author: string): Promise<Story> {
  return db.write(async (tx) => {
    await lockAt(tx, id, baseVersion);
    const { title, summary, elements, steps, public: isPublic } = await readStory(tx, id, n);
    return writeVersion(tx, id, { title, summary, elements, steps, ...(isPublic === undefined ? {} : { public: isPublic }) }, author);
  });
}

export async function deleteStory(db: Database, id: string): Promise<void> {
  const result = await db.write((tx) =>
    tx.run(`MATCH (s:${STORY} {id: $id}) OPTIONAL MATCH (v:${VERSION} {storyId: $id}) DETACH DELETE s, v RETURN count(DISTINCT s) AS n`, { id }),
  );
  if (!result.records[0]?.get('n')) throw new AppError('not_found', `No story ${id}`);
}

/**
 * Takes the story's write lock first (the SET), so its version is read after any save that got there before us:
 * two saves from the same base cannot both pass.
 */
async function lockAt(tx: ManagedTransaction, id: string, baseVersion: number): Promise<void> {
  const result = await tx.run(
    `MATCH (s:${STORY} {id: $id}) SET s.locked = true REMOVE s.locked
     RETURN s.version AS version, s.author AS author, toString(s.updatedAt) AS updatedAt`,
    { id },
  );
  const record = result.records[0];
  if (!record) throw new AppError('not_found', `No story ${id}`);
  const { version, author, updatedAt } = record.toObject() as { version: number; author: string; updatedAt: string };
  if (version !== baseVersion) {
    throw new AppError('conflict', `${author} saved version ${version} of this story at ${updatedAt}, after the version ${baseVersion} you edited. Reload it and make your changes again.`, [
      { where: 'body.baseVersion', message: `is ${baseVersion}, but the latest version is ${version} (saved by ${author} at ${updatedAt})` },
    ]);
  }
}

async function writeVersion(tx: ManagedTransaction, id: string, content: StoryContent, author: string): Promise<Story> {
  await tx.run(
    `MATCH (s:${STORY} {id: $id})
     WITH s, s.version + 1 AS version
     CREATE (:${VERSION} {key: s.id + '@' + toString(version), storyId: s.id, version: version, content: $content, author: $author,
                          savedAt: datetime(), title: $title, stepCount: $stepCount})
     SET s.version = version, s.title = $title, s.summary = $summary, s.stepCount = $stepCount, s.author = $author, s.updatedAt = datetime()`,
    { id, content: JSON.stringify(content), author, title: content.title, summary: content.summary, stepCount: content.steps.length },
  );
  return readStory(tx, id);
}
