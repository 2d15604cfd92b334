/** Import of an uploaded file (base64 from the browser) through the same importer as the CLI. */
import type { Db } from '../db/client.ts';
import type { MoneyUnit } from '../../models/index.ts';
import { readTableFromBuffer, TableReadError } from '../importer/read-table.ts';
import { importTable, unreadableFileReport, type ImportKind, type ImportReport } from '../importer/import-table.ts';
import type { SessionUser } from '../auth/sessions.ts';

export interface UploadInput {
  kind: ImportKind;
  unit: MoneyUnit;
  fileName: string;
  contentBase64: string;
  vintage?: string | undefined;
}

export async function importUpload(db: Db, user: SessionUser, input: UploadInput, dryRun: boolean, today: string): Promise<ImportReport> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const options = { kind: input.kind, unit: input.unit, dryRun, vintage: input.vintage ?? today, userId: user.id, username: user.username };
  try {
    return await importTable(db, await readTableFromBuffer(bytes, input.fileName), options);
  } catch (err) {
    if (err instanceof TableReadError) return unreadableFileReport(input.fileName, options, err.message);
    throw err;
  }
}
