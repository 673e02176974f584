#!/usr/bin/env node
// The weak-parent migration through the `codemod` CLI (`npx codemod workflow run`), end to end, as
// a user runs it: this package packed into a tarball and installed into a fresh git project, then
// the real `codemod` npm package (installed once into the package cache: its binary is ~150 MB,
// too big for a devDependency) runs the shipped codemods/weak-parent/workflow.yaml on it:
//   - a clean tree is rewritten, and a second run changes nothing;
//   - a tree with uncommitted changes is refused and left as it was; `--param force=true` writes;
//   - `--dry-run` writes nothing;
//   - `--param paths=… --param fields=…` reach the CLI.
// Needs the npm registry (CI has it); not part of `npm test`.
//   node scripts/check-codemod-workflow.mjs [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { installPackages } from './lib/package-cache.mjs';

/** The `codemod` CLI release this check runs (the newest when it was written). */
const CODEMOD_VERSION = '1.18.3';

const root = fileURLToPath(new URL('../', import.meta.url));
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'lifetime-codemod-workflow-'));
let failed = 0;

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', ...env } });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function check(label, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) {
    failed += 1;
    if (detail !== '') console.log(detail.trim().split('\n').slice(-20).map((line) => `       ${line}`).join('\n'));
  }
}

function must(result, what) {
  if (result.status !== 0) throw new Error(`${what} failed (exit ${String(result.status)}):\n${result.output.slice(-3000)}`);
  return result;
}

const git = (cwd, ...args) => run('git', ['-c', 'user.name=check', '-c', 'user.email=check@example.invalid', ...args], cwd);

const TREE = `export class TreeNode {
  parent: TreeNode | null = null;
  owner: TreeNode | null = null;
  readonly children: TreeNode[] = [];

  add(child: TreeNode): TreeNode {
    child.parent = this;
    this.children.push(child);
    return child;
  }
}
`;

/** A fresh git project with the packed package installed and everything committed. */
function project(name, tarball) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  writeFileSync(join(dir, 'src/tree.ts'), TREE);
  writeFileSync(join(dir, 'lib/tree.ts'), TREE);
  must(run('npm', ['install', '--no-audit', '--no-fund', '--save-dev', tarball], dir), `npm install of the tarball in ${name}`);
  must(git(dir, 'init', '-q'), 'git init');
  must(git(dir, 'add', '.'), 'git add');
  must(git(dir, 'commit', '-q', '-m', 'start'), 'git commit');
  return dir;
}

function main() {
  must(run('npm', ['run', 'build'], root), 'npm run build');
  const pack = must(run('npm', ['pack', '--silent', '--pack-destination', work], root), 'npm pack');
  const tarball = join(work, pack.output.trim().split('\n').at(-1) ?? '');
  const codemodBin = join(installPackages([`codemod@${CODEMOD_VERSION}`], { log: (line) => console.log(`(${line})`) }), '.bin', 'codemod');
  const version = must(run(codemodBin, ['--version'], work), 'codemod --version').output.trim();
  console.log(`${version}, workflow from the packed ${pack.output.trim().split('\n').at(-1) ?? ''}`);

  const workflowIn = (dir) => join(dir, 'node_modules/eslint-plugin-lifetime/codemods/weak-parent/workflow.yaml');
  // What a user types, from the project's root (the step works on the directory it starts in).
  const workflow = (dir, ...extra) =>
    run(codemodBin, ['workflow', 'run', '-w', workflowIn(dir), '--target', dir, '--no-interactive', '--allow-child-process', '--disable-analytics', ...extra], dir);
  const status = (dir) => git(dir, 'status', '--porcelain').output;
  const read = (dir, file) => readFileSync(join(dir, file), 'utf8');

  const validate = run(codemodBin, ['workflow', 'validate', '-w', workflowIn(project('validate', tarball))], work);
  check('codemod workflow validate accepts the shipped workflow.yaml', validate.status === 0 && /validation successful/i.test(validate.output), validate.output);

  const clean = project('clean', tarball);
  const first = workflow(clean);
  check('a clean tree: the workflow exits 0 and rewrites both files', first.status === 0 && read(clean, 'src/tree.ts').includes('get parent()') && read(clean, 'lib/tree.ts').includes('get parent()'), first.output);
  check('the CLI said what the rewrite means for callers', /TreeNode\.parent rewritten; nodes reach callers through .*public `children`.*API change/.test(first.output), first.output);
  check('`owner` is left as it was (default fields: parent)', /^ {2}owner: TreeNode \| null = null;$/m.test(read(clean, 'src/tree.ts')), read(clean, 'src/tree.ts'));
  must(git(clean, 'commit', '-q', '-a', '-m', 'weak-parent'), 'git commit of the rewrite');
  const second = workflow(clean);
  check('a second run changes nothing', second.status === 0 && status(clean) === '', `${second.output}\n${status(clean)}`);

  const dirty = project('dirty', tarball);
  writeFileSync(join(dirty, 'src/tree.ts'), `${TREE}// not committed yet\n`);
  const before = read(dirty, 'src/tree.ts');
  const refused = workflow(dirty);
  check(
    'uncommitted changes: the workflow fails and names them, nothing is written',
    refused.status !== 0 && refused.output.includes('uncommitted changes') && read(dirty, 'src/tree.ts') === before && !read(dirty, 'lib/tree.ts').includes('get parent()'),
    refused.output,
  );
  const forced = workflow(dirty, '--param', 'force=true');
  check('uncommitted changes with --param force=true: rewritten', forced.status === 0 && read(dirty, 'src/tree.ts').includes('get parent()'), forced.output);

  const dry = project('dry-run', tarball);
  const dryRun = workflow(dry, '--dry-run');
  check('--dry-run: exits 0 and writes nothing', dryRun.status === 0 && status(dry) === '', `${dryRun.output}\n${status(dry)}`);

  const params = project('params', tarball);
  const limited = workflow(params, '--param', 'paths=src', '--param', 'fields=owner', '--param', 'on_collected=undefined');
  const src = read(params, 'src/tree.ts');
  check(
    '--param paths=src fields=owner on_collected=undefined: only src/, only owner, getter returns undefined',
    limited.status === 0 && src.includes('get owner(): TreeNode | null | undefined') && !src.includes('get parent()') && read(params, 'lib/tree.ts') === TREE,
    `${limited.output}\n${src}`,
  );
  const badParam = workflow(params, '--param', 'accessor=sideways', '--param', 'force=true');
  check('a bad parameter value fails the workflow with the CLI\'s usage error', badParam.status !== 0 && badParam.output.includes('--accessor'), badParam.output);
}

try {
  main();
} catch (error) {
  failed += 1;
  console.log(`FAIL ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (keep) console.log(`kept ${work} (${readdirSync(work).join(', ')})`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(failed === 0 ? 'codemod workflow: all checks passed' : `codemod workflow: ${String(failed)} check(s) failed`);
process.exitCode = failed === 0 ? 0 : 1;
