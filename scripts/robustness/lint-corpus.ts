/**
 * Lints corpus files one at a time with every rule of the plugin and real type information,
 * catching each file's failure so one crashing rule does not end the run.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';

import type { LifetimePlugin } from '../../src/index.js';

export const LINTED_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

export interface RuleException {
  file: string;
  /** The rule ESLint names for the exception (`lifetime/...`), or null when none was named. */
  ruleId: string | null;
  /** The first line of the message, plus the line ESLint adds about where it happened. */
  message: string;
  /** The top frames of the stack, to find the throwing code. */
  stack: string;
}

export interface LintCorpusResult {
  files: number;
  /** Files whose lint completed (with or without parse errors). */
  completed: number;
  /** Files the parser rejected (a fatal message, not an exception). */
  parseErrors: { file: string; message: string }[];
  reportsByRule: Record<string, number>;
  /** Where the reports are (the first 200), to read them by eye. */
  reportSample: { file: string; line: number; ruleId: string }[];
  exceptions: RuleException[];
  /** Milliseconds spent in each rule across all files (ESLint's own per-rule timing). */
  ruleTimeMs: Record<string, number>;
  /** The three files each rule spent longest on. */
  slowestByRule: Record<string, { file: string; ms: number }[]>;
  /** Wall time of the lint loop, without building the program. */
  lintMs: number;
  programMs: number;
  /** TypeScript programs built: the project's, plus one per file it could not hold. */
  programs: number;
  slowest: { file: string; ms: number }[];
}

/**
 * One TypeScript program over the whole generated project, built once and shared by all files,
 * plus one small program per file it left out: TypeScript keeps only one of `x.d.ts`, `x.js`,
 * `x.mjs` beside each other, and every corpus file deserves type information.
 */
export function createCorpusPrograms(tsconfigPath: string, files: readonly string[]): ts.Program[] {
  const read = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfigPath));
  const main = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const programs = [main];
  for (const file of files) {
    if (main.getSourceFile(file) === undefined) {
      programs.push(ts.createProgram({ rootNames: [file], options: parsed.options, oldProgram: main }));
    }
  }
  return programs;
}

/** Flat config: our parser with the given program, and every rule of the plugin as an error. */
export function corpusConfig(plugin: LifetimePlugin, programs: ts.Program[]): Linter.Config[] {
  const all = plugin.configs.all;
  return [
    {
      files: LINTED_FILES,
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        parserOptions: { programs, ecmaFeatures: { jsx: true } },
      },
      // The corpus carries directives for rules it was written against; they are not ours to judge.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
    { ...all, files: LINTED_FILES },
  ];
}

function ruleIdOf(error: unknown): string | null {
  if (typeof error === 'object' && error !== null) {
    const { ruleId } = error as { ruleId?: unknown };
    if (typeof ruleId === 'string') return ruleId;
  }
  const message = error instanceof Error ? error.message : String(error);
  return /Rule: "([^"]+)"/.exec(message)?.[1] ?? /rule '([^']+)'/.exec(message)?.[1] ?? null;
}

export function describeException(file: string, error: unknown): RuleException {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const where = lines.find((line) => line.startsWith('Occurred while linting'));
  const stack = error instanceof Error && error.stack !== undefined ? error.stack : '';
  return {
    file,
    ruleId: ruleIdOf(error),
    message: [lines[0] ?? '', where].filter((part) => part !== undefined && part !== '').join(' | '),
    stack: stack
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 6)
      .join('\n'),
  };
}

export interface LintCorpusOptions {
  plugin: LifetimePlugin;
  /** Project root: holds the tsconfig; file names in the result are relative to it. */
  root: string;
  tsconfigPath: string;
  files: readonly string[];
  /** Further config objects after the corpus config (a `sourceType` for some files, say). */
  extraConfigs?: readonly Linter.Config[];
  onProgress?: (done: number, total: number) => void;
}

export async function lintCorpus(options: LintCorpusOptions): Promise<LintCorpusResult> {
  const programStart = performance.now();
  const programs = createCorpusPrograms(options.tsconfigPath, options.files);
  const programMs = performance.now() - programStart;
  const eslint = new ESLint({
    cwd: options.root,
    overrideConfigFile: true,
    overrideConfig: [...corpusConfig(options.plugin, programs), ...(options.extraConfigs ?? [])],
    stats: true,
  });
  const result: LintCorpusResult = {
    files: options.files.length,
    completed: 0,
    parseErrors: [],
    reportsByRule: Object.fromEntries(Object.keys(options.plugin.rules).map((name) => [`lifetime/${name}`, 0])),
    reportSample: [],
    exceptions: [],
    ruleTimeMs: {},
    slowestByRule: {},
    lintMs: 0,
    programMs,
    programs: programs.length,
    slowest: [],
  };
  const timings: { file: string; ms: number }[] = [];
  const start = performance.now();
  for (const [index, file] of options.files.entries()) {
    const name = relative(options.root, file);
    const fileStart = performance.now();
    try {
      // lintText with the file's own text keeps one code path for files ESLint would ignore by name.
      const [lintResult] = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
      result.completed += 1;
      for (const message of lintResult?.messages ?? []) {
        if (message.fatal === true) {
          result.parseErrors.push({ file: name, message: `${String(message.line)}:${String(message.column)} ${message.message}` });
        } else if (message.ruleId !== null) {
          result.reportsByRule[message.ruleId] = (result.reportsByRule[message.ruleId] ?? 0) + 1;
          if (result.reportSample.length < 200) result.reportSample.push({ file: name, line: message.line, ruleId: message.ruleId });
        }
      }
      for (const pass of lintResult?.stats?.times.passes ?? []) {
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
          result.ruleTimeMs[ruleId] = (result.ruleTimeMs[ruleId] ?? 0) + time.total;
          const slowest = (result.slowestByRule[ruleId] ??= []);
          slowest.push({ file: name, ms: time.total });
          slowest.sort((a, b) => b.ms - a.ms).splice(3);
        }
      }
    } catch (error) {
      result.exceptions.push(describeException(name, error));
    }
    timings.push({ file: name, ms: performance.now() - fileStart });
    options.onProgress?.(index + 1, options.files.length);
  }
  result.lintMs = performance.now() - start;
  result.slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 5);
  return result;
}
