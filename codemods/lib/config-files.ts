/**
 * Reading a project's configuration files near a source file: the nearest file of a name
 * upward, JSON with comments and trailing commas (tsconfig, biome.jsonc, .prettierrc), simple
 * YAML and INI (.prettierrc.yaml, .editorconfig). Results are cached per path for the process,
 * since a run asks the same folders again for every file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { globToRegExp } from './glob.js';

const fileCache = new Map<string, string | undefined>();

/** The text of a file, or undefined when it does not exist or cannot be read. */
export function readTextFile(path: string): string | undefined {
  if (fileCache.has(path)) return fileCache.get(path);
  let content: string | undefined;
  try {
    content = statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    content = undefined;
  }
  fileCache.set(path, content);
  return content;
}

/** Folders from `fromFile`'s own folder up to the file system root. */
export function* foldersUp(fromFile: string): Generator<string> {
  let dir = dirname(resolve(fromFile));
  for (;;) {
    yield dir;
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** The nearest of `names` (in that order within a folder) from `fromFile` upward. */
export function findUp(fromFile: string, names: readonly string[], stopAt?: (dir: string) => boolean): string | undefined {
  for (const dir of foldersUp(fromFile)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (readTextFile(candidate) !== undefined) return candidate;
    }
    if (stopAt?.(dir) === true) return undefined;
  }
  return undefined;
}

/** Whether `dir` is the top of a repository (formatters stop their search there too). */
export function isRepositoryRoot(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/** JSON that may have comments and trailing commas; undefined when it still does not parse. */
export function parseJsonc(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text.charAt(i + 1);
        i += 1;
      } else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && text.charAt(i + 1) === '/') {
      while (i < text.length && text.charAt(i) !== '\n') i += 1;
      out += '\n';
    } else if (char === '/' && text.charAt(i + 1) === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else out += char;
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1')) as unknown;
  } catch {
    return undefined;
  }
}

/** Flat `key: value` YAML, as formatter configs are written; nested keys are ignored. */
export function parseFlatYaml(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*(?:#.*)?$/.exec(line);
    if (!match) continue;
    const [, key = '', raw = ''] = match;
    result[key] = scalar(raw);
  }
  return result;
}

function scalar(raw: string): unknown {
  const unquoted = /^(["'])(.*)\1$/.exec(raw);
  if (unquoted) return unquoted[2];
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^-?\d+$/.test(raw)) return Number(raw);
  return raw;
}

export interface IniSection {
  glob: string;
  values: Record<string, string>;
}

/** An .editorconfig: its `root` flag and sections in file order. */
export function parseEditorConfig(text: string): { root: boolean; sections: IniSection[] } {
  const sections: IniSection[] = [];
  let root = false;
  let current: IniSection | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      current = { glob: section[1] ?? '', values: {} };
      sections.push(current);
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = (pair[1] ?? '').toLowerCase();
    const value = (pair[2] ?? '').toLowerCase();
    if (current) current.values[key] = value;
    else if (key === 'root') root = value === 'true';
  }
  return { root, sections };
}

/** An EditorConfig glob as a regular expression over a `/`-separated path relative to its folder. */
export function editorConfigGlob(glob: string): RegExp {
  // A glob without a slash matches a file name at any depth.
  const source = globToRegExp(glob.replace(/^\//, '')).source.slice(1, -1);
  return glob.includes('/') ? new RegExp(`^${source}$`) : new RegExp(`(?:^|/)${source}$`);
}
