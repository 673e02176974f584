// The published ways in: the `./codemods/weak-parent` export, the bin, the plain jscodeshift
// invocation from the README, and the layering rule that src/ imports neither codemods/ nor cli/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = join(repoRoot, 'tests/codemods/__testfixtures__/weak-parent');
const scratch = mkdtempSync(join(tmpdir(), 'weak-parent-entry-'));
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  exports: Record<string, { default: string; types: string }>;
  files: string[];
};

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('package entry points (built by pretest)', () => {
  it('the ./codemods/weak-parent export resolves by package name to the transform', async () => {
    const entry = manifest.exports['./codemods/weak-parent'];
    expect(entry?.default).toBe('./dist/codemods/weak-parent.js');
    // Self-reference: the package resolves its own name through its exports map.
    const loaded = (await import('eslint-plugin-lifetime/codemods/weak-parent')) as { default: unknown; transformWithReports: unknown };
    expect(typeof loaded.default).toBe('function');
    expect(typeof loaded.transformWithReports).toBe('function');
    const fromPath = (await import(pathToFileURL(join(repoRoot, 'dist/codemods/weak-parent.js')).href)) as { default: unknown };
    expect(loaded.default).toBe(fromPath.default);
  });

  it('the bin points at the built CLI, outside src/', () => {
    expect(manifest.bin['eslint-plugin-lifetime']).toBe('./dist/cli/index.js');
    expect(readFileSync(join(repoRoot, 'dist/cli/index.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs as a plain jscodeshift transform, as the README shows', () => {
    cpSync(join(fixtureDir, 'basic-nullable.input.ts'), join(scratch, 'tree.ts'));
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/jscodeshift/bin/jscodeshift.js'), '-t', join(repoRoot, 'dist/codemods/weak-parent.js'), '--parser=ts', '--run-in-band', scratch],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(scratch, 'tree.ts'), 'utf8')).toBe(readFileSync(join(fixtureDir, 'basic-nullable.output.ts'), 'utf8'));
  });
});

describe('layering', () => {
  it('nothing in src/ imports codemods/ or cli/', () => {
    const offenders: string[] = [];
    for (const name of readdirSync(join(repoRoot, 'src'), { recursive: true })) {
      const file = String(name);
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join(repoRoot, 'src', file), 'utf8');
      if (/from '(?:\.\.\/)+(?:codemods|cli)\//.test(text) || /import\('(?:\.\.\/)+(?:codemods|cli)\//.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
