// The plugin as users load it: the published entry (dist, via the package's own name) imported
// from the README's eslint.config.{mjs,ts}, a plain config array (eslint.config.js) and the
// README's JavaScript setup, run by the real ESLint class of every supported major. Each run
// lints the project's sources and its own config file, which the configs must leave alone.
import { fileURLToPath } from 'node:url';

import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { describe, expect, it } from 'vitest';

const project = fileURLToPath(new URL('project', import.meta.url));
const jsProject = fileURLToPath(new URL('js-project', import.meta.url));

interface LintResultLike {
  filePath: string;
  messages: { ruleId: string | null; line?: number; fatal?: boolean; message: string }[];
}
interface ESLintLike {
  lintFiles(patterns: string[]): Promise<LintResultLike[]>;
}
type ESLintClass = new (options: { cwd: string; overrideConfigFile: string }) => ESLintLike;

const majors: [string, ESLintClass, string][] = [
  ['ESLint 10', ESLint10, ESLint10.version],
  ['ESLint 9', ESLint9, ESLint9.version],
];

/** `file:line ruleId` for every message, and every linted file, relative to the project. */
async function lint(ESLint: ESLintClass, cwd: string, configFile: string, patterns: string[]): Promise<{ files: string[]; found: string[] }> {
  const results = await new ESLint({ cwd, overrideConfigFile: configFile }).lintFiles(patterns);
  const relative = (filePath: string): string => filePath.slice(cwd.length + 1);
  return {
    files: results.map((result) => relative(result.filePath)).sort(),
    found: results.flatMap((result) =>
      result.messages.map((message) => `${relative(result.filePath)}:${String(message.line ?? 0)} ${message.ruleId ?? message.message}`),
    ),
  };
}

describe.each(majors)('%s', (label, ESLint, version) => {
  it('is the major it claims to be', () => {
    expect(version.split('.')[0]).toBe(label.split(' ')[1]);
  });

  describe.each(['js', 'mjs', 'ts'])('eslint.config.%s', (extension) => {
    it('reports with type information in the sources and does not stop on its own config file', async () => {
      const configFile = `eslint.config.${extension}`;
      const { files, found } = await lint(ESLint, project, configFile, ['src', configFile]);
      expect(files).toEqual([configFile, 'src/registry.ts', 'src/tree.ts'].sort());
      expect(found).toEqual([
        // The TypeScript config file is kept out of the typed block, so no block lints it;
        // ESLint says so because it was named on the command line.
        ...(extension === 'ts' ? ['eslint.config.ts:0 File ignored because no matching configuration was supplied.'] : []),
        'src/tree.ts:4 lifetime/no-strong-parent-reference',
        'src/tree.ts:9 lifetime/no-finalizer-holding-target',
      ]);
    });
  });

  it('JavaScript project (allowJs, checkJs): the README setup reports in .js files and skips its config file', async () => {
    const { files, found } = await lint(ESLint, jsProject, 'eslint.config.mjs', ['.']);
    expect(files).toEqual(['eslint.config.mjs', 'src/clean.js', 'src/registry.js', 'src/tree.js']);
    expect(found).toEqual(['src/registry.js:7 lifetime/no-finalizer-holding-target', 'src/tree.js:4 lifetime/no-strong-parent-reference']);
  });
});
