// Published packages fetched on demand into a cache outside the repository, for the scripts
// that measure the plugin on code nobody here wrote (ecosystem check, robustness corpora,
// bench, peer suites). Nothing fetched here is ever committed or installed into node_modules.
//
// The cache lives in $LIFETIME_CACHE_DIR, else $XDG_CACHE_HOME/eslint-plugin-lifetime, else
// ~/.cache/eslint-plugin-lifetime. A package is fetched with `npm pack NAME@VERSION` (npm checks
// the registry's integrity hash) and unpacked into packages/<name>@<version>/; a second call
// finds it there and does no network work. Unpacking goes to a temporary folder that is renamed
// into place, so an interrupted fetch never leaves a half-unpacked package behind and two
// processes fetching the same package at once both end up with a whole one.
//
// Code whose imports must resolve (a package's sources that import its dependencies, or several
// packages that import each other) needs an installed tree instead: `installPackages(specs)`
// runs `npm install` of exact versions into installs/<hash of the specs>/ once and returns its
// node_modules folder, with the same rename-into-place rule; `installInto(folder, deps)` installs
// dependencies beside an unpacked package (the ecosystem check's type dependencies), once per
// set of dependencies.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The cache folder (created on first use). */
export function cacheRoot() {
  const root =
    process.env.LIFETIME_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'eslint-plugin-lifetime');
  mkdirSync(root, { recursive: true });
  return root;
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/;

/** `@scope/name` → `@scope+name`, so every package is one folder below packages/. */
function folderName(name, version) {
  return `${name.replace('/', '+')}@${version}`;
}

/** Where a package would be unpacked: the folder that holds its package.json. */
export function packageDir(name, version) {
  return join(cacheRoot(), 'packages', folderName(name, version), 'package');
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${String(result.status)}:\n${detail}`);
  }
  return result.stdout;
}

/**
 * Unpacks a .tar.gz so that its top folder becomes `target` (almost every npm tarball has a
 * package/ folder at its root; a few use another name): into a temporary folder below `scratch`
 * first, then renamed into place, so an interrupted unpack leaves nothing half-done. When another
 * process put a whole package there first, theirs is kept. Throws when the top folder holds no
 * package.json.
 * @param {string} tarball
 * @param {string} target
 * @param {string} scratch a folder on the same file system as `target`
 */
export function unpackInto(tarball, target, scratch) {
  const work = mkdtempSync(join(scratch, '.unpack-'));
  try {
    run('tar', ['-xzf', tarball, '-C', work, '--no-same-owner'], work);
    const [top] = readdirSync(work);
    if (top === undefined) throw new Error(`${tarball} is empty`);
    if (!existsSync(join(work, top, 'package.json'))) throw new Error(`${tarball} has no package.json in its top folder ${top}/`);
    mkdirSync(dirname(target), { recursive: true });
    try {
      renameSync(join(work, top), target);
    } catch (error) {
      if (!existsSync(join(target, 'package.json'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The unpacked files of NAME@VERSION (an exact version), fetched when not yet cached.
 * Returns the folder that holds the package's package.json.
 * @param {string} name
 * @param {string} version
 * @param {{ log?: (line: string) => void }} [options]
 */
export function fetchPackage(name, version, { log } = {}) {
  const target = packageDir(name, version);
  if (existsSync(join(target, 'package.json'))) return target;
  if (!EXACT_VERSION.test(version)) {
    throw new Error(`fetchPackage: "${name}@${version}" is not an exact version; the corpora are pinned.`);
  }
  log?.(`fetching ${name}@${version}`);
  const packages = join(cacheRoot(), 'packages');
  mkdirSync(packages, { recursive: true });
  const work = mkdtempSync(join(packages, '.fetch-'));
  try {
    run('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', work], work);
    const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack ${name}@${version} wrote no tarball`);
    unpackInto(join(work, tarball), target, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return target;
}

/** `name@1.2.3` (also `@scope/name@1.2.3`) → [name, version]. */
function splitSpec(spec) {
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  const version = at > 0 ? spec.slice(at + 1) : '';
  if (!EXACT_VERSION.test(version)) {
    throw new Error(`installPackages: "${spec}" is not name@exact-version; the corpora are pinned.`);
  }
  return [name, version];
}

/**
 * The node_modules folder of an install of exactly these packages (`name@1.2.3` each) with their
 * dependencies, made with `npm install --ignore-scripts` on first use and kept in the cache.
 * Dependencies of the listed packages are whatever their own ranges resolve to on that day.
 * @param {readonly string[]} specs
 * @param {{ log?: (line: string) => void }} [options]
 */
export function installPackages(specs, { log } = {}) {
  const dependencies = Object.fromEntries([...specs].sort().map(splitSpec));
  const key = createHash('sha256').update(JSON.stringify(dependencies)).digest('hex').slice(0, 16);
  const installs = join(cacheRoot(), 'installs');
  const target = join(installs, key);
  const done = join(target, 'node_modules', '.lifetime-install-complete');
  if (existsSync(done)) return join(target, 'node_modules');
  log?.(`installing ${Object.keys(dependencies).join(', ')} (npm install, once)`);
  mkdirSync(installs, { recursive: true });
  const work = mkdtempSync(join(installs, '.install-'));
  try {
    npmInstall(work, dependencies, 'eslint-plugin-lifetime corpus install', []);
    writeFileSync(join(work, 'node_modules', '.lifetime-install-complete'), `${new Date().toISOString()}\n`);
    try {
      renameSync(work, target);
    } catch (error) {
      // Another process finished the same install first: theirs is as good as ours.
      if (!existsSync(done)) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return join(target, 'node_modules');
}

/**
 * Installs `dependencies` (name → version or range) into `folder` with `npm install
 * --ignore-scripts`, unless the same set was installed there before. Returns whether it ran npm.
 * @param {string} folder
 * @param {Record<string, string>} dependencies
 * @param {{ log?: (line: string) => void; description?: string; omitPeer?: boolean }} [options]
 */
export function installInto(folder, dependencies, { log, description = 'generated by eslint-plugin-lifetime', omitPeer = false } = {}) {
  if (Object.keys(dependencies).length === 0) return false;
  const stampText = createHash('sha256').update(JSON.stringify(dependencies)).digest('hex').slice(0, 16);
  const stamp = join(folder, '.lifetime-deps');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === stampText) return false;
  log?.(`installing ${String(Object.keys(dependencies).length)} dependencies into ${folder}`);
  npmInstall(folder, dependencies, description, omitPeer ? ['--omit=peer'] : []);
  writeFileSync(stamp, stampText);
  return true;
}

function npmInstall(folder, dependencies, description, extraArgs) {
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ private: true, description, dependencies }, null, 2)}\n`);
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...extraArgs], folder);
}
