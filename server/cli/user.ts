/**
 * `npm run user -- add <name> --role viewer|analyst|editor|admin`, `remove <name>`, `list`, `passwd <name>`:
 * manages Threadline's users in the login database: AUTH_NEO4J_URI when set, else the local Neo4j's (the one a
 * running `npm start` serves, or started for this command). With NEO4J_URI, AUTH_NEO4J_URI is required.
 * The password is asked for on a terminal, or read from standard input (first line) when it is piped.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ensureAuthSchema, findCredentials, listUsers, removeUser, saveUser } from '../auth/user-store.js';
import type { Role } from '../auth/roles.js';
import { loadConfig } from '../config.js';
import { PasswordSchema, RoleSchema, UserNameSchema } from '../../shared/contract/index.js';
import { connectConfigured } from '../db/connect-configured.js';
import { AppError } from '../errors.js';
import { SetupError } from '../setup-error.js';

const say = (message: string) => console.error(`[user] ${message}`);
const USAGE = `Usage: npm run user -- add <name> --role viewer|analyst|editor|admin
       npm run user -- passwd <name>
       npm run user -- remove <name>
       npm run user -- list
The password is asked for (twice) on a terminal, or read from the first line of standard input.`;

class UsageError extends Error {}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const output = rl as unknown as { _writeToOutput: (s: string) => void };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
      output._writeToOutput = (s: string) => (s.startsWith(prompt) ? process.stderr.write(prompt) : undefined);
    });
  const first = await ask('Password: ');
  if ((await ask('Again: ')) !== first) throw new UsageError('The two passwords differ.');
  return first;
}

function valid<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${what} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return parsed.data;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string', short: 'r' }, help: { type: 'boolean', short: 'h' } } });
  const [command, rawName] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (!['add', 'passwd', 'remove', 'list'].includes(command)) throw new UsageError(`Unknown command ${command}.`);
  const name = command === 'list' ? '' : valid(UserNameSchema, rawName, 'The name');
  const role = command === 'add' ? (valid(RoleSchema, values.role, '--role must be one of viewer, analyst, editor, admin:') as Role) : undefined;
  const password = command === 'add' || command === 'passwd' ? valid(PasswordSchema, await readPassword(), 'The password') : '';

  const connected = await connectConfigured(loadConfig(), say, { attach: true, logins: 'required' });
  try {
    const db = connected.loginDb;
    await ensureAuthSchema(db);
    if (command === 'list') {
      for (const u of await listUsers(db)) console.log(`${u.name}\t${u.role}\t${u.createdAt}`);
    } else if (command === 'remove') {
      await removeUser(db, name);
      say(`Removed ${name}, their sessions and API tokens.`);
    } else {
      const existing = await findCredentials(db, name);
      if (command === 'passwd' && !existing) throw new AppError('not_found', `No user named ${name}.`);
      const { created } = await saveUser(db, { name, role: role ?? existing!.role, password });
      say(created ? `Added ${name} (${role}).` : `Updated ${name} (${role ?? existing!.role}); their sessions were ended.`);
    }
    return 0;
  } finally {
    await connected.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`[user] ${err.message}\n${USAGE}`);
      process.exit(2);
    }
    const known = err instanceof SetupError || err instanceof AppError;
    console.error(`[user] ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}`);
    process.exit(1);
  },
);
