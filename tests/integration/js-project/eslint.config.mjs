// eslint.config.mjs
import { defineConfig } from 'eslint/config';
import lifetime from 'eslint-plugin-lifetime';
import tseslint from 'typescript-eslint';

export default defineConfig({
  files: ['**/*.{js,jsx,mjs,cjs}'],
  // This file is in no tsconfig.json, so the project service cannot type it.
  ignores: ['eslint.config.mjs'],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: {
      projectService: true,
      tsconfigRootDir: import.meta.dirname,
    },
  },
  extends: [lifetime.configs['recommended-js']],
});
