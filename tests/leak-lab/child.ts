// Runs a leak-lab script in a child `node --expose-gc` process, as the lab itself does.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const MiB = 1024 * 1024;

export interface ChildResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runLabScript(script: string, args: readonly string[]): ChildResult {
  const path = fileURLToPath(new URL(`../../bench/leak-lab/${script}`, import.meta.url));
  const result = spawnSync(process.execPath, ['--expose-gc', path, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a script that prints one JSON object as its last line and returns that object. */
export function runLabJson(script: string, args: readonly string[]): unknown {
  const result = runLabScript(script, args);
  if (result.status !== 0) {
    throw new Error(`${script} ${args.join(' ')} exited ${String(result.status)}:\n${result.stderr}`);
  }
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last);
}

export interface LoopRow {
  iteration: number;
  heapUsed: number;
  increment: number;
  cached: number;
}

export interface LoopResult {
  variant: 'a' | 'b' | 'c';
  baseline: number;
  rows: LoopRow[];
  growth: number;
  parentWhileAlive: boolean;
  parentRead:
    | { threw: false; value: string }
    | { threw: true; errorName: string; message: string }
    | null;
  codemod?: { from: string; source: string };
}
