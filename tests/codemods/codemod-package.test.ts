// The Codemod package of weak-parent (codemods/weak-parent/codemod.yaml + workflow.yaml) as the
// npm package ships it: versions agree, the files are packed, the step's path to the CLI lands
// on a packed file, every parameter reaches a CLI option, and the step's shell script, run by
// `sh` the way the codemod CLI runs it (parameters substituted, CODEMOD_PATH set), rewrites a
// clean git project and refuses a dirty one. The real `codemod` CLI runs the same workflow in
// scripts/check-codemod-workflow.mjs (it needs the registry, so it is not part of npm test).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, relative } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { findTransform } from '../../codemods/registry.js';
import { packedFiles, repoRoot } from '../package-files.js';

const folder = join(repoRoot, 'codemods/weak-parent');
const manifest = readFileSync(join(folder, 'codemod.yaml'), 'utf8');
const workflow = readFileSync(join(folder, 'workflow.yaml'), 'utf8');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

/** The parameters declared under params.schema, with their defaults. */
const params = new Map([...workflow.matchAll(/^ {4}(\w+):\n(?: {6}.*\n)*? {6}default: "([^"]*)"$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']));

/** The step's `run: |` block, dedented. */
const script = (/^ {8}run: \|\n((?: {10}.*\n?)+)/m.exec(workflow)?.[1] ?? '').replace(/^ {10}/gm, '');

const work = mkdtempSync(join(tmpdir(), 'lifetime-codemod-package-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const TREE = 'export class TreeNode {\n  parent: TreeNode | null = null;\n  readonly children: TreeNode[] = [];\n}\n';

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function gitProject(name: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src/tree.ts'), TREE);
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'start');
  return dir;
}

/** The step as the codemod CLI runs it: `${{ params.x }}` replaced, CODEMOD_PATH the package folder. */
function runStep(cwd: string, values: Record<string, string> = {}): { status: number | null; output: string } {
  const text = script.replace(/\$\{\{ params\.(\w+) \}\}/g, (_, name: string) => values[name] ?? params.get(name) ?? `<unknown ${name}>`);
  const result = spawnSync('sh', ['-c', text], { cwd, encoding: 'utf8', env: { ...process.env, CODEMOD_PATH: folder } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the weak-parent Codemod package', () => {
  it('names the npm package version in the manifest and in the npx fallback', () => {
    expect(/^version: "([^"]+)"$/m.exec(manifest)?.[1]).toBe(version);
    expect(/^workflow: "([^"]+)"$/m.exec(manifest)?.[1]).toBe('workflow.yaml');
    expect([...script.matchAll(/eslint-plugin-lifetime@(\S+)/g)].map((match) => match[1])).toEqual([version]);
  });

  it('is packed, and the step finds the packed CLI from CODEMOD_PATH', () => {
    const files = packedFiles();
    expect(files).toContain('codemods/weak-parent/codemod.yaml');
    expect(files).toContain('codemods/weak-parent/workflow.yaml');
    const cli = /cli="\$CODEMOD_PATH\/([^"]+)"/.exec(script)?.[1];
    expect(cli).toBeDefined();
    expect(files).toContain(relative(repoRoot, normalize(join(folder, cli ?? ''))));
  });

  it('passes every parameter to an option of the CLI', () => {
    const options = new Set(findTransform('weak-parent')?.options.map((option) => option.name));
    expect([...params.keys()].sort()).toEqual(['accessor', 'fields', 'force', 'on_collected', 'paths']);
    for (const name of params.keys()) {
      if (name === 'paths') continue;
      const flag = name.replace(/_/g, '-');
      expect(script, name).toContain(`--${flag}`);
      if (name !== 'force') expect(options.has(flag), flag).toBe(true);
    }
  });

  it('its step rewrites a clean git project, refuses a dirty one, and force=true overrides', () => {
    const clean = gitProject('clean');
    const first = runStep(clean);
    expect(first.status, first.output).toBe(0);
    expect(readFileSync(join(clean, 'src/tree.ts'), 'utf8')).toContain('get parent(): TreeNode | null');

    const dirty = gitProject('dirty');
    writeFileSync(join(dirty, 'src/tree.ts'), `${TREE}// not committed\n`);
    const refused = runStep(dirty, { paths: 'src' });
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('uncommitted changes');
    expect(readFileSync(join(dirty, 'src/tree.ts'), 'utf8')).toBe(`${TREE}// not committed\n`);

    const forced = runStep(dirty, { paths: 'src', force: 'true', on_collected: 'undefined' });
    expect(forced.status, forced.output).toBe(0);
    expect(readFileSync(join(dirty, 'src/tree.ts'), 'utf8')).toContain('get parent(): TreeNode | null | undefined');
  });
});
