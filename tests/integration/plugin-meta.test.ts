// What ESLint 9 and 10 read from the plugin object beyond its rules: `meta.name`/`meta.version`
// (the plugin's id in `--print-config` output and in the config hash behind `--cache`),
// `meta.namespace` (string `extends` under another plugin name) and each rule's
// `meta.defaultOptions` (merged into the printed config). Loaded by the package's own name, as
// users load it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint as ESLint10 } from 'eslint';
import { defineConfig as defineConfig10 } from 'eslint/config';
import lifetime from 'eslint-plugin-lifetime';
import { ESLint as ESLint9 } from 'eslint9';
import { defineConfig as defineConfig9 } from 'eslint9/config';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';

const project = fileURLToPath(new URL('project', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const scratch = mkdtempSync(join(tmpdir(), 'lifetime-plugin-meta-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface ESLintLike {
  lintFiles(patterns: string[]): Promise<{ messages: { ruleId: string | null; line: number }[] }[]>;
  calculateConfigForFile(file: string): Promise<unknown>;
}
type ESLintClass = new (options: Record<string, unknown>) => ESLintLike;
type DefineConfig = (...configs: unknown[]) => unknown[];

const majors: [string, ESLintClass, DefineConfig][] = [
  ['ESLint 10', ESLint10, defineConfig10 as unknown as DefineConfig],
  ['ESLint 9', ESLint9, defineConfig9 as unknown as DefineConfig],
];

const typed = {
  parser: tseslint.parser,
  parserOptions: { projectService: true, tsconfigRootDir: project },
};

describe.each(majors)('%s', (label, ESLint, defineConfig) => {
  const ruleIds = async (eslint: ESLintLike): Promise<string[]> =>
    (await eslint.lintFiles(['src/tree.ts'])).flatMap((result) => result.messages.map((message) => `${String(message.line)} ${message.ruleId ?? ''}`));

  it("meta.namespace: `extends: ['life/recommended']` under another plugin name renames the rules", async () => {
    const config = defineConfig({
      files: ['src/**/*.ts'],
      languageOptions: typed,
      plugins: { life: lifetime },
      extends: ['life/recommended'],
    });
    const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: config });
    expect(await ruleIds(eslint)).toEqual(['4 life/no-strong-parent-reference', '9 life/no-finalizer-holding-target']);
  });

  it('--print-config names the plugin by meta.name@meta.version and shows each rule with its default options', async () => {
    const eslint = new ESLint({ cwd: project, overrideConfigFile: 'eslint.config.mjs' });
    // What `eslint --print-config src/tree.ts` prints: the config serialised with JSON.stringify.
    const printed = JSON.parse(JSON.stringify(await eslint.calculateConfigForFile('src/tree.ts'))) as {
      plugins: string[];
      rules: Record<string, unknown[]>;
    };
    expect(printed.plugins).toContain(`lifetime:eslint-plugin-lifetime@${packageJson.version}`);
    expect(printed.rules['lifetime/no-strong-parent-reference']).toEqual([
      2,
      lifetime.rules['no-strong-parent-reference'].meta.defaultOptions?.[0],
    ]);
  });

  it('--cache: a second run answers from the cache with the same findings', async () => {
    const cacheLocation = join(scratch, `cache-${label.replace(' ', '-')}`);
    const options = { cwd: project, overrideConfigFile: 'eslint.config.mjs', cache: true, cacheLocation };
    const first = await ruleIds(new ESLint(options));
    const cache = readFileSync(cacheLocation, 'utf8');
    expect(cache).toContain('src/tree.ts');
    const second = await ruleIds(new ESLint(options));
    expect(second).toEqual(first);
    expect(first).toEqual(['4 lifetime/no-strong-parent-reference', '9 lifetime/no-finalizer-holding-target']);
  });
});
