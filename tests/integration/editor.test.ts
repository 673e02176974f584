// The path an editor's ESLint language server takes (the README's "Editor" section): it loads
// the project's own ESLint, asks `loadESLint()` for the flat-config class, and lints the open
// buffer with `lintText(text, { filePath })`, once per change. ESLint finds the config file
// itself from the file's folder, as in the editor.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const project = fileURLToPath(new URL('project', import.meta.url));
const require = createRequire(import.meta.url);

interface ESLintLike {
  lintText(text: string, options: { filePath: string }): Promise<{ messages: { ruleId: string | null; line: number }[] }[]>;
}
interface ESLintModule {
  loadESLint(options: { useFlatConfig: boolean }): Promise<new (options: { cwd: string }) => ESLintLike>;
}

describe.each(['eslint', 'eslint9'])('%s', (name) => {
  const eslintModule = require(name) as ESLintModule;
  const major = (require(`${name}/package.json`) as { version: string }).version.split('.')[0];

  it('loadESLint() gives the flat-config class, and lintText reports in the open file, also after an edit', async () => {
    const ESLint = await eslintModule.loadESLint({ useFlatConfig: true });
    const eslint = new ESLint({ cwd: project });
    const filePath = join(project, 'src/tree.ts');
    const text = readFileSync(filePath, 'utf8');
    const ruleIds = async (source: string): Promise<string[]> =>
      (await eslint.lintText(source, { filePath })).flatMap((result) =>
        result.messages.map((message) => `${String(message.line)} ${message.ruleId ?? ''}`),
      );
    // The first call builds the TypeScript program; the second reuses it with the edited text.
    expect(await ruleIds(text)).toEqual(['4 lifetime/no-strong-parent-reference', '9 lifetime/no-finalizer-holding-target']);
    expect(await ruleIds(`// an edit\n${text}`)).toEqual(['5 lifetime/no-strong-parent-reference', '10 lifetime/no-finalizer-holding-target']);
  });

  it(`the old FlatESLint class ${major === '10' ? 'is gone' : 'is still there'} (a server that looks for it finds nothing on ESLint 10)`, () => {
    const risky = require(`${name}/use-at-your-own-risk`) as { FlatESLint?: unknown };
    expect(typeof risky.FlatESLint).toBe(major === '10' ? 'undefined' : 'function');
  });
});
