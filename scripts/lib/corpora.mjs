// The published packages the bench, the robustness run and the real-code scripts read, at the
// versions their figures were taken with. They are not devDependencies: each script installs
// the ones it needs into the cache outside the repository on first use (scripts/lib/package-cache.mjs)
// and reads them there, so `npm install` of this repository stays small. No unit test reads them.
import { copyFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { installPackages } from './package-cache.mjs';

/** name → exact version. */
export const CORPORA = {
  '@loopback/context': '8.0.15',
  '@loopback/core': '7.0.15',
  '@loopback/metadata': '8.0.15',
  '@resvg/resvg-wasm': '2.6.2',
  '@tanstack/query-core': '5.108.0',
  '@tanstack/react-query': '5.108.0',
  '@types/node': '20.19.43',
  '@types/three': '0.187.0',
  postcss: '8.5.33',
  'puppeteer-core': '25.16.0',
  rxjs: '7.8.2',
  three: '0.187.0',
  typescript: '6.0.3',
};

/**
 * Installs these corpus packages (with their dependencies) once and returns the install's
 * folders: `root` holds node_modules/, `modules` is node_modules/ itself.
 * @param {readonly string[]} names keys of CORPORA
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {{ root: string; modules: string; dir: (name: string) => string }}
 */
export function corpusInstall(names, { log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const specs = names.map((name) => {
    const version = CORPORA[name];
    if (version === undefined) throw new Error(`${name} is not a corpus package; add it to CORPORA in scripts/lib/corpora.mjs`);
    return `${name}@${version}`;
  });
  const modules = installPackages(specs, { log });
  return { root: dirname(modules), modules, dir: (name) => join(modules, name) };
}

/**
 * Copies a committed tsconfig that is written for a corpus install's folder (its paths start
 * with `node_modules/`) beside that install's node_modules/, where those paths resolve, and
 * returns the copy's path.
 * @param {{ root: string }} install
 * @param {string} tsconfig path of the committed file, relative to the repository root
 */
export function corpusTsconfig(install, tsconfig) {
  const copy = join(install.root, basename(tsconfig));
  copyFileSync(fileURLToPath(new URL(`../../${tsconfig}`, import.meta.url)), copy);
  return copy;
}

/**
 * rxjs's TypeScript sources as a typed project inside a corpus install that has rxjs, typed by
 * bench/rxjs.tsconfig.json. Lint with `cwd: root` (ESLint only lints files below its cwd).
 * @param {{ root: string; modules: string }} install a corpusInstall() that includes rxjs
 * @returns {{ root: string; tsconfig: string; pattern: string; sources: string }}
 */
export function rxjsProject(install) {
  const tsconfig = corpusTsconfig(install, 'bench/rxjs.tsconfig.json');
  return { root: install.root, tsconfig, pattern: 'node_modules/rxjs/src/**/*.ts', sources: join(install.modules, 'rxjs/src') };
}
