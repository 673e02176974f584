/**
 * Which property names a project's test snapshots print. Jest and Vitest (both through
 * pretty-format) write every own enumerable property of an object as a `"name": value` line,
 * in `__snapshots__/*.snap` files and in `toMatchInlineSnapshot(` templates of test files. A
 * transform that turns an own data property into an accessor on the prototype takes that line
 * out of the snapshot, so the project's tests fail after it although its code works: the
 * reflection sits in another file, where reading the class alone cannot see it.
 *
 * The search covers the package of the file (the folder of the nearest package.json, else the
 * file's own folder), skipping `node_modules`, dot-folders and folders of other packages (with a
 * package.json of their own); it is done once per package and process, and only when a
 * transform asks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import { findUp, readTextFile } from './config-files.js';

export interface SnapshotListing {
  /** The file that prints the name, relative to the package folder, with `/` separators. */
  file: string;
  /** 1-based line of the first `"name":` line there. */
  line: number;
}

/** Past this many folder entries the search stops, so a huge tree cannot stall a run. */
const ENTRY_LIMIT = 200_000;
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const TEST_FOLDER = /^(?:__tests__|tests?|specs?)$/;
const KEY_LINE = /^[ \t]*"((?:[^"\\\r\n]|\\.)+)": /gm;
const INLINE_CALL = 'toMatchInlineSnapshot(';

const byPackage = new Map<string, Map<string, SnapshotListing>>();

/** The folder whose snapshots count for `file`: its package's, else its own folder. */
export function packageFolder(file: string): string {
  const manifest = findUp(file, ['package.json']);
  return manifest === undefined ? dirname(resolve(file)) : dirname(manifest);
}

/** Where the snapshots of `file`'s package first print `name` as an object key, if they do. */
export function snapshotListing(file: string, name: string): SnapshotListing | undefined {
  const folder = packageFolder(file);
  let keys = byPackage.get(folder);
  if (!keys) {
    keys = collectKeys(folder);
    byPackage.set(folder, keys);
  }
  return keys.get(name);
}

function collectKeys(folder: string): Map<string, SnapshotListing> {
  const keys = new Map<string, SnapshotListing>();
  let entries = 0;
  const visit = (dir: string, inTests: boolean): void => {
    let listing;
    try {
      listing = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of listing) {
      if (++entries > ENTRY_LIMIT) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        // A folder with its own package.json is another package, with snapshots of its own.
        if (readTextFile(join(path, 'package.json')) !== undefined) continue;
        visit(path, inTests || TEST_FOLDER.test(entry.name));
      } else if (entry.isFile()) {
        if (entry.name.endsWith('.snap')) {
          addKeys(keys, folder, path, readUncached(path), [[0, Infinity]]);
        } else if (SOURCE_FILE.test(entry.name) && (inTests || TEST_FILE.test(entry.name))) {
          const text = readUncached(path);
          if (text.includes(INLINE_CALL)) addKeys(keys, folder, path, text, inlineTemplates(text));
        }
      }
    }
  };
  visit(folder, false);
  return keys;
}

/** Test files are read once per package, so unlike config files they are not kept. */
function readUncached(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The ranges of the template literals passed to `toMatchInlineSnapshot(`. */
function inlineTemplates(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let at = text.indexOf(INLINE_CALL);
  while (at !== -1) {
    let open = at + INLINE_CALL.length;
    while (open < text.length && /\s/.test(text.charAt(open))) open++;
    if (text.charAt(open) === '`') {
      let close = open + 1;
      while (close < text.length && text.charAt(close) !== '`') close += text.charAt(close) === '\\' ? 2 : 1;
      ranges.push([open + 1, close]);
      at = text.indexOf(INLINE_CALL, close);
    } else {
      at = text.indexOf(INLINE_CALL, open);
    }
  }
  return ranges;
}

function addKeys(keys: Map<string, SnapshotListing>, folder: string, path: string, text: string, ranges: [number, number][]): void {
  const file = relative(folder, path).split(sep).join('/');
  let line = 1;
  let counted = 0;
  for (const [from, to] of ranges) {
    KEY_LINE.lastIndex = from;
    for (let match = KEY_LINE.exec(text); match && match.index < to; match = KEY_LINE.exec(text)) {
      const name = match[1] ?? '';
      if (keys.has(name)) continue;
      for (; counted < match.index; counted++) if (text.charCodeAt(counted) === 10) line++;
      keys.set(name, { file, line });
    }
  }
}
