/** `fundrisk backup`, `fundrisk restore` and `fundrisk audit verify`: keeping the data safe and provable. */
import type { Command } from 'commander';
import { resolveDatabasePath } from '../../env.ts';
import { openDatabase } from '../../db/client.ts';
import { backupDatabase, restoreDatabase } from '../../services/backup.ts';
import { verifyAuditChain } from '../../services/audit-verify.ts';
import { CliError, writeJson } from '../io.ts';

export function registerMaintenance(program: Command): void {
  program.command('backup')
    .description('consistent online copy of the database (safe while the server runs)')
    .requiredOption('--out <file>', 'the backup file to create')
    .action(async (opts: { out: string }) => {
      const db = openDatabase(resolveDatabasePath());
      try {
        writeJson({ backup: opts.out, ...(await backupDatabase(db, opts.out)) }, undefined);
      } catch (err) {
        throw new CliError((err as Error).message);
      } finally {
        db.$client.close();
      }
    });
  program.command('restore <file>')
    .description('replace the database by a backup that passes the integrity check (stop the server first)')
    .action((file: string) => {
      try {
        writeJson({ restored: file, ...restoreDatabase(file, resolveDatabasePath(), Date.now()) }, undefined);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
    });
  program.command('audit').description('audit log tools').command('verify')
    .description('re-walk the hash chain of the audit log; exit 1 if a row was edited or removed')
    .action(() => {
      const db = openDatabase(resolveDatabasePath());
      try {
        const report = verifyAuditChain(db);
        writeJson(report, undefined);
        if (!report.ok) process.exitCode = 1;
      } finally {
        db.$client.close();
      }
    });
}
