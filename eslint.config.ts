import { defineConfig } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

import lifetime from './src/index.js';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'examples/',
      'tests/fixtures/',
      'tests/robustness/corpus-fixture/',
      'tests/integration/project/',
      'tests/integration/js-project/',
      'tests/codemods/__testfixtures__/',
      'bench/generated/',
      'bench/corpus/',
      '.scratch*/',
    ],
  },
  {
    files: ['**/*.ts'],
    // Dogfooding: this plugin's own recommended rules on its own source, in the typed block the
    // way the README shows, so they apply to exactly the files that have type information.
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked, lifetime.configs.recommended],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.rules,
  },
  // One home for walking the tree upwards: src/ast/ancestors.ts (ESTree) and ts.findAncestor
  // (TypeScript nodes). A hand-written `x = x.parent` loop elsewhere is how the `null` parent of
  // Program once crashed two rules.
  {
    files: ['src/**/*.ts', 'rules/**/*.ts', 'codemods/**/*.ts', 'cli/**/*.ts'],
    ignores: ['src/ast/ancestors.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(ForStatement, WhileStatement, DoWhileStatement) AssignmentExpression[right.type="MemberExpression"][right.property.name="parent"]',
          message: 'Walk upwards with ancestorsOf / findAncestor (src/ast/ancestors.ts) or ts.findAncestor, not a hand-written loop.',
        },
      ],
    },
  },
  // Layers point one way: rules and codemods use src/, never the reverse. The plugin entry
  // (src/index.ts) is the one module that gathers the rules.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/rules/*', '**/codemods/*', '**/codemods/**', '**/cli/*', '**/cli/**'], message: 'src/ must not depend on rules/, codemods/ or cli/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/rules/**/*.ts'],
    ...eslintPlugin.configs.tests,
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
