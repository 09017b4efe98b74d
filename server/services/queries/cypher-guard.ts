/**
 * Decides whether user Cypher may run. Two layers, both must pass:
 * 1. the text (`inspectText`): clauses EXPLAIN cannot show or that deserve a clear message — `USE`, query
 *    options, `LOAD CSV`, `IN TRANSACTIONS`, procedures outside the allow-list, hidden `_` labels;
 * 2. Neo4j's own plan (`inspectPlan`, from `EXPLAIN` in a read transaction): the query type must be `r`
 *    (read only), and no operator may load files, run admin or SHOW/TERMINATE commands, open transactions,
 *    reach another database, or call a procedure outside the allow-list.
 * The query then runs in a READ transaction, where Neo4j itself refuses any write.
 */
import { AppError } from '../../errors.js';
import { atClauseStart, labelPositions, nestingDepth } from './cypher-context.js';
import { CypherLexError, isKeyword, tokenize, type Token } from './cypher-text.js';

/** Read-only procedures an analyst may call: schema introspection and full-text search. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
]);

export const ALLOWED_PROCEDURE_NAMES = ['db.labels', 'db.relationshipTypes', 'db.propertyKeys', 'db.schema.*', 'db.index.fulltext.queryNodes', 'db.index.fulltext.queryRelationships'];

const forbidden = (message: string) => new AppError('forbidden', message);
const READ_ONLY = 'Saved and ad-hoc queries are read-only.';

/**
 * Brackets and prefix operators nested deeper than this are refused before Neo4j parses them: its parser
 * runs out of stack between 300 and 400 parentheses (and then hangs the request). Hand-written queries
 * nest under 15; 100 leaves generated ones room and stays well below the parser's edge.
 */
export const MAX_NESTING = 100;

/** Labels and relationship types starting with `_` hold Threadline's own data (saved queries), not the graph. */
export const isHiddenName = (name: string) => name.startsWith('_');

/** Throws `forbidden` (403) or `bad_request` (400, unreadable text); returns the tokens. */
export function inspectText(query: string): Token[] {
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch (err) {
    if (err instanceof CypherLexError) throw new AppError('bad_request', `Cypher syntax error: ${err.message} (offset ${err.offset}).`);
    throw err;
  }
  const first = tokens[0];
  if (isKeyword(first, 'EXPLAIN', 'PROFILE')) {
    throw new AppError('bad_request', `Remove ${first!.text.toUpperCase()}: the server plans and checks every query itself.`);
  }
  if (isKeyword(first, 'CYPHER')) throw forbidden('Query options (CYPHER ...) are not allowed.');

  const nesting = nestingDepth(tokens);
  if (nesting.depth > MAX_NESTING) {
    throw new AppError('bad_request', `The query nests ${nesting.depth} levels deep (brackets and NOT/sign prefixes) at offset ${nesting.offset}; the limit is ${MAX_NESTING}.`, [
      { where: 'query', message: `nests ${nesting.depth} deep, more than ${MAX_NESTING}` },
    ]);
  }
  const labels = labelPositions(tokens);
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (isKeyword(token, 'USE') && atClauseStart(tokens, i) && (next?.kind === 'word' || next?.kind === 'quoted')) {
      throw forbidden('USE clauses are not allowed: queries run on the Threadline graph only.');
    }
    if (isKeyword(token, 'LOAD') && isKeyword(next, 'CSV')) throw forbidden('LOAD CSV is not allowed: queries may not read files or URLs.');
    const afterBlock = prev?.kind === 'punct' && prev.text === '}';
    if (isKeyword(token, 'IN') && afterBlock && tokens.slice(i + 1, i + 7).some((t) => isKeyword(t, 'TRANSACTIONS'))) {
      throw forbidden('CALL { ... } IN TRANSACTIONS is not allowed.');
    }
    if (isKeyword(token, 'CALL') && atClauseStart(tokens, i)) {
      const name = procedureName(tokens, i + 1);
      if (name && !ALLOWED_PROCEDURES.has(name.toLowerCase())) {
        throw forbidden(`The procedure ${name} is not allowed; allowed: ${ALLOWED_PROCEDURE_NAMES.join(', ')}.`);
      }
    }
    if (token.kind === 'param' && token.text === '' && prev?.kind === 'punct' && prev.text === ':') {
      throw forbidden('Dynamic labels and types ($(...)) are not allowed.');
    }
    if (labels.has(i) && isHiddenName(token.text)) {
      throw forbidden(`The label or type ${token.text} is Threadline's own data, not part of the graph.`);
    }
  });
  if (tokens.length > 0 && isKeyword(first, 'SHOW', 'TERMINATE', 'GRANT', 'DENY', 'REVOKE', 'ALTER', 'RENAME', 'START', 'STOP', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN')) {
    throw forbidden(`${first!.text.toUpperCase()} commands are not allowed.`);
  }
  const object = tokens.slice(1, 5).find((t) => !isKeyword(t, 'OR', 'REPLACE'));
  if (isKeyword(first, 'CREATE', 'DROP') && isKeyword(object, 'DATABASE', 'COMPOSITE', 'ROLE', 'USER', 'ALIAS', 'SERVER')) {
    throw forbidden('Administration commands are not allowed.');
  }
  return tokens;
}

/** The dotted name after CALL, or null for a subquery `CALL {` / `CALL (x) {`. */
function procedureName(tokens: Token[], at: number): string | null {
  const parts: string[] = [];
  let i = at;
  for (;;) {
    const t = tokens[i];
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) break;
    parts.push(t.text);
    const dot = tokens[i + 1];
    if (dot?.kind === 'punct' && dot.text === '.') i += 2;
    else break;
  }
  return parts.length ? parts.join('.') : null;
}

export interface PlanOperator {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanOperator[];
}

/** Operators a read query may not contain even when Neo4j calls it a read (`SHOW TRANSACTIONS` is one). */
const FORBIDDEN_OPERATOR = /^(Show|Terminate|Administration|LoadCSV|Transaction|Create|Drop|Delete|DetachDelete|Merge|Set|Remove|Foreach|DoNothingIfExists|Alter|Grant|Deny|Revoke|Rename|Start|Stop|Enable|Assert)/;

/** Throws `forbidden` unless the plan is a plain read of this database. */
export function inspectPlan(queryType: string | undefined, plan: PlanOperator | false | undefined): void {
  if (queryType !== 'r') {
    const what = queryType === 'w' || queryType === 'rw' ? 'This query would write to the graph.' : 'This query would change the schema or run an administration command.';
    throw forbidden(`${what} ${READ_ONLY}`);
  }
  if (!plan) throw forbidden('Neo4j returned no plan for this query, so it cannot be checked.');
  const databases = new Set<string>();
  const walk = (op: PlanOperator) => {
    const [name = '', database] = op.operatorType.split('@');
    if (database) databases.add(database);
    const details = typeof op.arguments?.Details === 'string' ? op.arguments.Details : '';
    if (name.includes('.')) throw forbidden(`The procedure ${name} is not allowed.`);
    if (FORBIDDEN_OPERATOR.test(name)) throw forbidden(`The operation ${name} is not allowed.`);
    if (name === 'ProcedureCall') {
      const proc = details.match(/^\s*([\w.]+)\s*\(/)?.[1] ?? '';
      if (!ALLOWED_PROCEDURES.has(proc.toLowerCase())) {
        throw forbidden(`The procedure ${proc || '(unknown)'} is not allowed; allowed: ${ALLOWED_PROCEDURE_NAMES.join(', ')}.`);
      }
    }
    // Labels print as `n:A|_B` / `r:_T`; a map entry prints with a space (`{key: _x}`), so is not matched.
    const hidden = details.match(/[\w`][:|&]!?`?(_[^`|&:)\]\s]*)/);
    if (/[\w`]:\$(all|any)\(/.test(details)) throw forbidden('Dynamic labels and types ($(...)) are not allowed.');
    if (hidden) throw forbidden(`The label or type ${hidden[1]} is Threadline's own data, not part of the graph.`);
    (op.children ?? []).forEach(walk);
  };
  walk(plan);
  if (databases.size > 1 || databases.has('system')) throw forbidden('Queries run on the Threadline graph only.');
}
