/**
 * `npx fundrisk user add|disable|enable|reset-password|set-access|reset-totp|list`: account
 * administration on the database FUNDRISK_DB or DATABASE_URL names. The CLI operator holds the
 * database, so it may also recover a locked-out installation (re-enable the last admin, reset a
 * lost second factor).
 */
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import type { Db } from '../../db/client.ts';
import { ROLES, type Role } from '../../db/schema.ts';
import { addUser, disableUser, enableUser, listUsers, resetPassword, resetTotp, setAccess } from '../../services/users.ts';
import { ensureNationalParameterSet } from '../../services/parameters.ts';
import { withDatabase } from '../database.ts';
import { CliError, writeJson } from '../io.ts';

async function readPasswordFromStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) return line;
  throw new CliError('--password-stdin: no password on standard input');
}

async function readPassword(passwordStdin: boolean | undefined): Promise<string> {
  const password = passwordStdin ? await readPasswordFromStdin() : process.env.FUNDRISK_PASSWORD;
  if (!password) throw new CliError('no password: pass --password-stdin and write it to standard input, or set FUNDRISK_PASSWORD');
  return password;
}

function checkRole(role: string): Role {
  if (!ROLES.includes(role as Role)) throw new CliError(`--role: unknown role "${role}"; use one of ${ROLES.join(', ')}`);
  return role as Role;
}

const regionList = (regions: string | undefined) => regions?.split(',').map((s) => s.trim()) ?? [];

/** Runs `work` on the database, turning service errors into CLI errors and always closing the database. */
async function withDb(work: (db: Db) => Promise<void>): Promise<void> {
  await withDatabase(async (db) => {
    await ensureNationalParameterSet(db);
    try {
      await work(db);
    } catch (err) {
      throw new CliError((err as Error).message);
    }
  });
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
      const role = checkRole(opts.role);
      const password = await readPassword(opts.passwordStdin);
      await withDb(async (db) => {
        const id = await addUser(db, { username: opts.username, password, role, regionCodes: regionList(opts.regions) }, null);
        writeJson({ id, username: opts.username, role: opts.role }, undefined);
      });
    });
  user.command('disable <name>').description('disable a user and end their sessions').action((name: string) => withDb(async (db) => {
    await disableUser(db, name, null);
    writeJson({ username: name, disabled: true }, undefined);
  }));
  user.command('enable <name>').description('enable a disabled user again').action((name: string) => withDb(async (db) => {
    await enableUser(db, name, null);
    writeJson({ username: name, disabled: false }, undefined);
  }));
  user.command('reset-password')
    .description('set a new password and end the user\'s sessions; the password comes from standard input (--password-stdin) or FUNDRISK_PASSWORD')
    .requiredOption('--username <name>', 'login name')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (opts: { username: string; passwordStdin?: boolean }) => {
      const password = await readPassword(opts.passwordStdin);
      await withDb(async (db) => {
        await resetPassword(db, opts.username, password, null);
        writeJson({ username: opts.username, passwordReset: true }, undefined);
      });
    });
  user.command('set-access')
    .description('set role and regions and end the user\'s sessions, so the new rights apply at once')
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--regions <codes>', 'comma-separated region codes the user may see (default: all regions)')
    .action((opts: { username: string; role: string; regions?: string }) => {
      const role = checkRole(opts.role);
      return withDb(async (db) => {
        await setAccess(db, opts.username, { role, regionCodes: regionList(opts.regions) }, null);
        const after = (await listUsers(db)).find((u) => u.username === opts.username);
        writeJson({ username: opts.username, role, regions: after?.regions ?? [] }, undefined);
      });
    });
  user.command('reset-totp <name>').description('turn a user\'s two-factor authentication off (lost phone) and end their sessions')
    .action((name: string) => withDb(async (db) => {
      await resetTotp(db, name, null);
      writeJson({ username: name, totpEnabled: false }, undefined);
    }));
  user.command('list').description('list users with role, regions, status and two-factor state').action(() => withDb(async (db) => {
    writeJson({ users: await listUsers(db) }, undefined);
  }));
}
