// Where a peer-suite project's files come from: the npm tarball (through the package cache), or,
// for a project whose tarball carries no tests, a source archive of a tagged release that the
// user made once with `git archive` and keeps in the package cache (archives/<name>@<version>.tar.gz).
// The archive is never fetched here and never committed: when it is missing, the caller is told
// exactly which file to make and how, and skips that project.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { cacheRoot, fetchPackage, unpackInto } from '../lib/package-cache.mjs';

/** The cached archive of a project that comes from a repository. */
export function archivePath(project) {
  return join(cacheRoot(), 'archives', `${project.name}@${project.version}.tar.gz`);
}

/** The command that makes the archive from a clone of the project's repository. */
export function archiveCommand(project) {
  const { repository, tag } = project.source;
  return `git clone https://github.com/${repository}.git ${project.name}-clone && git -C ${project.name}-clone archive --format=tar.gz --prefix=package/ -o ${archivePath(project)} ${tag}`;
}

/** Thrown when a project's archive is not in the cache; its message says how to make it. */
export class MissingArchiveError extends Error {
  constructor(project) {
    super(
      `${project.name}@${project.version}: skipped, its source archive is missing: ${archivePath(project)}\n` +
        `  make it from the tag ${project.source.tag} of ${project.source.repository} (commit ${project.source.commit}), then rerun:\n` +
        `  ${archiveCommand(project)}`,
    );
    this.name = 'MissingArchiveError';
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  return result;
}

/**
 * The commit a `git archive` tarball was made from (git writes it into the tar's pax header), or
 * undefined when git cannot tell.
 */
export function archiveCommit(file) {
  const tar = run('gzip', ['-dc', file]);
  if (tar.status !== 0) throw new Error(`${file} is not a gzip file: ${tar.stderr.trim()}`);
  const id = spawnSync('git', ['get-tar-commit-id'], { input: tar.stdout, encoding: 'utf8' });
  return id.status === 0 && /^[0-9a-f]{40}$/.test(id.stdout.trim()) ? id.stdout.trim() : undefined;
}

/**
 * The folder with the project's files (its package.json at the top). Throws MissingArchiveError
 * when the project comes from an archive that is not in the cache, and an Error when the archive
 * was made from another commit than the pinned one.
 */
export function projectFiles(project, { log } = {}) {
  if (project.source === undefined) return fetchPackage(project.name, project.version, { log });
  const file = archivePath(project);
  if (!existsSync(file)) throw new MissingArchiveError(project);
  const target = join(cacheRoot(), 'archives', 'unpacked', `${project.name}@${project.version}`, 'package');
  if (existsSync(join(target, 'package.json'))) return target;
  const commit = archiveCommit(file);
  if (commit !== undefined && commit !== project.source.commit) {
    throw new Error(`${file} was made from commit ${commit}, not from ${project.source.tag} (${project.source.commit}); make it again:\n  ${archiveCommand(project)}`);
  }
  log?.(`unpacking ${file}`);
  const parent = join(cacheRoot(), 'archives', 'unpacked');
  mkdirSync(parent, { recursive: true });
  unpackInto(file, target, parent);
  return target;
}
