// eslint.config.ts: ESLint loads it through jiti (npm install --save-dev jiti)
import { defineConfig } from 'eslint/config';
import lifetime from 'eslint-plugin-lifetime';
import tseslint from 'typescript-eslint';

export default defineConfig({
  files: ['**/*.{ts,tsx,mts,cts}'],
  // This file is in no tsconfig.json, so the project service cannot type it.
  ignores: ['eslint.config.ts'],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: {
      projectService: true,
      tsconfigRootDir: import.meta.dirname,
    },
  },
  extends: [lifetime.configs.recommended],
});
