/**
 * The positional fuzzer: every trigger of fuzz-cases.ts at every position that takes it, in
 * TypeScript (.ts), TSX (.tsx), JavaScript modules (.js in a `"type": "module"` package),
 * CommonJS (.cjs) and classic scripts (.js linted with `sourceType: 'script'`), written into a
 * temporary project and linted with every rule and real type information.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import type { Linter } from 'eslint';
import ts from 'typescript';

import type { LifetimePlugin } from '../../src/index.js';
import { fits, fuzzSource, type Language, type Position, POSITIONS, PREAMBLE, type Trigger, TRIGGERS } from './fuzz-cases.js';
import { lintCorpus, type LintCorpusResult } from './lint-corpus.js';

export interface FuzzCase {
  file: string;
  language: Language;
  position: string;
  trigger: string;
}

export interface FuzzProject {
  root: string;
  cases: FuzzCase[];
  /** The module files (every language but scripts), one program. */
  modules: { tsconfigPath: string; files: string[] };
  /** Classic scripts share one global scope, so each gets a program of its own. */
  scripts: { tsconfigPath: string; files: string[] };
}

export const LANGUAGES: readonly Language[] = ['ts', 'tsx', 'js', 'cjs', 'script'];

const EXTENSION: Record<Language, string> = { ts: 'ts', tsx: 'tsx', js: 'js', cjs: 'cjs', script: 'js' };

/** The fuzz project's compiler options: strict TypeScript with everything the triggers use. */
const COMPILER_OPTIONS = {
  target: 'es2022',
  lib: ['es2023', 'es2021.weakref', 'esnext.disposable', 'dom'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  types: [],
  strict: true,
  allowJs: true,
  checkJs: false,
  jsx: 'preserve',
  skipLibCheck: true,
  noEmit: true,
};

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** TypeScript → JavaScript with the types stripped and the syntax as written (target ESNext). */
function stripTypes(source: string, language: Exclude<Language, 'ts' | 'tsx'>): string {
  // JSX positions exist in TSX only, so what is stripped here is always plain TypeScript.
  const output = ts.transpileModule(source, {
    fileName: 'case.ts',
    compilerOptions: {
      target: ts.ScriptTarget.ESNext,
      module: language === 'cjs' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext,
      jsx: ts.JsxEmit.Preserve,
      useDefineForClassFields: true,
    },
  }).outputText;
  // A classic script stays in sloppy mode, as most scripts are.
  return language === 'script' ? output.replace(/^"use strict";\r?\n/, '') : output;
}

/** The text of one case in one language: TypeScript as written, JavaScript with the types stripped. */
export function caseText(trigger: Trigger, position: Position, language: Language): string {
  if (language === 'ts' || language === 'tsx') return fuzzSource(trigger, position);
  return stripTypes(fuzzSource(trigger, position, { preamble: language !== 'script' }), language);
}

/**
 * Every case that fits. With `sample`, one case per position kind instead: the language and the
 * trigger rotate from one position to the next, so that a small run still meets every position,
 * every language and most triggers.
 */
export function fuzzCases(sample = false): { trigger: Trigger; position: Position; language: Language }[] {
  if (sample) {
    const cases: { trigger: Trigger; position: Position; language: Language }[] = [];
    for (const [index, position] of POSITIONS.entries()) {
      const languages = [...LANGUAGES.slice(index % LANGUAGES.length), ...LANGUAGES.slice(0, index % LANGUAGES.length)];
      const triggers = [...TRIGGERS.slice(index % TRIGGERS.length), ...TRIGGERS.slice(0, index % TRIGGERS.length)];
      const picked = languages.flatMap((language) => triggers.filter((trigger) => fits(trigger, position, language)).map((trigger) => ({ trigger, position, language })))[0];
      if (picked !== undefined) cases.push(picked);
    }
    return cases;
  }
  return LANGUAGES.flatMap((language) =>
    POSITIONS.flatMap((position) => TRIGGERS.filter((trigger) => fits(trigger, position, language)).map((trigger) => ({ trigger, position, language }))),
  );
}

export function writeFuzzProject(options: { sample?: boolean } = {}): FuzzProject {
  const root = mkdtempSync(join(tmpdir(), 'lifetime-fuzz-'));
  writeFileSync(join(root, 'package.json'), '{"type":"module","private":true}\n');
  const modulesDir = join(root, 'modules');
  const scriptsDir = join(root, 'scripts');
  const cases: FuzzCase[] = [];
  const moduleFiles: string[] = [];
  const scriptFiles: string[] = [];
  for (const { trigger, position, language } of fuzzCases(options.sample === true)) {
    const dir = language === 'script' ? scriptsDir : join(modulesDir, language);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${slug(position.name)}--${slug(trigger.name)}.${EXTENSION[language]}`);
    writeFileSync(file, caseText(trigger, position, language));
    (language === 'script' ? scriptFiles : moduleFiles).push(file);
    cases.push({ file: relative(root, file), language, position: position.name, trigger: trigger.name });
  }
  if (scriptFiles.length > 0) {
    const preamble = join(scriptsDir, '_preamble.js');
    writeFileSync(preamble, stripTypes(PREAMBLE, 'script'));
    scriptFiles.unshift(preamble);
  }
  const modulesConfig = join(root, 'tsconfig.json');
  writeFileSync(modulesConfig, `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ['modules'] }, null, 2)}\n`);
  // Scripts share one global scope (as script tags on a page do): the preamble's declarations
  // come once, from _preamble.js. Without import or export, TypeScript takes each as a script.
  const scriptsConfig = join(root, 'tsconfig.scripts.json');
  writeFileSync(
    scriptsConfig,
    `${JSON.stringify({ compilerOptions: { ...COMPILER_OPTIONS, module: 'esnext', moduleResolution: 'bundler' }, include: ['scripts'] }, null, 2)}\n`,
  );
  return { root, cases, modules: { tsconfigPath: modulesConfig, files: moduleFiles }, scripts: { tsconfigPath: scriptsConfig, files: scriptFiles } };
}

/** Classic scripts are parsed as scripts, not modules. */
const SCRIPT_CONFIG: Linter.Config = { files: ['scripts/**/*.js'], languageOptions: { sourceType: 'script' } };

export interface FuzzResult {
  cases: FuzzCase[];
  modules: LintCorpusResult;
  scripts: LintCorpusResult;
  /** Position kinds with at least one case that parsed, so that the rules ran on it. */
  positionsCovered: number;
  positions: number;
  triggersCovered: number;
  triggers: number;
  /** Cases per language. */
  languages: Record<string, number>;
}

export async function fuzz(
  plugin: LifetimePlugin,
  project: FuzzProject,
  onProgress?: (done: number, total: number) => void,
): Promise<FuzzResult> {
  const total = project.modules.files.length + project.scripts.files.length;
  const modules = await lintCorpus({ plugin, root: project.root, ...project.modules, onProgress: (done) => onProgress?.(done, total) });
  const scripts = await lintCorpus({
    plugin,
    root: project.root,
    ...project.scripts,
    extraConfigs: [SCRIPT_CONFIG],
    onProgress: (done) => onProgress?.(project.modules.files.length + done, total),
  });
  const unparsed = new Set([...modules.parseErrors, ...scripts.parseErrors].map((error) => error.file));
  const failed = new Set([...modules.exceptions, ...scripts.exceptions].map((exception) => exception.file));
  const ran = project.cases.filter((entry) => !unparsed.has(entry.file) && !failed.has(entry.file));
  const languages: Record<string, number> = {};
  for (const entry of project.cases) languages[entry.language] = (languages[entry.language] ?? 0) + 1;
  return {
    cases: project.cases,
    modules,
    scripts,
    positionsCovered: new Set(ran.map((entry) => entry.position)).size,
    positions: POSITIONS.length,
    triggersCovered: new Set(ran.map((entry) => entry.trigger)).size,
    triggers: TRIGGERS.length,
    languages,
  };
}
