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
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The cache folder (created on first use). */
export function cacheRoot() {
  const root =
    process.env.LIFETIME_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'eslint-plugin-lifetime');
  mkdirSync(root, { recursive: true });
  return root;
}

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
 * The unpacked files of NAME@VERSION (an exact version), fetched when not yet cached.
 * Returns the folder that holds the package's package.json.
 * @param {string} name
 * @param {string} version
 * @param {{ log?: (line: string) => void }} [options]
 */
export function fetchPackage(name, version, { log } = {}) {
  const target = packageDir(name, version);
  if (existsSync(join(target, 'package.json'))) return target;
  if (!/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/.test(version)) {
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
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    run('tar', ['-xzf', join(work, tarball), '-C', unpacked, '--no-same-owner'], work);
    // Almost every tarball has a package/ folder at its root; a few use another name.
    const [top] = readdirSync(unpacked);
    if (top === undefined) throw new Error(`the tarball of ${name}@${version} is empty`);
    const finalParent = join(packages, folderName(name, version));
    mkdirSync(finalParent, { recursive: true });
    try {
      renameSync(join(unpacked, top), target);
    } catch (error) {
      // Another process put it there first: theirs is as good as ours.
      if (!existsSync(join(target, 'package.json'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return target;
}
