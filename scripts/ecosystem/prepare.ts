/**
 * Makes one manifest package ready to lint: fetched into the package cache, its type
 * dependencies installed beside it, and a generated tsconfig that lists exactly the linted files.
 *
 * Layout in the cache (see scripts/lib/package-cache.mjs):
 *   packages/<name>@<version>/package/          the unpacked tarball, never modified
 *   packages/<name>@<version>/package.json      generated: the dependencies to install
 *   packages/<name>@<version>/node_modules/     installed with --ignore-scripts; module resolution
 *                                               walks up from package/ and finds it
 *   packages/<name>@<version>/tsconfig.ecosystem.json
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

import { fetchPackage, installInto } from '../lib/package-cache.mjs';

export interface ManifestEntry {
  name: string;
  version: string;
  categories: string[];
  why: string;
  /** Folders or files under the package root. */
  lint: string[];
  /** Regular expressions on the path relative to the package root. */
  exclude?: string[];
  /** JavaScript package: allowJs + checkJs, and .js/.mjs/.cjs files are linted. */
  js?: boolean;
  compilerOptions?: Record<string, unknown>;
  /** "own": the package's own `dependencies`; or a list of npm specs. */
  dependencies?: 'own' | string[];
  /** Further specs to install, mostly `@types/*`. */
  types?: string[];
}

export interface Manifest {
  packages: ManifestEntry[];
}

export interface PreparedPackage {
  entry: ManifestEntry;
  /** The folder that holds the package's package.json. */
  root: string;
  tsconfigPath: string;
  /** Absolute paths of the linted files, sorted. */
  files: string[];
  /** Milliseconds spent fetching and installing (0 when everything was cached). */
  prepareMs: number;
}

export const DEFAULT_COMPILER_OPTIONS: Record<string, unknown> = {
  target: 'es2022',
  module: 'preserve',
  moduleResolution: 'bundler',
  lib: ['es2023', 'esnext.disposable'],
  types: [],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  resolveJsonModule: true,
  allowArbitraryExtensions: true,
  esModuleInterop: true,
};

const TS_FILE = /\.(?:ts|tsx|mts|cts)$/;
const JS_FILE = /\.(?:js|jsx|mjs|cjs)$/;
const DECLARATION = /\.d\.(?:ts|mts|cts)$|\.d\.[\w-]+\.ts$/;

export function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The lintable files of an entry, relative to the package root ('/' separated), sorted. */
export function listFiles(root: string, entry: ManifestEntry): string[] {
  const wanted = (file: string): boolean =>
    !DECLARATION.test(file) && !/\.min\.[cm]?js$/.test(file) && (TS_FILE.test(file) || (entry.js === true && JS_FILE.test(file)));
  const excludes = (entry.exclude ?? []).map((pattern) => new RegExp(pattern));
  const out = new Set<string>();
  const walk = (dir: string): void => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      if (item.name === 'node_modules' || item.name.startsWith('.')) continue;
      const full = join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.isFile() && wanted(item.name)) out.add(relative(root, full).split(sep).join('/'));
    }
  };
  for (const target of entry.lint) {
    const full = join(root, target);
    if (!existsSync(full)) throw new Error(`${entry.name}@${entry.version}: "${target}" does not exist in the package`);
    if (statSync(full).isDirectory()) walk(full);
    else out.add(relative(root, full).split(sep).join('/'));
  }
  return [...out].filter((file) => !excludes.some((pattern) => pattern.test(file))).sort();
}

/** npm specs to install for an entry: its own dependencies (name@range) or the listed ones, then `types`. */
export function dependencySpecs(entry: ManifestEntry, packageJson: { dependencies?: Record<string, string> }): string[] {
  const own =
    entry.dependencies === 'own'
      ? Object.entries(packageJson.dependencies ?? {}).map(([name, range]) => `${name}@${range}`)
      : (entry.dependencies ?? []);
  return [...own, ...(entry.types ?? [])];
}

function specToDependency(spec: string): [string, string] {
  const at = spec.lastIndexOf('@');
  return at <= 0 ? [spec, '*'] : [spec.slice(0, at), spec.slice(at + 1)];
}

export function tsconfigFor(entry: ManifestEntry, files: readonly string[]): { compilerOptions: Record<string, unknown>; files: string[] } {
  const compilerOptions: Record<string, unknown> = { ...DEFAULT_COMPILER_OPTIONS, ...(entry.compilerOptions ?? {}) };
  if (entry.js === true) {
    compilerOptions.allowJs = true;
    compilerOptions.checkJs = true;
  }
  return { compilerOptions, files: files.map((file) => `package/${file}`) };
}

export function preparePackage(entry: ManifestEntry, log: (line: string) => void = () => undefined): PreparedPackage {
  const started = performance.now();
  let worked = false;
  const root = fetchPackage(entry.name, entry.version, {
    log: (line) => {
      worked = true;
      log(line);
    },
  });
  const folder = dirname(root);
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const dependencies = Object.fromEntries(dependencySpecs(entry, packageJson).map(specToDependency));
  if (installInto(folder, dependencies, { log, description: 'generated by scripts/ecosystem/prepare.ts', omitPeer: true })) worked = true;
  const files = listFiles(root, entry);
  const tsconfigPath = join(folder, 'tsconfig.ecosystem.json');
  const text = `${JSON.stringify(tsconfigFor(entry, files), null, 2)}\n`;
  if (!existsSync(tsconfigPath) || readFileSync(tsconfigPath, 'utf8') !== text) writeFileSync(tsconfigPath, text);
  return { entry, root, tsconfigPath, files: files.map((file) => join(root, file)), prepareMs: worked ? performance.now() - started : 0 };
}
