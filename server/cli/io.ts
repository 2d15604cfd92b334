/** Shared plumbing of CLI commands: JSON output to stdout or `--out`, errors to stderr. */
import { writeFileSync } from 'node:fs';

/** An error whose message is shown to the user as is (it already names file, row, column, rule). */
export class CliError extends Error {}

export function writeJson(value: unknown, outPath: string | undefined): void {
  const text = `${JSON.stringify(value)}\n`;
  if (outPath) writeFileSync(outPath, text);
  else process.stdout.write(text);
}
