/**
 * Lints one prepared ecosystem package, file by file, with every rule of the built plugin's
 * `configs.all` and the package's own TypeScript program, and writes what it saw as JSON.
 * scripts/ecosystem/run.ts runs it in a child process per package (scripts/ecosystem/child.ts), so
 * each lint builds its program from cold and memory is returned between packages.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';

import type { LifetimePlugin } from '../../src/index.js';
import { corpusConfig, createCorpusPrograms, describeException } from '../robustness/lint-corpus.js';
import { type Finding, normaliseCode, sliceLines } from './labels.js';
import { preparePackage, readManifest } from './prepare.js';

export interface PackageRun {
  package: string;
  version: string;
  files: number;
  findings: Finding[];
  exceptions: { file: string; ruleId: string | null; message: string; stack: string }[];
  parseErrors: { file: string; line: number; column: number; message: string }[];
  /** Milliseconds per rule id (`lifetime/...`), summed over files from ESLint's stats. */
  ruleMs: Record<string, number>;
  parseMs: number;
  /** Building the TypeScript program(s). */
  programMs: number;
  /** The lint loop, without the program. */
  lintMs: number;
  programs: number;
}

const CONTEXT_LINES = 2;

export async function lintPackage(options: { repoRoot: string; manifestPath: string; name: string }): Promise<PackageRun> {
  const entry = readManifest(options.manifestPath).packages.find((candidate) => candidate.name === options.name);
  if (entry === undefined) throw new Error(`${options.name} is not in the manifest`);
  const prepared = preparePackage(entry);
  const plugin = ((await import(pathToFileURL(join(options.repoRoot, 'dist/src/index.js')).href)) as { default: LifetimePlugin }).default;

  const programStart = performance.now();
  const programs = createCorpusPrograms(prepared.tsconfigPath, prepared.files);
  const programMs = performance.now() - programStart;
  const eslint = new ESLint({ cwd: prepared.root, overrideConfigFile: true, overrideConfig: corpusConfig(plugin, programs), stats: true });

  const run: PackageRun = {
    package: entry.name,
    version: entry.version,
    files: prepared.files.length,
    findings: [],
    exceptions: [],
    parseErrors: [],
    ruleMs: Object.fromEntries(Object.keys(plugin.configs.all.rules).map((id) => [id, 0])),
    parseMs: 0,
    programMs,
    lintMs: 0,
    programs: programs.length,
  };
  const lintStart = performance.now();
  for (const file of prepared.files) {
    const name = relative(prepared.root, file).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    let results: ESLint.LintResult[];
    try {
      results = await eslint.lintText(text, { filePath: file });
    } catch (error) {
      run.exceptions.push(describeException(name, error));
      continue;
    }
    const lines = text.split(/\r\n|\r|\n/);
    for (const result of results) {
      for (const pass of result.stats?.times.passes ?? []) {
        run.parseMs += pass.parse?.total ?? 0;
        for (const [id, time] of Object.entries(pass.rules ?? {})) run.ruleMs[id] = (run.ruleMs[id] ?? 0) + time.total;
      }
      for (const message of result.messages) {
        if (message.fatal === true) {
          run.parseErrors.push({ file: name, line: message.line, column: message.column, message: message.message });
          continue;
        }
        // Notices without a rule (inline directives that noInlineConfig turns off) are not findings.
        if (message.ruleId === null) continue;
        const endLine = message.endLine ?? message.line;
        const endColumn = message.endColumn ?? message.column;
        run.findings.push({
          package: entry.name,
          file: name,
          rule: message.ruleId.replace(/^lifetime\//, ''),
          line: message.line,
          column: message.column,
          endLine,
          endColumn,
          messageId: message.messageId ?? '',
          message: message.message,
          text: normaliseCode(sliceLines(lines, message.line, message.column, endLine, endColumn)),
          suggestions: message.suggestions?.length ?? 0,
          context: lines.slice(Math.max(0, message.line - 1 - CONTEXT_LINES), Math.min(lines.length, endLine + CONTEXT_LINES)).map((line, index) => {
            const number = Math.max(1, message.line - CONTEXT_LINES) + index;
            return `${String(number).padStart(5)}${number >= message.line && number <= endLine ? ' >' : '  '} ${line.length > 220 ? `${line.slice(0, 220)}…` : line}`;
          }),
        });
      }
    }
  }
  run.lintMs = performance.now() - lintStart;
  return run;
}
