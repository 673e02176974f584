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
      'tests/integration/project/',
      'tests/codemods/__testfixtures__/',
      'bench/generated/',
      'bench/corpus/',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // Dogfooding: this plugin's own recommended rules on its own source.
  {
    files: ['**/*.ts'],
    ...lifetime.configs.recommended,
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.rules,
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
