/** `npx fundrisk user add|disable|list`: account administration on the database FUNDRISK_DB names. */
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { resolveDatabasePath } from '../../env.ts';
import { openDatabase } from '../../db/client.ts';
import { ROLES, type Role } from '../../db/schema.ts';
import { addUser, disableUser, listUsers } from '../../services/users.ts';
import { ensureNationalParameterSet } from '../../services/parameters.ts';
import { CliError, writeJson } from '../io.ts';

async function readPasswordFromStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) return line;
  throw new CliError('--password-stdin: no password on standard input');
}

function openDb() {
  const db = openDatabase(resolveDatabasePath());
  ensureNationalParameterSet(db);
  return db;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage user accounts (用户管理)');
  user.command('add')
    .description('create a user; the password comes from standard input (--password-stdin) or FUNDRISK_PASSWORD')
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--regions <codes>', 'comma-separated region codes the user may see (default: all regions)')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (opts: { username: string; role: string; regions?: string; passwordStdin?: boolean }) => {
      if (!ROLES.includes(opts.role as Role)) throw new CliError(`--role: unknown role "${opts.role}"; use one of ${ROLES.join(', ')}`);
      const password = opts.passwordStdin ? await readPasswordFromStdin() : process.env.FUNDRISK_PASSWORD;
      if (!password) throw new CliError('no password: pass --password-stdin and write it to standard input, or set FUNDRISK_PASSWORD');
      const db = openDb();
      try {
        const id = await addUser(db, { username: opts.username, password, role: opts.role as Role, regionCodes: opts.regions?.split(',').map((s) => s.trim()) ?? [] }, null);
        writeJson({ id, username: opts.username, role: opts.role }, undefined);
      } catch (err) {
        throw new CliError((err as Error).message);
      } finally {
        db.$client.close();
      }
    });
  user.command('disable <name>').description('disable a user and end their sessions').action((name: string) => {
    const db = openDb();
    try {
      disableUser(db, name, null);
      writeJson({ username: name, disabled: true }, undefined);
    } catch (err) {
      throw new CliError((err as Error).message);
    } finally {
      db.$client.close();
    }
  });
  user.command('list').description('list users with role, regions and status').action(() => {
    const db = openDb();
    try {
      writeJson({ users: listUsers(db) }, undefined);
    } finally {
      db.$client.close();
    }
  });
}
