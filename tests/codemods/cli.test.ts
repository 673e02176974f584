// Runs the built `eslint-plugin-lifetime` bin (cli/) on temporary copies of fixture trees.
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REWRITE_REFUSALS } from '../../src/weak-parent-refusals.js';

const execFileAsync = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = join(repoRoot, 'tests/codemods/__testfixtures__/weak-parent');
// Built under node_modules so that the bin resolves the package's dependencies as it does when
// installed, without touching the shared dist/ folder.
const buildDir = join(repoRoot, 'node_modules/.cache/lifetime-cli-test');
const bin = join(buildDir, 'out/cli/index.js');
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
      // The transforms are loaded by URL from the registry, so they are named here too.
      files: ['cli/index.ts', 'cli/worker.ts', 'codemods/weak-parent/index.ts', 'codemods/weak-parent/project.ts', 'src/jscodeshift-parsers.d.ts'].map((file) => join(repoRoot, file)),
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

    // stdout is kept for --diff and --print; the summary is on stderr.
    expect(result.stdout).toBe('');
    const out = result.stderr;
    expect(out).toMatch(/weak-parent: 8 files\n/);
    expect(out).toMatch(/ {2}changed: {4}4\n/);
    expect(out).toMatch(/ {2}unchanged: {2}1 /);
    expect(out).toMatch(/ {2}left alone: 1 /);
    expect(out).toMatch(/ {2}skipped: {4}2\n/);
    expect(out).toMatch(/\n {4}1 file: declaration file \(\.d\.ts\): no code to rewrite\n/);
    expect(out).toMatch(/\n {4}1 file: without `parent` in their text \(not parsed\)\n/);
    expect(out).toMatch(/ {2}failed: {5}0\n/);
    expect(out).toContain(`${join(root, 'src/decorated.ts')}:4: Observable.parent left alone: it is decorated`);
    expect(out).not.toContain('node_modules');
  });

  it('changes nothing on a second run', async () => {
    const root = makeTree('twice');
    expect((await runBin(['weak-parent', '--cpus=1', root])).code).toBe(0);
    const once = snapshotTree(root);
    const again = await runBin(['weak-parent', '--cpus=1', root]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/ {2}changed: {4}0\n/);
    expect(snapshotTree(root)).toEqual(once);
  });

  it('leaves an unparsable file byte-for-byte untouched, lists it with file:line and exits non-zero', async () => {
    const broken = 'export class Broken {\r\n  parent: Broken | null = null;\r\n  oops(: void {}\r\n}\r\n';
    const root = makeTree('broken', { 'src/broken.ts': broken });
    const result = await runBin(['weak-parent', '--cpus=1', root]);

    expect(result.code).toBe(1);
    expect(readFileSync(join(root, 'src/broken.ts'), 'utf8')).toBe(broken);
    expect(result.stderr).toMatch(/ {2}failed: {5}1 \(left untouched\)\n/);
    expect(result.stderr).toContain(`${join(root, 'src/broken.ts')}:3: cannot parse:`);
    // The other files are still rewritten.
    expect(readFileSync(join(root, 'src/tree.ts'), 'utf8')).toBe(fixture('basic-nullable.output.ts'));
  });

  it('uses worker processes for larger runs, with the same summary', async () => {
    const extra: Record<string, string> = { 'src/many/broken.js': 'class Broken {\n  parent = null\n  oops(\n}\n' };
    for (let index = 0; index < 30; index++) extra[`src/many/node${String(index)}.js`] = fixture('assigned-only.input.js');
    const root = makeTree('many', extra);
    const result = await runBin(['weak-parent', '--cpus=2', root]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ {2}changed: {4}34\n/);
    expect(result.stderr).toContain(`${join(root, 'src/many/broken.js')}:4: cannot parse:`);
    expect(readFileSync(join(root, 'src/many/node29.js'), 'utf8')).toBe(fixture('assigned-only.output.js'));
    expect(readFileSync(join(root, 'src/many/broken.js'), 'utf8')).toBe(extra['src/many/broken.js']);
  });

  it('--dry writes nothing but reports what would change', async () => {
    const root = makeTree('dry');
    const before = snapshotTree(root);
    const result = await runBin(['weak-parent', '--dry', '--cpus=1', root]);

    expect(result.code).toBe(0);
    expect(snapshotTree(root)).toEqual(before);
    expect(result.stderr).toContain('dry run: nothing was written');
    expect(result.stderr).toMatch(/ {2}changed: {4}4 \(would change\)\n/);
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
    expect(result.stderr).toMatch(/ {2}changed: {4}3\n/);
    expect(result.stderr).toMatch(/ {2}unchanged: {2}1 /);
    expect(result.stderr).toMatch(/ {2}failed: {5}1 \(left untouched\)\n/);
    expect(result.stderr).toContain(`${tree}: read-only file`);
    expect(readdirSync(join(root, 'src')).sort()).toEqual(['decorated.ts', 'lib', 'notes.md', 'plain.ts', 'shapes.ts', 'tree.ts', 'types.d.ts', 'view.tsx']);
    // The writable files are still rewritten.
    expect(readFileSync(join(root, 'src/view.tsx'), 'utf8')).toBe(fixture('component.output.tsx'));

    // A dry run predicts the same failure.
    const dry = await runBin(['weak-parent', '--dry', '--cpus=1', tree]);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain(`${tree}: read-only file`);
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
    expect(badStorage.stderr).toContain('`storage` option must be `auto`, `private` or `underscore`');
  });

  it('--help lists the transforms and the options', async () => {
    const result = await runBin(['--help']);
    expect(result.code).toBe(0);
    for (const text of ['weak-parent', '--dry', '--print', '--parser', '--extensions', '--ignore-pattern', '--cpus', '--fields', '--storage']) {
      expect(result.stdout).toContain(text);
    }
    for (const text of ['--diff', '--json=FILE', '--force', '--version', '--on-collected=WHAT', '--accessor=WHERE']) {
      expect(result.stdout).toContain(text);
    }
    // It ends with examples.
    expect(result.stdout).toMatch(/\nExamples:\n(?: {2}eslint-plugin-lifetime weak-parent .+\n)+$/);
  });

  it('--version prints the package version', async () => {
    const result = await runBin(['--version']);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${manifest.version}\n`);
  });

  it('an empty --fields= is a usage error', async () => {
    const result = await runBin(['weak-parent', '--fields=', scratch]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The `fields` option is empty');
  });

  it('--diff prints a unified diff per changed file on stdout and writes nothing with --dry', async () => {
    const root = makeTree('diff');
    const before = snapshotTree(root);
    const result = await runBin(['weak-parent', '--dry', '--diff', '--cpus=1', root]);
    expect(result.code).toBe(0);
    expect(snapshotTree(root)).toEqual(before);
    const headers = [...result.stdout.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((match) => match[1]);
    expect(headers.sort()).toEqual(['src/lib/node.js', 'src/lib/observer.mjs', 'src/tree.ts', 'src/view.tsx'].map((file) => relative(scratch, join(root, file))).sort());
    expect(result.stdout).toMatch(/^-  parent: TreeNode \| null = null;$/m);
    expect(result.stdout).toMatch(/^\+  get parent\(\): TreeNode \| null \{$/m);
    // Only the diff: the summary went to stderr.
    expect(result.stdout).not.toContain('changed:');
    expect(result.stderr).toContain('changed:    4 (would change)');
    // Applying the diff to the original gives what a real run writes.
    const patchRoot = makeTree('diff-apply');
    const patch = join(scratch, 'changes.patch');
    writeFileSync(patch, result.stdout.replaceAll(relative(scratch, root), relative(scratch, patchRoot)));
    const applied = spawnSync('git', ['apply', '-p1', patch], { cwd: scratch, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(readFileSync(join(patchRoot, 'src/tree.ts'), 'utf8')).toBe(fixture('basic-nullable.output.ts'));
  });

  it('--print prints each changed file after a header', async () => {
    const root = makeTree('print');
    const tree = join(root, 'src/tree.ts');
    const result = await runBin(['weak-parent', '--dry', '--print', '--cpus=1', tree]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`==> ${relative(scratch, tree)} <==\n${fixture('basic-nullable.output.ts')}`);
  });

  it('--json writes a per-file report with statuses, reasons and lines', async () => {
    const broken = 'export class Broken {\n  parent: Broken | null = null;\n  oops(: void {}\n}\n';
    const root = makeTree('json', { 'src/broken.ts': broken });
    const reportPath = join(scratch, 'report.json');
    const result = await runBin(['weak-parent', '--dry', '--json', reportPath, '--cpus=1', root, join(root, 'src/notes.md')]);
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      totals: Record<string, number>;
      files: { file: string; status: string; reasons: { line?: number; kind: string; message: string }[] }[];
    };
    const byName = new Map(report.files.map((entry) => [relative(root, entry.file), entry]));
    expect(report.totals).toEqual({ files: 10, changed: 4, unchanged: 1, leftAlone: 1, skipped: 3, failed: 1 });
    expect(byName.get('src/tree.ts')?.status).toBe('changed');
    expect(byName.get('src/tree.ts')?.reasons.some((reason) => reason.kind === 'notice' && reason.message.includes('TreeNode.parent rewritten'))).toBe(true);
    expect(byName.get('src/decorated.ts')).toMatchObject({ status: 'left alone', reasons: [{ line: 4, kind: 'left alone' }] });
    expect(byName.get('src/broken.ts')).toMatchObject({ status: 'failed', reasons: [{ line: 3, kind: 'failed' }] });
    expect(byName.get('src/types.d.ts')?.status).toBe('skipped');
    expect(byName.get('src/notes.md')).toMatchObject({ status: 'skipped', reasons: [{ kind: 'skipped' }] });
    expect(byName.get('src/notes.md')?.reasons[0]?.message).toContain('not a source file');
  });

  it('a file named explicitly that is not a source file is skipped with a reason, not failed', async () => {
    const root = makeTree('not-source');
    const result = await runBin(['weak-parent', '--cpus=1', join(root, 'src/notes.md')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/weak-parent: 1 file\n/);
    expect(result.stderr).toMatch(/ {4}1 file: not a source file \(its extension is not one of .ts .tsx/);
    expect(result.stderr).not.toContain('cannot parse');
  });

  it('tells, before writing, how the children of each rewritten class reach callers', async () => {
    const root = makeTree('notices');
    const result = await runBin(['weak-parent', '--cpus=1', join(root, 'src/tree.ts')]);
    expect(result.code).toBe(0);
    const notice = result.stderr.indexOf('TreeNode.parent rewritten; nodes reach callers through public `children`, `add()`');
    expect(notice).toBeGreaterThan(-1);
    expect(result.stderr).toContain('for a library this is an API change (choose with --on-collected=throw|undefined)');
    // The notice comes before the summary, which is printed after the files are written.
    expect(notice).toBeLessThan(result.stderr.indexOf('changed:'));
  });

  it('refuses to write into a git tree with uncommitted changes unless --force', async () => {
    const root = makeTree('git');
    const git = (...args: string[]): void => {
      const done = spawnSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: root, encoding: 'utf8' });
      expect(done.status, done.stderr).toBe(0);
    };
    git('init', '-q');
    git('add', 'src');
    git('commit', '-q', '-m', 'fixtures');
    writeFileSync(join(root, 'src/plain.ts'), 'export const answer = 43;\n');
    const refused = await runBin(['weak-parent', '--cpus=1', join(root, 'src')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('git shows uncommitted changes');
    expect(refused.stderr).toContain('src/plain.ts');
    expect(readFileSync(join(root, 'src/tree.ts'), 'utf8')).toBe(fixture('basic-nullable.input.ts'));
    // A dry run writes nothing, so it needs no clean tree.
    expect((await runBin(['weak-parent', '--dry', '--cpus=1', join(root, 'src')])).code).toBe(0);
    const forced = await runBin(['weak-parent', '--force', '--cpus=1', join(root, 'src')]);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(root, 'src/tree.ts'), 'utf8')).toBe(fixture('basic-nullable.output.ts'));
    // Once committed, the tree is clean again and a run needs no --force.
    git('add', '-A');
    git('commit', '-q', '-m', 'rewritten');
    expect((await runBin(['weak-parent', '--cpus=1', join(root, 'src')])).code).toBe(0);
  });
});

describe('eslint-plugin-lifetime weak-parent --project (type-aware)', () => {
  const projectFixture = (name: string): string =>
    readFileSync(join(repoRoot, 'tests/codemods/__testfixtures__/weak-parent-project', name), 'utf8');
  const tsconfig = JSON.stringify({
    compilerOptions: { target: 'es2022', lib: ['es2022', 'es2021.weakref'], strict: true, module: 'nodenext', noEmit: true },
    include: ['src'],
  });
  function makeProject(name: string): string {
    const root = join(scratch, name);
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'tsconfig.json'), tsconfig);
    writeFileSync(join(root, 'src/tree.ts'), projectFixture('tree.input.ts'));
    // Outside the program: its `parent` would be rewritten without --project.
    writeFileSync(join(root, 'loose.ts'), 'export class Loose {\n  parent: Loose | null = null;\n  readonly children: Loose[] = [];\n}\n');
    return root;
  }

  it('rewrites what the rule reports, leaves the rest alone with its reasons, and the output type-checks', async () => {
    const root = makeProject('project');
    const reportPath = join(scratch, 'project-report.json');
    const result = await runBin(['weak-parent', '--project', join(root, 'tsconfig.json'), '--force', '--cpus=1', '--json', reportPath, join(root, 'src'), join(root, 'loose.ts')]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'src/tree.ts'), 'utf8')).toBe(projectFixture('tree.output.ts'));
    expect(readFileSync(join(root, 'loose.ts'), 'utf8')).toContain('  parent: Loose | null = null;');

    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      files: { file: string; status: string; reasons: { kind: string; message: string; line?: number }[] }[];
    };
    const byName = new Map(report.files.map((entry) => [relative(root, entry.file), entry]));
    expect(byName.get('loose.ts')?.status).toBe('skipped');
    expect(byName.get('loose.ts')?.reasons[0]?.message).toMatch(/^not in the program of /);
    const leftAlone = byName.get(join('src', 'tree.ts'))?.reasons.filter((reason) => reason.kind === 'left alone').map((reason) => reason.message);
    // The rule's own refusal texts (src/back-references.ts), so the two never disagree.
    expect(leftAlone).toEqual([
      `Slot.[kOwner] left alone: ${REWRITE_REFUSALS['non-identifier-key']}`,
      `Leaf.owner left alone: ${REWRITE_REFUSALS.declare}`,
    ]);

    const ts = (await import('typescript')).default;
    const config = ts.parseJsonConfigFileContent(JSON.parse(tsconfig), ts.sys, root);
    const program = ts.createProgram(config.fileNames, config.options);
    expect(ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
  });

  it('refuses a tsconfig that does not parse or does not exist, and touches nothing', async () => {
    const root = makeProject('project-bad');
    writeFileSync(join(root, 'broken.json'), '{ "compilerOptions": ');
    const broken = await runBin(['weak-parent', '--project', join(root, 'broken.json'), '--dry', root]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json');
    const missing = await runBin(['weak-parent', '--project', join(root, 'nope.json'), '--dry', root]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    expect(readFileSync(join(root, 'src/tree.ts'), 'utf8')).toBe(projectFixture('tree.input.ts'));
  });
});

// The bin must keep its shebang so that npm can link it as an executable.
describe('cli source', () => {
  it('starts with a node shebang', () => {
    expect(readFileSync(join(repoRoot, 'cli/index.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
