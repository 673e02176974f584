// Shared by the robustness tests: a throwaway typed project, an ESLint instance with every rule
// of the plugin (from source), a cheap in-memory type checker, and the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';

import plugin from '../../src/index.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Compiler options of the typed test projects: the fixture project's, in a temp directory. */
export const projectCompilerOptions = {
  target: 'es2022',
  lib: ['es2023', 'es2021.weakref', 'esnext.disposable', 'dom'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  types: ['node'],
  typeRoots: [join(repoRoot, 'node_modules', '@types')],
  strict: true,
  allowJs: true,
  checkJs: true,
  jsx: 'preserve',
  skipLibCheck: true,
  noEmit: true,
};

export interface TypedProject {
  dir: string;
  eslint: ESLint;
  /** Lints `text` as if it were the unsaved content of `dir/<name>`. */
  lint: (text: string, name?: string) => Promise<ESLint.LintResult>;
  dispose: () => void;
}

export const LINTED_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/** Every rule of the plugin (as loaded from source) with typed linting through projectService. */
export function allRulesConfig(tsconfigRootDir: string): Linter.Config[] {
  return [
    {
      files: LINTED_FILES,
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      // Generated code may carry a blanket `eslint-disable`; only rule reports matter here.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    { ...(plugin.configs.all), files: LINTED_FILES },
  ];
}

/**
 * A temporary project with a tsconfig, placeholder files for the names tests lint, and one
 * ESLint instance; text passed to `lint` replaces the file's content as an editor would.
 * Give every file its own base name: TypeScript keeps only one of `a.ts`, `a.tsx`, `a.js`.
 */
export function createTypedProject(fileNames: readonly string[] = ['gen.ts', 'gen-js.js', 'gen-jsx.tsx']): TypedProject {
  const dir = mkdtempSync(join(tmpdir(), 'lifetime-typed-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: projectCompilerOptions, include: ['*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'] }));
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}');
  for (const name of fileNames) writeFileSync(join(dir, name), 'export {};\n');
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: allRulesConfig(dir) });
  return {
    dir,
    eslint,
    lint: async (text, name = 'gen.ts') => {
      const [result] = await eslint.lintText(text, { filePath: join(dir, name) });
      if (result === undefined) throw new Error('ESLint returned no result');
      return result;
    },
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const libCache = new Map<string, ts.SourceFile | undefined>();

/**
 * Type errors of one in-memory module under the strict test options; lib files are parsed once
 * and shared, so a check costs a fraction of a fresh program.
 */
export function typeErrors(text: string, fileName = 'check.ts'): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.es2021.weakref.d.ts', 'lib.esnext.disposable.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    types: [],
    allowJs: true,
    checkJs: true,
    jsx: ts.JsxEmit.Preserve,
    // Every check is a module of its own, so its names never collide with the DOM's globals.
    moduleDetection: ts.ModuleDetectionKind.Force,
  };
  const root = `/virtual/${fileName}`;
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    if (name === root) return ts.createSourceFile(name, text, languageVersion, true);
    if (!libCache.has(name)) libCache.set(name, getSourceFile(name, languageVersion, onError, shouldCreate));
    return libCache.get(name);
  };
  host.fileExists = (name) => name === root || ts.sys.fileExists(name);
  host.readFile = (name) => (name === root ? text : ts.sys.readFile(name));
  const program = ts.createProgram({ rootNames: [root], options, host });
  const file = program.getSourceFile(root);
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    return `${String(where)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/** The sources the CLI is built from; only they make a local dist/ stale for these tests. */
const CLI_SOURCES = ['cli/index.ts', 'cli/run.ts', 'codemods/registry.ts', 'codemods/weak-parent/index.ts', 'codemods/weak-parent/rewrite.ts', 'src/weak-parent-rewrite.ts'];

/**
 * The CLI as it ships (dist/cli/index.js). CI builds before testing; a local run whose dist is
 * missing or older than the CLI's sources builds once here.
 */
export function builtCli(): string {
  const cli = join(repoRoot, 'dist', 'cli', 'index.js');
  const newest = Math.max(...CLI_SOURCES.map((file) => (existsSync(join(repoRoot, file)) ? statSync(join(repoRoot, file)).mtimeMs : 0)));
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest) {
    spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot });
  }
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing after the build');
  return cli;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string): CliResult {
  const child = spawnSync(process.execPath, [builtCli(), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
