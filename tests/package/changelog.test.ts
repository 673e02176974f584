// The CHANGELOG is kept with changesets: every pending changeset in .changeset/ is one the tool
// accepts for this package, and the real `changeset version`, run on a copy of the package
// files with one more changeset, bumps package.json and writes the entry into CHANGELOG.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../package-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'lifetime-changeset-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const pending = readdirSync(join(repoRoot, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');

describe('changesets', () => {
  it.each(pending)('.changeset/%s names this package and a bump, and says what changed', (file) => {
    const text = readFileSync(join(repoRoot, '.changeset', file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n\n(\S[\s\S]*)$/.exec(text);
    expect(match?.[1]).toMatch(/^'eslint-plugin-lifetime': (patch|minor|major)$/);
    expect(match?.[2]?.trim().length).toBeGreaterThan(20);
  });

  it('`changeset version` bumps the version and writes the CHANGELOG entry', () => {
    for (const file of ['package.json', 'CHANGELOG.md', '.changeset/config.json']) cpSync(join(repoRoot, file), join(scratch, file));
    symlinkSync(join(repoRoot, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    writeFileSync(join(scratch, '.changeset', 'probe.md'), "---\n'eslint-plugin-lifetime': major\n---\n\nA probe entry.\n");
    const before = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8')) as { version: string };
    const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: scratch, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const after = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8')) as { version: string };
    const major = Number(before.version.split('.')[0]) + 1;
    expect(after.version).toBe(`${String(major)}.0.0`);
    const changelog = readFileSync(join(scratch, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^# eslint-plugin-lifetime\\n\\n## ${String(major)}\\.0\\.0\\n\\n### Major Changes\\n\\n- A probe entry\\.`));
    expect(changelog).toContain(`## ${before.version}`);
  });
});
