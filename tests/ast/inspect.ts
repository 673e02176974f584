import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * Parses `code` the way ESLint does (typescript-eslint's parser, parents set by ESLint, a `null`
 * parent on `Program`) and returns `look(node)` for every node that matches the ESLint selector,
 * in traversal order. No type information: for the helpers that only read the tree.
 */
export function inspect<T>(code: string, selector: string, look: (node: TSESTree.Node) => T, filename = 'file.ts'): T[] {
  const results: T[] = [];
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: {
          probe: {
            rules: {
              look: {
                create: () => ({
                  [selector]: (node: TSESTree.Node): void => {
                    results.push(look(node));
                  },
                }),
              },
            },
          },
        },
        rules: { 'probe/look': 'error' },
      },
    ] as Linter.Config[],
    filename,
  );
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(`${filename}: ${fatal.message}`);
  return results;
}
