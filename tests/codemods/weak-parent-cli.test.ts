// Runs the built `eslint-plugin-lifetime` bin on temporary copies of fixture trees.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = join(repoRoot, 'tests/codemods/__testfixtures__/weak-parent');
// Built under node_modules so that the bin resolves the package's dependencies as it does when
// installed, without touching the shared dist/ folder.
const buildDir = join(repoRoot, 'node_modules/.cache/lifetime-cli-test');
const bin = join(buildDir, 'out/src/cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'weak-parent-cli-'));

interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function runBin(args: string[], cwd = scratch): Promise<BinResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [bin, ...args], { cwd, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const fixture = (name: string): string => readFileSync(join(fixtureDir, name), 'utf8');

/** A tree of fixture inputs, plus files the CLI must skip or ignore. */
function makeTree(name: string, extra: Record<string, string> = {}): string {
  const root = join(scratch, name);
  const files: Record<string, string> = {
    'src/tree.ts': fixture('basic-nullable.input.ts'),
    'src/lib/node.js': fixture('assigned-only.input.js'),
    'src/lib/observer.mjs': fixture('module.input.mjs'),
    'src/view.tsx': fixture('component.input.tsx'),
    'src/shapes.ts': fixture('interface-object-literal.input.ts'),
    'src/decorated.ts': fixture('decorated.input.ts'),
    'src/plain.ts': 'export const answer = 42;\n',
    'src/types.d.ts': 'export declare class Declared {\n  parent: Declared | null;\n}\n',
    'src/notes.md': 'parent\n',
    'node_modules/dep/index.ts': fixture('basic-nullable.input.ts'),
    'dist/tree.js': fixture('assigned-only.input.js'),
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function snapshotTree(root: string): Map<string, string> {
  const contents = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    contents.set(relative(root, path), readFileSync(path, 'utf8'));
  }
  return contents;
}

beforeAll(async () => {
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(
    join(buildDir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(repoRoot, 'tsconfig.build.json'),
      compilerOptions: { outDir: join(buildDir, 'out'), rootDir: repoRoot, declaration: false, sourceMap: false },
      include: [],
      files: [join(repoRoot, 'src/cli.ts'), join(repoRoot, 'src/jscodeshift-parsers.d.ts')],
    }),
  );
  await execFileAsync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(buildDir, 'tsconfig.json')], {
    timeout: 170_000,
  });
}, 180_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('eslint-plugin-lifetime weak-parent (built bin)', () => {
  it('rewrites the tree, skips what it cannot touch, and ends with a summary', async () => {
    const root = makeTree('basic');
    const before = snapshotTree(root);
    const result = await runBin(['weak-parent', '--cpus=1', root]);

    expect(result.code).toBe(0);
    const after = snapshotTree(root);
    expect(after.get('src/tree.ts')).toBe(fixture('basic-nullable.output.ts'));
    expect(after.get('src/lib/node.js')).toBe(fixture('assigned-only.output.js'));
    expect(after.get('src/lib/observer.mjs')).toBe(fixture('module.output.mjs'));
    expect(after.get('src/view.tsx')).toBe(fixture('component.output.tsx'));
    for (const unchanged of ['src/shapes.ts', 'src/decorated.ts', 'src/plain.ts', 'src/types.d.ts', 'src/notes.md', 'node_modules/dep/index.ts', 'dist/tree.js']) {
      expect(after.get(unchanged), unchanged).toBe(before.get(unchanged));
    }

    const out = result.stdout;
    expect(out).toMatch(/weak-parent: 8 files\n/);
    expect(out).toMatch(/ {2}changed: {3}4\n/);
    expect(out).toMatch(/ {2}unchanged: 2 /);
    expect(out).toMatch(/ {2}skipped: {3}2\n/);
    expect(out).toMatch(/\n {4}1 declaration files \(\.d\.ts\): no code to rewrite\n/);
    expect(out).toMatch(/\n {4}1 without `parent` in their text \(not parsed\)\n/);
    expect(out).toMatch(/ {2}failed: {4}0\n/);
    expect(out).toContain(`${join(root, 'src/decorated.ts')}:4: Observable.parent left alone: it is decorated`);
    expect(out).not.toContain('node_modules');
  });

  it('changes nothing on a second run', async () => {
    const root = makeTree('twice');
    expect((await runBin(['weak-parent', '--cpus=1', root])).code).toBe(0);
    const once = snapshotTree(root);
    const again = await runBin(['weak-parent', '--cpus=1', root]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/ {2}changed: {3}0\n/);
    expect(snapshotTree(root)).toEqual(once);
  });

  it('leaves an unparsable file byte-for-byte untouched, lists it with file:line and exits non-zero', async () => {
    const broken = 'export class Broken {\r\n  parent: Broken | null = null;\r\n  oops(: void {}\r\n}\r\n';
    const root = makeTree('broken', { 'src/broken.ts': broken });
    const result = await runBin(['weak-parent', '--cpus=1', root]);

    expect(result.code).toBe(1);
    expect(readFileSync(join(root, 'src/broken.ts'), 'utf8')).toBe(broken);
    expect(result.stdout).toMatch(/ {2}failed: {4}1 \(left untouched\)\n/);
    expect(result.stdout).toContain(`${join(root, 'src/broken.ts')}:3: cannot parse:`);
    // The other files are still rewritten.
    expect(readFileSync(join(root, 'src/tree.ts'), 'utf8')).toBe(fixture('basic-nullable.output.ts'));
  });

  it('uses worker processes for larger runs, with the same summary', async () => {
    const extra: Record<string, string> = { 'src/many/broken.js': 'class Broken {\n  parent = null\n  oops(\n}\n' };
    for (let index = 0; index < 30; index++) extra[`src/many/node${String(index)}.js`] = fixture('assigned-only.input.js');
    const root = makeTree('many', extra);
    const result = await runBin(['weak-parent', '--cpus=2', root]);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ {2}changed: {3}34\n/);
    expect(result.stdout).toContain(`${join(root, 'src/many/broken.js')}:4: cannot parse:`);
    expect(readFileSync(join(root, 'src/many/node29.js'), 'utf8')).toBe(fixture('assigned-only.output.js'));
    expect(readFileSync(join(root, 'src/many/broken.js'), 'utf8')).toBe(extra['src/many/broken.js']);
  });

  it('--dry writes nothing but reports what would change', async () => {
    const root = makeTree('dry');
    const before = snapshotTree(root);
    const result = await runBin(['weak-parent', '--dry', '--cpus=1', root]);

    expect(result.code).toBe(0);
    expect(snapshotTree(root)).toEqual(before);
    expect(result.stdout).toContain('dry run: nothing was written');
    expect(result.stdout).toMatch(/ {2}changed: {3}4 \(would change\)\n/);
  });

  // The atomic write (temporary file, then rename) only needs the folder to be writable, so it
  // would replace a read-only file. No write bit is refused even for root, so this runs as anyone.
  it('leaves a read-only file byte-for-byte untouched, lists it as failed and exits 1', async () => {
    const root = makeTree('read-only');
    const tree = join(root, 'src/tree.ts');
    const shapes = join(root, 'src/shapes.ts');
    chmodSync(tree, 0o444);
    chmodSync(shapes, 0o444); // read-only too, but with nothing to rewrite: not a failure
    const inode = statSync(tree).ino;
    const result = await runBin(['weak-parent', '--cpus=1', root]);

    expect(result.code).toBe(1);
    expect(readFileSync(tree, 'utf8')).toBe(fixture('basic-nullable.input.ts'));
    expect(statSync(tree).ino).toBe(inode);
    expect(statSync(tree).mode & 0o777).toBe(0o444);
    expect(result.stdout).toMatch(/ {2}changed: {3}3\n/);
    expect(result.stdout).toMatch(/ {2}unchanged: 2 /);
    expect(result.stdout).toMatch(/ {2}failed: {4}1 \(left untouched\)\n/);
    expect(result.stdout).toContain(`${tree}: read-only file`);
    expect(readdirSync(join(root, 'src')).sort()).toEqual(['decorated.ts', 'lib', 'notes.md', 'plain.ts', 'shapes.ts', 'tree.ts', 'types.d.ts', 'view.tsx']);
    // The writable files are still rewritten.
    expect(readFileSync(join(root, 'src/view.tsx'), 'utf8')).toBe(fixture('component.output.tsx'));

    // A dry run predicts the same failure.
    const dry = await runBin(['weak-parent', '--dry', '--cpus=1', tree]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(`${tree}: read-only file`);
    expect(readFileSync(tree, 'utf8')).toBe(fixture('basic-nullable.input.ts'));
  });

  it('keeps the mode of a rewritten file', async () => {
    const root = makeTree('mode');
    const tree = join(root, 'src/tree.ts');
    chmodSync(tree, 0o640);
    const script = join(root, 'src/lib/node.js');
    chmodSync(script, 0o755);
    const result = await runBin(['weak-parent', '--cpus=1', root]);

    expect(result.code).toBe(0);
    expect(readFileSync(tree, 'utf8')).toBe(fixture('basic-nullable.output.ts'));
    expect(statSync(tree).mode & 0o777).toBe(0o640);
    expect(readFileSync(script, 'utf8')).toBe(fixture('assigned-only.output.js'));
    expect(statSync(script).mode & 0o777).toBe(0o755);
  });

  it('passes --fields, --storage, --extensions and --ignore-pattern through', async () => {
    const root = makeTree('options', {
      'src/windows.ts': fixture('multiple-fields.input.ts'),
      'src/section.ts': fixture('underscore-storage.input.ts'),
    });
    const fields = await runBin(['weak-parent', '--cpus=1', '--fields=parent,owner', '--extensions=ts', '--ignore-pattern=section.ts', root]);
    expect(fields.code).toBe(0);
    expect(readFileSync(join(root, 'src/windows.ts'), 'utf8')).toBe(fixture('multiple-fields.output.ts'));
    // Not a .ts file: out of --extensions.
    expect(readFileSync(join(root, 'src/lib/node.js'), 'utf8')).toBe(fixture('assigned-only.input.js'));
    // Ignored by pattern.
    expect(readFileSync(join(root, 'src/section.ts'), 'utf8')).toBe(fixture('underscore-storage.input.ts'));

    const storage = await runBin(['weak-parent', '--cpus=1', '--storage=underscore', join(root, 'src/section.ts')]);
    expect(storage.code).toBe(0);
    expect(readFileSync(join(root, 'src/section.ts'), 'utf8')).toBe(fixture('underscore-storage.output.ts'));
  });

  it('rejects unknown transforms and options with exit code 2', async () => {
    const unknownTransform = await runBin(['weak-child', scratch]);
    expect(unknownTransform.code).toBe(2);
    expect(unknownTransform.stderr).toContain('Unknown transform `weak-child`');

    const unknownOption = await runBin(['weak-parent', '--frobnicate', scratch]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--frobnicate'");

    const badStorage = await runBin(['weak-parent', '--storage=weak', scratch]);
    expect(badStorage.code).toBe(2);
    expect(badStorage.stderr).toContain('`storage` option must be `private` or `underscore`');
  });

  it('--help lists the transforms and the options', async () => {
    const result = await runBin(['--help']);
    expect(result.code).toBe(0);
    for (const text of ['weak-parent', '--dry', '--print', '--parser', '--extensions', '--ignore-pattern', '--cpus', '--fields', '--storage']) {
      expect(result.stdout).toContain(text);
    }
  });
});

// The bin must keep its shebang so that npm can link it as an executable.
describe('cli source', () => {
  it('starts with a node shebang', () => {
    expect(readFileSync(join(repoRoot, 'src/cli.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
