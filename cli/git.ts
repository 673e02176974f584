/**
 * The safety check before writing: files under the given paths that git knows to differ from the
 * last commit (modified, staged, or untracked) would be mixed into the rewrite's diff, so a run
 * that would write refuses them unless --force. Paths outside a git work tree are not checked.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { statSync } from 'node:fs';

/** Uncommitted changes under `paths`, as `git status --porcelain` lines; empty when clean or not in git. */
export function uncommittedChanges(paths: readonly string[]): string[] {
  const lines: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const cwd = statSync(absolute).isDirectory() ? absolute : dirname(absolute);
    const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, encoding: 'utf8' });
    if (inside.status !== 0 || inside.stdout.trim() !== 'true') continue;
    const status = spawnSync('git', ['status', '--porcelain', '--', absolute], { cwd, encoding: 'utf8' });
    if (status.status !== 0) continue;
    for (const line of status.stdout.split('\n')) if (line.trim() !== '' && !lines.includes(line)) lines.push(line);
  }
  return lines;
}
