// The plugin as users load it: the published entry (dist, via the package's own name) imported
// from eslint.config.{js,mjs,ts}, next to typescript-eslint's projectService, run by the real
// ESLint class of every supported major.
import { fileURLToPath } from 'node:url';

import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { describe, expect, it } from 'vitest';

const project = fileURLToPath(new URL('project', import.meta.url));

interface LintResultLike {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean; message: string }[];
}
interface ESLintLike {
  lintFiles(patterns: string[]): Promise<LintResultLike[]>;
}
type ESLintClass = new (options: { cwd: string; overrideConfigFile: string }) => ESLintLike;

const majors: [string, ESLintClass, string][] = [
  ['ESLint 10', ESLint10, ESLint10.version],
  ['ESLint 9', ESLint9, ESLint9.version],
];

describe.each(majors)('%s', (_label, ESLint, version) => {
  it('is the major it claims to be', () => {
    expect(version.split('.')[0]).toBe(_label.split(' ')[1]);
  });

  describe.each(['js', 'mjs', 'ts'])('eslint.config.%s', (extension) => {
    it('loads the recommended config and reports with type information', async () => {
      const eslint = new ESLint({ cwd: project, overrideConfigFile: `eslint.config.${extension}` });
      const results = await eslint.lintFiles(['src/**/*.ts']);
      const found = results.flatMap((result) =>
        result.messages.map((message) => `${result.filePath.slice(project.length + 1)}:${String(message.line)} ${message.ruleId ?? message.message}`),
      );
      expect(found).toEqual([
        'src/tree.ts:4 lifetime/no-strong-parent-reference',
        'src/tree.ts:9 lifetime/no-finalizer-holding-target',
      ]);
    });
  });
});
