/**
 * What a file's project can build and run: the nearest tsconfig.json or jsconfig.json (with `extends`, as
 * TypeScript resolves it), and the package.json above the file (`engines.node`, the `tslib`
 * range). Transforms ask it which syntax and globals they may emit; every answer names the
 * setting it came from, so a refusal can tell the user what to change.
 */
import { dirname, join, resolve } from 'node:path';

import { type Strictness, strictnessOf } from '../../src/weak-parent-rewrite.js';
import { findUp, foldersUp, parseJsonc, readTextFile } from './config-files.js';

/** ECMAScript editions as TypeScript's `target` orders them; `esnext` is the newest. */
const TARGETS = ['es3', 'es5', 'es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022', 'es2023', 'es2024', 'esnext'];

export interface ProjectConfig {
  /** The tsconfig.json that applies, if any. */
  tsconfig?: string;
  /** `compilerOptions.target`, lower-cased (`es6` as `es2015`), if set anywhere in the chain. */
  target?: string;
  /** The tsconfig file (of the `extends` chain) that set `target`. */
  targetFrom?: string;
  /** `compilerOptions.lib`, lower-cased, if set. */
  lib?: string[];
  libFrom?: string;
  importHelpers: boolean;
  allowJs: boolean;
  /** `compilerOptions.checkJs`: TypeScript type-checks the JavaScript files of the project. */
  checkJs: boolean;
  /** The strictness flags as set in the chain (`strict` not applied yet; see `strictness`). */
  strictFlags: Partial<Record<StrictFlag, boolean>>;
  /** The package.json nearest the file, if any. */
  packageJson?: string;
  /** The lowest Node version `engines.node` admits, as [major, minor]. */
  nodeMinimum?: [number, number];
  nodeRange?: string;
  /** The lowest tslib version the package depends on, as [major, minor, patch]. */
  tslibMinimum?: [number, number, number];
  tslibRange?: string;
}

interface CompilerOptionsSeen {
  target?: { value: string; from: string };
  lib?: { value: string[]; from: string };
  importHelpers?: boolean;
  allowJs?: boolean;
  checkJs?: boolean;
  strictFlags: Partial<Record<StrictFlag, boolean>>;
}

const STRICT_FLAGS = ['strict', 'noImplicitAny', 'strictNullChecks', 'strictPropertyInitialization'] as const;
type StrictFlag = (typeof STRICT_FLAGS)[number];

/** What the project's compiler options switch on; without a tsconfig, everything (the cautious answer). */
export function strictness(config: Pick<ProjectConfig, 'tsconfig' | 'strictFlags'>): Strictness {
  if (config.tsconfig === undefined) return { noImplicitAny: true, strictNullChecks: true, strictPropertyInitialization: true };
  return strictnessOf(config.strictFlags);
}

const cache = new Map<string, ProjectConfig>();

export function projectConfig(file: string): ProjectConfig {
  const key = dirname(resolve(file));
  const cached = cache.get(key);
  if (cached) return cached;
  const config: ProjectConfig = { importHelpers: false, allowJs: false, checkJs: false, strictFlags: {} };
  // A JavaScript project's jsconfig.json holds the same compiler options (it implies allowJs).
  const tsconfig = findUp(file, ['tsconfig.json', 'jsconfig.json']);
  if (tsconfig !== undefined) {
    config.tsconfig = tsconfig;
    const seen: CompilerOptionsSeen = { strictFlags: {} };
    readTsconfig(tsconfig, seen, new Set());
    if (seen.target) {
      config.target = seen.target.value;
      config.targetFrom = seen.target.from;
    }
    if (seen.lib) {
      config.lib = seen.lib.value;
      config.libFrom = seen.lib.from;
    }
    config.importHelpers = seen.importHelpers ?? false;
    config.allowJs = seen.allowJs ?? tsconfig.endsWith('jsconfig.json');
    config.checkJs = seen.checkJs ?? false;
    config.strictFlags = seen.strictFlags;
  }
  const packageJson = findUp(file, ['package.json']);
  if (packageJson !== undefined) {
    config.packageJson = packageJson;
    const parsed = parseJsonc(readTextFile(packageJson) ?? '');
    const manifest = isRecord(parsed) ? parsed : {};
    const engines = isRecord(manifest.engines) ? manifest.engines : {};
    if (typeof engines.node === 'string') {
      config.nodeRange = engines.node;
      const minimum = lowestVersion(engines.node);
      if (minimum) config.nodeMinimum = [minimum[0], minimum[1]];
    }
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const deps = manifest[field];
      if (isRecord(deps) && typeof deps.tslib === 'string') {
        config.tslibRange = deps.tslib;
        const minimum = lowestVersion(deps.tslib);
        if (minimum) config.tslibMinimum = minimum;
        break;
      }
    }
  }
  cache.set(key, config);
  return config;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings of the file itself win over those it extends; a later `extends` entry over an earlier one. */
function readTsconfig(path: string, seen: CompilerOptionsSeen, visiting: Set<string>): void {
  if (visiting.has(path)) return;
  visiting.add(path);
  const parsed = parseJsonc(readTextFile(path) ?? '');
  if (!isRecord(parsed)) return;
  const options = isRecord(parsed.compilerOptions) ? parsed.compilerOptions : {};
  if (seen.target === undefined && typeof options.target === 'string') {
    const target = options.target.toLowerCase();
    seen.target = { value: target === 'es6' ? 'es2015' : target, from: path };
  }
  if (seen.lib === undefined && Array.isArray(options.lib)) {
    seen.lib = { value: options.lib.filter((entry) => typeof entry === 'string').map((entry) => entry.toLowerCase()), from: path };
  }
  if (seen.importHelpers === undefined && typeof options.importHelpers === 'boolean') seen.importHelpers = options.importHelpers;
  if (seen.allowJs === undefined && typeof options.allowJs === 'boolean') seen.allowJs = options.allowJs;
  if (seen.checkJs === undefined && typeof options.checkJs === 'boolean') seen.checkJs = options.checkJs;
  for (const flag of STRICT_FLAGS) {
    const value = options[flag];
    if (seen.strictFlags[flag] === undefined && typeof value === 'boolean') seen.strictFlags[flag] = value;
  }
  const bases: unknown[] = typeof parsed.extends === 'string' ? [parsed.extends] : Array.isArray(parsed.extends) ? (parsed.extends as unknown[]) : [];
  for (const base of [...bases].reverse()) {
    if (typeof base !== 'string') continue;
    const basePath = resolveExtends(path, base);
    if (basePath !== undefined) readTsconfig(basePath, seen, visiting);
  }
}

function resolveExtends(from: string, specifier: string): string | undefined {
  const candidates: string[] = [];
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const base = resolve(dirname(from), specifier);
    candidates.push(base, `${base}.json`, join(base, 'tsconfig.json'));
  } else {
    for (const dir of foldersUp(from)) {
      const base = join(dir, 'node_modules', specifier);
      candidates.push(base, `${base}.json`, join(base, 'tsconfig.json'));
    }
  }
  return candidates.find((candidate) => readTextFile(candidate) !== undefined);
}

/** The lowest version a semver range admits (the smallest lower bound of its `||` parts). */
export function lowestVersion(range: string): [number, number, number] | undefined {
  let lowest: [number, number, number] | undefined;
  for (const part of range.split('||')) {
    const match = /(?:^|\s|>=|\^|~|=|v)\s*(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(part.trim());
    if (!match || /^\s*</.test(part.trim()) || /^\s*>(?!=)/.test(part.trim())) continue;
    const version: [number, number, number] = [Number(match[1]), toNumber(match[2]), toNumber(match[3])];
    if (!lowest || compare(version, lowest) < 0) lowest = version;
  }
  return lowest;
}

function toNumber(part: string | undefined): number {
  return part === undefined || part === 'x' || part === '*' ? 0 : Number(part);
}

export function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Index of a target edition, for comparisons; unknown targets count as the newest. */
export function targetRank(target: string): number {
  const index = TARGETS.indexOf(target);
  return index === -1 ? TARGETS.length : index;
}

/** Whether the effective `lib` declares `WeakRef` (explicit list, else the target's default). */
export function libHasWeakRef(config: ProjectConfig): boolean {
  if (config.lib) {
    return config.lib.some(
      (entry) => entry.includes('weakref') || entry === 'esnext' || entry === 'esnext.full' || /^es20(?:2[1-9]|[3-9]\d)(?:\.full)?$/.test(entry),
    );
  }
  return targetRank(config.target ?? 'es5') >= targetRank('es2021');
}
