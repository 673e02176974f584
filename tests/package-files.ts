import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

let packed: string[] | undefined;

/**
 * The files `npm pack` would put into the tarball (paths relative to the package root), from
 * `npm pack --dry-run --json`: what a user installs, read from npm itself. Needs dist/ built.
 */
export function packedFiles(): string[] {
  if (packed !== undefined) return packed;
  const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm pack --dry-run failed:\n${result.stderr}`);
  const [entry] = JSON.parse(result.stdout) as [{ files: { path: string }[] }];
  packed = entry.files.map((file) => file.path).sort();
  return packed;
}

/**
 * A project folder as a user's would be after installing the package: node_modules holds a copy
 * of exactly the packed files as `eslint-plugin-lifetime`, `eslint` is the given package of this
 * repository's node_modules (`eslint` or `eslint9`), and every other package is linked from there.
 * Types resolve as they would for that user: the plugin's `import type … from 'eslint'` finds the
 * chosen major.
 */
export function consumerProject(eslintPackage: 'eslint' | 'eslint9', prefix = 'lifetime-consumer-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const modules = join(dir, 'node_modules');
  const repoModules = join(repoRoot, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(repoModules)) {
    if (entry === 'eslint' || entry === 'eslint9' || entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      mkdirSync(join(modules, entry));
      for (const scoped of readdirSync(join(repoModules, entry))) {
        symlinkSync(join(repoModules, entry, scoped), join(modules, entry, scoped), 'dir');
      }
    } else {
      symlinkSync(join(repoModules, entry), join(modules, entry), 'dir');
    }
  }
  symlinkSync(join(repoModules, eslintPackage), join(modules, 'eslint'), 'dir');
  const plugin = join(modules, 'eslint-plugin-lifetime');
  for (const file of packedFiles()) {
    mkdirSync(dirname(join(plugin, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(plugin, file));
  }
  return dir;
}
