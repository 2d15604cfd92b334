/**
 * The SIGKILL harness of the crash-safety tests: runs a child that prints `READY` when it starts
 * writing and `ACK <n>` after each committed write, kills it `killAfterMs` after READY, and returns
 * every acknowledged number in order.
 */
import { spawn } from 'node:child_process';

export function runUntilKilled(childFile: string, dbPath: string, killAfterMs: number): Promise<number[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childFile, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: number[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.stdout.on('data', (d) => {
      buffer += String(d);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        const m = /^ACK (\d+)$/.exec(line);
        if (m) acknowledged.push(Number(m[1]));
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done(acknowledged) : fail(new Error(`child ended without the kill: ${stderr}`))));
  });
}
