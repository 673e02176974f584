/**
 * Runs the weak-parent codemod over corpus copies: in process file by file (to pin every crash
 * on a file), then through the CLI twice (end to end: what changed, does it still parse, does a
 * second run change anything, were unparsable files left alone).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

import { parse as parseTypeScript } from '@typescript-eslint/parser';

/** The codemod's default export, as jscodeshift calls it. */
export type Transform = (
  file: { path: string; source: string },
  api: { report: (message: string) => void },
  options: Record<string, unknown>,
) => string | null | undefined;

/** Whether a file's text is valid syntax for TypeScript's own parser (the one our rules lint with). */
export function syntaxError(file: string, text: string): string | null {
  const jsx = !/\.(?:ts|mts|cts)$/.test(file);
  try {
    parseTypeScript(text, { ecmaFeatures: { jsx }, filePath: file });
    return null;
  } catch (error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  }
}

export function hashFile(file: string): string {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

export interface InProcessResult {
  changed: string[];
  unchanged: number;
  /** Files the transform's parser cannot read (listed; the CLI must leave them untouched). */
  unparsable: { file: string; message: string }[];
  crashes: { file: string; message: string; stack: string }[];
  /** Output that no longer parses although the input did. */
  brokenOutput: { file: string; message: string }[];
  /** Output that changes again when transformed a second time. */
  notIdempotent: string[];
  /** Members the transform left alone and reported for review. */
  reports: number;
  ms: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Applies the transform to every file in memory, never writing anything. The transform parses
 * each candidate itself and throws `SourceParseError` (`path:line:column: cannot parse: …`)
 * for text it cannot read; any other throw is a crash.
 */
export function transformInProcess(transform: Transform, root: string, files: readonly string[]): InProcessResult {
  const result: InProcessResult = { changed: [], unchanged: 0, unparsable: [], crashes: [], brokenOutput: [], notIdempotent: [], reports: 0, ms: 0 };
  const start = performance.now();
  const api = {
    report: (): void => {
      result.reports += 1;
    },
  };
  for (const file of files) {
    const name = relative(root, file);
    const source = readFileSync(file, 'utf8');
    let output: string | null | undefined;
    try {
      output = transform({ path: file, source }, api, {});
    } catch (error) {
      const message = errorText(error);
      const parseError = error instanceof Error && error.name === 'SourceParseError';
      if (parseError && !message.includes('the rewritten text')) {
        result.unparsable.push({ file: name, message: (message.startsWith(file) ? message.slice(file.length) : message).split('\n')[0] ?? '' });
      } else if (parseError) {
        result.brokenOutput.push({ file: name, message });
      } else {
        result.crashes.push({ file: name, message, stack: error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 7).join('\n') : '' });
      }
      continue;
    }
    if (output === null || output === undefined || output === source) {
      result.unchanged += 1;
      continue;
    }
    result.changed.push(name);
    const broken = syntaxError(file, output);
    if (broken !== null && syntaxError(file, source) === null) result.brokenOutput.push({ file: name, message: broken });
    try {
      const again = transform({ path: file, source: output }, api, {});
      if (again !== null && again !== undefined && again !== output) result.notIdempotent.push(name);
    } catch (error) {
      result.crashes.push({ file: `${name} (second pass)`, message: errorText(error), stack: '' });
    }
  }
  result.ms = performance.now() - start;
  return result;
}

export interface CliRun {
  exitCode: number | null;
  signal: string | null;
  ms: number;
  /** The lines the CLI printed last (its summary), without the per-file lists. */
  summary: string[];
  /** Files the CLI itself listed as failed (`file:line: reason`). */
  failed: string[];
  /** A JavaScript stack trace reached the terminal: an exception the CLI did not handle. */
  uncaught: boolean;
}

export function runCli(cliPath: string, args: readonly string[], cwd: string, timeoutMs = 900_000): CliRun & { stdout: string; stderr: string } {
  const start = performance.now();
  const child = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const stdout = child.stdout;
  const stderr = child.stderr;
  // The summary goes to stderr; stdout only carries --diff or --print output.
  const lines = stderr.split('\n');
  const summary = lines.filter((line) => /^\S.*: \d+ files?|^ {2}\w[\w ,]*:\s+\d+/.test(line)).map((line) => line.trim());
  const failedAt = lines.findIndex((line) => line.startsWith('  failed:'));
  const failed: string[] = [];
  if (failedAt !== -1) {
    for (const line of lines.slice(failedAt + 1)) {
      if (!line.startsWith('    ')) break;
      failed.push(line.trim());
    }
  }
  return {
    exitCode: child.status,
    signal: child.signal,
    ms: performance.now() - start,
    summary,
    failed,
    // The CLI reports failed files one line each; a stack trace means something escaped it.
    uncaught: /^\s+at .+:\d+:\d+\)?$/m.test(stderr),
    stdout,
    stderr,
  };
}

export interface CliCorpusResult {
  first: CliRun;
  second: CliRun;
  changed: string[];
  /** Changed files that no longer parse although their original did. */
  changedNotParsing: { file: string; message: string }[];
  /** Files the in-process run found unparsable that the CLI nevertheless modified. */
  unparsableTouched: string[];
  /** Files the second run changed again. */
  secondRunChanged: string[];
}

export function runCliOnCorpus(
  cliPath: string,
  transformName: string,
  root: string,
  targetDir: string,
  files: readonly string[],
  unparsable: ReadonlySet<string>,
): CliCorpusResult {
  const before = new Map(files.map((file) => [file, hashFile(file)]));
  const originals = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const first = runCli(cliPath, [transformName, targetDir], root);
  const afterFirst = new Map(files.map((file) => [file, hashFile(file)]));
  const changed = files.filter((file) => before.get(file) !== afterFirst.get(file));
  const changedNotParsing: { file: string; message: string }[] = [];
  for (const file of changed) {
    const error = syntaxError(file, readFileSync(file, 'utf8'));
    if (error !== null && syntaxError(file, originals.get(file) ?? '') === null) {
      changedNotParsing.push({ file: relative(root, file), message: error });
    }
  }
  const second = runCli(cliPath, [transformName, targetDir], root);
  const secondRunChanged = files.filter((file) => afterFirst.get(file) !== hashFile(file)).map((file) => relative(root, file));
  return {
    first: stripOutput(first),
    second: stripOutput(second),
    changed: changed.map((file) => relative(root, file)),
    changedNotParsing,
    unparsableTouched: changed.map((file) => relative(root, file)).filter((name) => unparsable.has(name)),
    secondRunChanged,
  };
}

function stripOutput(run: CliRun & { stdout: string; stderr: string }): CliRun {
  return { exitCode: run.exitCode, signal: run.signal, ms: run.ms, summary: run.summary, failed: run.failed, uncaught: run.uncaught };
}
