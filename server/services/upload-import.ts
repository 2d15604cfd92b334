/** Import of an uploaded file (base64 from the browser) through the same importer as the CLI. */
import type { Db } from '../db/client.ts';
import type { MoneyUnit } from '../../models/index.ts';
import { readTableFromBuffer, TableReadError } from '../importer/read-table.ts';
import { importTable, type ImportKind, type ImportReport } from '../importer/import-table.ts';
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
    const table = await readTableFromBuffer(bytes, input.fileName);
    return importTable(db, table, options);
  } catch (err) {
    if (!(err instanceof TableReadError)) throw err;
    return {
      ok: false, dryRun, kind: input.kind, fileName: input.fileName, encoding: 'unknown', unit: input.unit, rowsRead: 0,
      errors: [{ file: input.fileName, row: null, column: null, rule: 'unreadable_file', message: err.message }],
      summary: { inserted: 0, updated: 0, unchanged: 0 }, changes: [], changesTruncated: false, importId: null,
    };
  }
}
