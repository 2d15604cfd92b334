/**
 * `fundrisk backup`, `fundrisk restore` and `fundrisk audit verify`: keeping the data safe and
 * provable. Backup and restore are SQLite's (a file); on PostgreSQL they refuse and name
 * pg_dump / pg_restore.
 */
import type { Command } from 'commander';
import { resolveDatabaseTarget } from '../../db/target.ts';
import { assertBackupSupported, backupDatabase, restoreDatabase } from '../../services/backup.ts';
import { verifyAuditChain } from '../../services/audit-verify.ts';
import { withDatabase } from '../database.ts';
import { CliError, writeJson } from '../io.ts';

export function registerMaintenance(program: Command): void {
  program.command('backup')
    .description('consistent online copy of the SQLite database (safe while the server runs); on PostgreSQL use pg_dump')
    .requiredOption('--out <file>', 'the backup file to create')
    .action(async (opts: { out: string }) => {
      try {
        assertBackupSupported(resolveDatabaseTarget().dialect);
        const progress = await withDatabase((db) => backupDatabase(db, opts.out));
        writeJson({ backup: opts.out, ...progress }, undefined);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
    });
  program.command('restore <file>')
    .description('replace the SQLite database by a backup that passes the integrity check (stop the server first); on PostgreSQL use pg_restore')
    .action((file: string) => {
      try {
        writeJson({ restored: file, ...restoreDatabase(file, resolveDatabaseTarget(), Date.now()) }, undefined);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
    });
  program.command('audit').description('audit log tools').command('verify')
    .description('re-walk the hash chain of the audit log; exit 1 if a row was edited or removed')
    .action(async () => {
      const report = await withDatabase((db) => verifyAuditChain(db));
      writeJson(report, undefined);
      if (!report.ok) process.exitCode = 1;
    });
}
