/**
 * The crash corpus: source files of large, pinned published packages (installed on first use
 * into the cache outside the repository, scripts/lib/corpora.mjs), copied into a temporary
 * project so they can be linted with type information and rewritten by the codemod without
 * touching the installed copies.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { corpusInstall } from '../lib/corpora.mjs';

export const repoRoot: string = fileURLToPath(new URL('../..', import.meta.url));

/** Every extension the corpus takes; `.d.ts` (and `.d.mts`/`.d.cts`) are covered by the `ts` family. */
export const CODE_FILE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export interface CorpusSource {
  /** Short label used in the figures. */
  label: string;
  /** Package directory under the corpus node_modules. */
  packageName: string;
  /** Directory inside the package that holds the files. */
  dir: string;
  /** Only files directly in `dir` (typescript's lib), not below it. */
  shallow?: boolean;
  /** Extra filter on the file name. */
  accept?: (fileName: string) => boolean;
  /** Why this source is in the corpus. */
  why: string;
}

export const CORPUS_SOURCES: readonly CorpusSource[] = [
  {
    label: 'typescript lib',
    packageName: 'typescript',
    dir: 'lib',
    shallow: true,
    accept: (name) => name.endsWith('.d.ts'),
    why: 'huge ambient declaration files (lib.dom.d.ts), global interfaces, overloads',
  },
  { label: '@types/node', packageName: '@types/node', dir: '.', why: 'ambient modules, namespaces, declaration merging' },
  { label: 'rxjs', packageName: 'rxjs', dir: 'src', why: 'heavily generic TypeScript, overloads, subscriptions and teardown' },
  { label: 'three', packageName: 'three', dir: 'src', why: 'large untyped JavaScript classes with parent/children trees' },
  { label: 'postcss', packageName: 'postcss', dir: 'lib', why: 'CommonJS JavaScript with a parent-linked node tree, plus .d.ts' },
  {
    label: '@loopback (decorators)',
    packageName: '@loopback/core',
    dir: 'src',
    why: 'experimental decorators on classes, members and constructor parameters',
  },
  { label: '@loopback (decorators)', packageName: '@loopback/context', dir: 'src', why: 'decorators, proxies, mixins' },
  { label: '@loopback (decorators)', packageName: '@loopback/metadata', dir: 'src', why: 'decorator factories' },
  { label: '@tanstack (TSX)', packageName: '@tanstack/react-query', dir: 'src', why: 'TSX components and hooks' },
  { label: '@tanstack (TSX)', packageName: '@tanstack/query-core', dir: 'src', why: 'class-based caches and observers' },
];

let installed: string | undefined;

/**
 * The node_modules folder that holds every corpus package (and what they import), installed
 * into the cache on first use; later runs find it there without the network.
 */
export function corpusModules(): string {
  installed ??= corpusInstall([...new Set(CORPUS_SOURCES.map((source) => source.packageName))]).modules;
  return installed;
}

export interface CorpusFile {
  /** Absolute path of the original under the corpus node_modules. */
  source: string;
  /** Path relative to the corpus root, e.g. `rxjs/src/internal/Subject.ts`. */
  relativePath: string;
  label: string;
  bytes: number;
}

export interface CollectOptions {
  /** A small deterministic sample instead of every file. */
  quick?: boolean;
  /** Files per package in quick mode. */
  perPackage?: number;
  /** Largest file taken in quick mode, in bytes. */
  maxQuickBytes?: number;
  /** A node_modules-shaped folder to read the packages from instead of `corpusModules()`. */
  modules?: string;
}

/** The code files below `dir` (only directly in it when `shallow`), in a stable order, without node_modules and __tests__. */
export function listCodeFiles(dir: string, shallow: boolean, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!shallow && entry.name !== 'node_modules' && entry.name !== '__tests__') listCodeFiles(full, shallow, out);
    } else if (entry.isFile() && CODE_FILE.test(entry.name)) {
      out.push(full);
    }
  }
}

export function packageVersion(packageName: string, modules: string = corpusModules()): string {
  try {
    const text = readFileSync(join(modules, packageName, 'package.json'), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '?';
  } catch {
    return 'missing';
  }
}

/** Lists the corpus files in a stable order; quick mode takes an even spread of small files. */
export function collectCorpus(options: CollectOptions = {}): CorpusFile[] {
  const files: CorpusFile[] = [];
  const nodeModules = options.modules ?? corpusModules();
  for (const source of CORPUS_SOURCES) {
    const base = join(nodeModules, source.packageName, source.dir);
    const found: string[] = [];
    listCodeFiles(base, source.shallow === true, found);
    let picked = found
      .filter((file) => source.accept?.(file.slice(file.lastIndexOf(sep) + 1)) ?? true)
      .map((file) => ({
        source: file,
        relativePath: relative(nodeModules, file).split(sep).join('/'),
        label: source.label,
        bytes: statSync(file).size,
      }));
    if (options.quick === true) {
      const small = picked.filter((file) => file.bytes <= (options.maxQuickBytes ?? 40_000));
      const want = options.perPackage ?? 4;
      const step = Math.max(1, Math.floor(small.length / want));
      picked = small.filter((_, index) => index % step === 0).slice(0, want);
    }
    files.push(...picked);
  }
  return files;
}

export interface CorpusCopy {
  /** The temporary project root (holds tsconfig.json, corpus/ and a node_modules link). */
  root: string;
  /** `root/corpus`: the copied files, laid out as `<package>/<path>`. */
  corpusDir: string;
  /** Absolute paths of the copies, in corpus order. */
  files: string[];
  tsconfigPath: string;
}

/**
 * Compiler options of the generated project: permissive enough that every corpus file is part
 * of one program (JS included), so every rule gets real type information for every file.
 */
export const CORPUS_COMPILER_OPTIONS = {
  target: 'esnext',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['esnext', 'dom', 'dom.iterable'],
  types: [],
  allowJs: true,
  checkJs: false,
  jsx: 'preserve',
  experimentalDecorators: true,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  allowArbitraryExtensions: true,
  resolveJsonModule: true,
} as const;

/**
 * Copies the files into a fresh temporary project. `node_modules` is linked to the corpus
 * install's, so imports between packages (tslib, react, undici-types) still resolve.
 */
export function copyCorpus(files: readonly CorpusFile[], prefix = 'lifetime-robustness-', modules: string = corpusModules()): CorpusCopy {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const corpusDir = join(root, 'corpus');
  const copies: string[] = [];
  for (const file of files) {
    const target = join(corpusDir, ...file.relativePath.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file.source, target);
    copies.push(target);
  }
  symlinkSync(modules, join(root, 'node_modules'), 'dir');
  const tsconfigPath = join(root, 'tsconfig.json');
  writeFileSync(
    tsconfigPath,
    `${JSON.stringify({ compilerOptions: CORPUS_COMPILER_OPTIONS, include: ['corpus'] }, null, 2)}\n`,
  );
  return { root, corpusDir, files: copies, tsconfigPath };
}
