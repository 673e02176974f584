// Bad input gets a clear answer: invalid rule options, rules run without type information, and
// the codemod CLI given files and paths it cannot or must not rewrite.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { builtCli, LINTED_FILES, runCli } from './helpers.js';

const ruleEntries = Object.entries(plugin.rules);

/** Lints one snippet with a single rule configured as given; resolves or rejects as ESLint does. */
async function lintWith(ruleId: string, entry: Linter.RuleEntry, languageOptions: Linter.LanguageOptions, filePath = 'file.ts'): Promise<unknown> {
  const eslint = new ESLint({
    cwd: tmpdir(),
    overrideConfigFile: true,
    overrideConfig: [
      { files: LINTED_FILES, languageOptions, plugins: { lifetime: plugin as unknown as ESLint.Plugin }, rules: { [ruleId]: entry } },
    ],
  });
  const text = filePath.endsWith('.ts')
    ? 'const registry = new FinalizationRegistry(() => {});\nclass A { parent: A | null = null; }\n'
    : 'const registry = new FinalizationRegistry(() => {});\nclass A { parent = null; }\n';
  return eslint.lintText(text, { filePath: join(tmpdir(), filePath) });
}

interface PropertySchema {
  type?: unknown;
}
interface ObjectSchema {
  type: 'object';
  properties?: Record<string, PropertySchema>;
}

/** A value of the wrong type for a schema property. */
function wrongValue(schema: PropertySchema): unknown {
  switch (schema.type) {
    case 'boolean':
      return 'yes';
    case 'array':
      return 42;
    case 'integer':
    case 'number':
      return 'many';
    case 'object':
      return 42;
    default:
      return 42;
  }
}

function objectSchema(schema: unknown): ObjectSchema | undefined {
  const first: unknown = Array.isArray(schema) ? schema[0] : undefined;
  return typeof first === 'object' && first !== null && (first as { type?: unknown }).type === 'object' ? (first as ObjectSchema) : undefined;
}

const plainTs: Linter.LanguageOptions = { parser: tsParser };

describe.each(ruleEntries)('options of %s', (name, rule) => {
  const ruleId = `lifetime/${name}`;
  const schema = objectSchema(rule.meta.schema);

  it('rejects an option it does not know, naming the rule and the option', async () => {
    const error = await lintWith(ruleId, ['error', { notAnOption: true }], plainTs).then(
      () => new Error('no error'),
      (thrown: unknown) => thrown as Error,
    );
    expect(error.message).toContain(`Key "${ruleId}":`);
    // Without a schema object, any option is one too many; with one, the bad key is named.
    expect(error.message).toMatch(schema === undefined ? /more than 0 items/ : /Unexpected property "notAnOption"\. Expected properties: "/);
  });

  // ESLint words a type error as `Value "many" should be integer.` without the option's name
  // (its ajv setup reports no property path); the rule and the offending value are named.
  for (const [property, propertySchema] of Object.entries(schema?.properties ?? {})) {
    it(`rejects a wrong-typed value for its ${String(propertySchema.type)} option "${property}"`, async () => {
      const value = wrongValue(propertySchema);
      await expect(lintWith(ruleId, ['error', { [property]: value }], plainTs)).rejects.toThrow(
        `Key "${ruleId}":\n\tValue ${JSON.stringify(value)} should be ${String(propertySchema.type)}.`,
      );
    });
  }
});

describe.each(ruleEntries.filter(([, rule]) => rule.meta.docs?.requiresTypeChecking === true))('%s without type information', (name) => {
  const ruleId = `lifetime/${name}`;

  it('fails with a message that names the rule and says how to turn typed linting on', async () => {
    const error = await lintWith(ruleId, 'error', plainTs).then(
      () => new Error('no error'),
      (thrown: unknown) => thrown as Error,
    );
    expect(error.message).toContain(`the rule "${ruleId}" needs type information`);
    expect(error.message).toContain('parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }');
    expect(error.message).toContain('https://typescript-eslint.io/getting-started/typed-linting');
  });

  it('with the default parser on a JS file, also says to use typescript-eslint\'s parser', async () => {
    await expect(lintWith(ruleId, 'error', {}, 'file.js')).rejects.toThrow(/needs type information[^]*parser: tseslint\.parser/);
  });

  it('with no typed block for the file, points at the fix: the lifetime config inside the typed block', async () => {
    const error = await lintWith(ruleId, 'error', {}, 'file.js').then(
      () => new Error('no error'),
      (thrown: unknown) => thrown as Error,
    );
    expect(error.message).toContain('is linted by a lifetime config or rule but by no block with typed linting');
    expect(error.message).toContain('extends: [lifetime.configs.recommended]');
    expect(error.message).toContain("lifetime.configs['recommended-js']");
  });
});

// ---------------------------------------------------------------------------------- the CLI

const TREE_TS = 'class Node {\n  parent: Node | null = null\n}\n';
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('codemod CLI on bad input', () => {
  let dir = '';
  beforeAll(() => {
    builtCli();
    dir = mkdtempSync(join(tmpdir(), 'lifetime-cli-bad-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh sub-directory holding the given files. */
  function fixture(name: string, files: Record<string, string | Buffer>): string {
    const base = join(dir, name);
    mkdirSync(base, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(base, file), content);
    return base;
  }

  it('a file with a syntax error: reported as file:line, left untouched, non-zero exit', () => {
    const source = 'class Node {\n  parent: Node | null = null\n  broken = = 1\n}\n';
    const base = fixture('syntax', { 'broken.ts': source, 'fine.ts': TREE_TS });
    const result = runCli(['weak-parent', '.'], base);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^ {4}broken\.ts:3: cannot parse/m);
    expect(readFileSync(join(base, 'broken.ts'), 'utf8')).toBe(source);
    // The other file is still rewritten: one bad file does not stop the run.
    expect(readFileSync(join(base, 'fine.ts'), 'utf8')).toContain('new WeakRef(');
    expect(result.stderr).not.toMatch(STACK);
  });

  it('a binary file that happens to contain the field name: left untouched and listed, no crash', () => {
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), Buffer.from('class A { parent = null }'), Buffer.from([0, 0x89, 0x50, 0x4e, 0x47])]);
    const base = fixture('binary', { 'image.js': bytes });
    const result = runCli(['weak-parent', '--run-in-band', '.'], base);
    expect(readFileSync(join(base, 'image.js')).equals(bytes)).toBe(true);
    expect(result.stderr).toContain('image.js');
    expect(result.stderr).not.toMatch(STACK);
  });

  it('an empty file: left untouched, counted, exit 0', () => {
    const base = fixture('empty', { 'empty.ts': '' });
    const result = runCli(['weak-parent', '--run-in-band', 'empty.ts'], base);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('weak-parent: 1 file\n');
    expect(readFileSync(join(base, 'empty.ts'), 'utf8')).toBe('');
  });

  it('symlink loops inside a folder: the walk ends and the real files are still rewritten', () => {
    const base = fixture('loops', { 'tree.ts': TREE_TS });
    symlinkSync('b', join(base, 'a'));
    symlinkSync('a', join(base, 'b'));
    symlinkSync('.', join(base, 'self'));
    const result = runCli(['weak-parent', '--run-in-band', '.'], base);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('weak-parent: 1 file\n');
    expect(readFileSync(join(base, 'tree.ts'), 'utf8')).toContain('new WeakRef(');
  });

  it('a symlink loop given as the path: a usage error naming it, exit 2', () => {
    const base = fixture('loop-arg', {});
    symlinkSync('y', join(base, 'x'));
    symlinkSync('x', join(base, 'y'));
    const result = runCli(['weak-parent', 'x'], base);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The path x is a loop of symbolic links.');
    expect(result.stderr).not.toMatch(STACK);
  });

  it('a path that does not exist: exit 2, the path named', () => {
    const result = runCli(['weak-parent', 'no/such/file.ts'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The path no/such/file.ts does not exist.');
  });

  it('a folder with no matching files: a summary of 0 files and why, exit 0, nothing created', () => {
    const base = fixture('nothing', { 'notes.md': '# parent\n', 'data.json': '{"parent":null}' });
    const result = runCli(['weak-parent', '.'], base);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('weak-parent: 0 files');
    expect(result.stderr).toContain('no file under . has one of the extensions .ts .tsx');
    expect(readdirSync(base).sort()).toEqual(['data.json', 'notes.md']);
  });

  it('an unknown transform: exit 2, the known ones listed', () => {
    const result = runCli(['weak-parents', '.'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown transform `weak-parents`. Known transforms: weak-parent.');
  });

  it('an unknown flag: exit 2, the flag named', () => {
    const result = runCli(['weak-parent', '--dryrun', '.'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--dryrun'");
    expect(result.stderr).not.toMatch(STACK);
  });

  it('writes are atomic: the file is replaced whole (new inode), no temporary file is left', () => {
    const base = fixture('atomic', { 'tree.ts': TREE_TS });
    const before = statSync(join(base, 'tree.ts')).ino;
    const result = runCli(['weak-parent', '.'], base);
    expect(result.status).toBe(0);
    expect(statSync(join(base, 'tree.ts')).ino).not.toBe(before);
    expect(readdirSync(base)).toEqual(['tree.ts']);
  });

  // The rest needs a user whose writes the file system refuses; root's are never refused.
  const asRoot = process.getuid?.() === 0;
  const nobody = 65534;

  function runAsNobody(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
    const child = spawnSync(process.execPath, [builtCli(), ...args], { cwd, encoding: 'utf8', timeout: 60_000, uid: nobody, gid: nobody });
    return { status: child.status, stdout: child.stdout, stderr: child.stderr };
  }

  it.runIf(asRoot)('a write that fails (folder not writable): the original stays whole, no temp file, listed as failed', () => {
    const base = fixture('locked', { 'tree.ts': TREE_TS });
    chmodSync(dir, 0o755);
    chmodSync(base, 0o755);
    const result = runAsNobody(['weak-parent', '.'], base);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/failed: +1/);
    expect(result.stderr).toContain('tree.ts');
    expect(readFileSync(join(base, 'tree.ts'), 'utf8')).toBe(TREE_TS);
    expect(readdirSync(base)).toEqual(['tree.ts']);
  });

  // Was a bug in the CLI: a read-only file in a writable folder was replaced through the
  // atomic rename, so the user's read-only mark was ignored. The CLI now refuses such files.
  it.runIf(asRoot)('a read-only file: left untouched and listed, non-zero exit', () => {
    const base = fixture('read-only', { 'tree.ts': TREE_TS });
    chmodSync(dir, 0o755);
    chmodSync(join(base, 'tree.ts'), 0o444);
    chownSync(base, nobody, nobody);
    chownSync(join(base, 'tree.ts'), nobody, nobody);
    const result = runAsNobody(['weak-parent', '--run-in-band', '.'], base);
    expect(readFileSync(join(base, 'tree.ts'), 'utf8')).toBe(TREE_TS);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/tree\.ts: read-only file/);
  });

  it('a read-only file, as whoever runs the tests (root included): left untouched and listed', () => {
    const base = fixture('read-only-mode', { 'tree.ts': TREE_TS });
    chmodSync(join(base, 'tree.ts'), 0o444);
    const result = runCli(['weak-parent', '--run-in-band', '.'], base);
    expect(readFileSync(join(base, 'tree.ts'), 'utf8')).toBe(TREE_TS);
    expect(statSync(join(base, 'tree.ts')).mode & 0o777).toBe(0o444);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/tree\.ts: read-only file/);
  });
});
