/**
 * The syntax corpus: published packages whose files, between them, use nearly every piece of
 * syntax JavaScript and TypeScript have, fetched on demand into the package cache
 * (scripts/lib/package-cache.mjs) and linted with every rule and real type information.
 * Nothing here is installed or committed.
 */
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import type { Linter } from 'eslint';

import { fetchPackage } from '../lib/package-cache.mjs';
import { type CorpusFile, listCodeFiles } from './corpus.js';

export interface SyntaxSource {
  name: string;
  version: string;
  /** Folders inside the package whose code files are taken. */
  dirs: readonly string[];
  /** How ESLint parses the package's `.js` files; by extension when left out. */
  sourceType?: 'script' | 'commonjs';
  /** Sampled by `--quick` too: only the small packages, so that a quick run stays a quick fetch. */
  quick?: boolean;
  why: string;
}

export const SYNTAX_SOURCES: readonly SyntaxSource[] = [
  {
    name: 'test262-parser-tests',
    version: '0.0.5',
    // fail/ holds programs the grammar rejects; the rules never see those.
    dirs: ['pass', 'pass-explicit', 'early'],
    sourceType: 'script',
    quick: true,
    why: "TC39's parser tests: every ECMAScript production, sloppy-mode scripts (`with`, legacy octals, `let` as a name), modules (`*.module.js`), and programs with early errors",
  },
  {
    name: 'core-js',
    version: '3.51.0',
    dirs: ['.'],
    sourceType: 'commonjs',
    quick: true,
    why: 'thousands of small CommonJS modules in old-style JavaScript: `this` at top level, prototype patching, `arguments`',
  },
  {
    name: 'monaco-editor',
    version: '0.57.0',
    dirs: ['esm'],
    why: "VS Code's editor core as ES modules: classes, private fields, disposables, event emitters and listeners",
  },
  {
    name: 'effect',
    version: '4.1.0',
    dirs: ['src'],
    why: 'heavily generic TypeScript: overloads, variance annotations, `this` types, namespaces, generators as effects',
  },
];

/**
 * The corpus files, fetched when not cached yet. With `quick`, an even spread of `perPackage`
 * small files from each of the small packages.
 */
export function collectSyntaxCorpus(options: { quick?: boolean; perPackage?: number; log?: (line: string) => void } = {}): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const source of SYNTAX_SOURCES) {
    if (options.quick === true && source.quick !== true) continue;
    const root = fetchPackage(source.name, source.version, options.log === undefined ? {} : { log: options.log });
    const found: string[] = [];
    for (const dir of source.dirs) listCodeFiles(join(root, dir), false, found);
    let picked = found.map((file) => ({
      source: file,
      relativePath: [source.name, ...relative(root, file).split(sep)].join('/'),
      label: source.name,
      bytes: statSync(file).size,
    }));
    if (options.quick === true) {
      const small = picked.filter((file) => file.bytes <= 20_000);
      const want = options.perPackage ?? 10;
      const step = Math.max(1, Math.floor(small.length / want));
      picked = small.filter((_, index) => index % step === 0).slice(0, want);
    }
    files.push(...picked);
  }
  return files;
}

/** ESLint settings for the packages whose `.js` files are not ES modules (paths as copied by copyCorpus). */
export function syntaxCorpusConfigs(): Linter.Config[] {
  const configs: Linter.Config[] = [];
  for (const source of SYNTAX_SOURCES) {
    if (source.sourceType === undefined) continue;
    configs.push({ files: [`corpus/${source.name}/**/*.js`], languageOptions: { sourceType: source.sourceType } });
  }
  // test262 marks its module tests by name.
  configs.push({ files: ['corpus/test262-parser-tests/**/*.module.js'], languageOptions: { sourceType: 'module' } });
  return configs;
}
