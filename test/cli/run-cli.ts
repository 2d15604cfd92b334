/** Running the real `fundrisk` bin as a user would, for the CLI tests. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/fundrisk.js');

export interface Run { status: number | null; stdout: string; stderr: string }

/** Runs the CLI; asynchronous so concurrent tests overlap their start-up. */
export function fundrisk(...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Writes files into a fresh temporary directory and returns their paths by name. */
export function scratch(files: Record<string, string>, prefix = 'fundrisk-cli-'): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return Object.fromEntries(Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return [name, join(dir, name)];
  }));
}
