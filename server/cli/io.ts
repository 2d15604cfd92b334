/** Shared plumbing of CLI commands: JSON output to stdout or `--out`, errors to stderr. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/** An error whose message is shown to the user as is (it already names file, row, column, rule). */
export class CliError extends Error {}

export function writeJson(value: unknown, outPath: string | undefined): void {
  const text = `${JSON.stringify(value)}\n`;
  if (outPath) writeFileSync(outPath, text);
  else process.stdout.write(text);
}

/**
 * A JSON file (a BOM is ignored) and its base name for messages.
 * @throws CliError `<path>: cannot read file (<code>)` or `<name>: not valid JSON (<reason>)`.
 */
export function readJsonFile(path: string): { json: unknown; name: string } {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new CliError(`${path}: cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return { json: JSON.parse(text), name };
  } catch (err) {
    throw new CliError(`${name}: not valid JSON (${(err as Error).message})`);
  }
}
