// eslint.config.mjs
import { defineConfig } from 'eslint/config';
import lifetime from 'eslint-plugin-lifetime';
import tseslint from 'typescript-eslint';

export default defineConfig({
  files: ['**/*.{ts,tsx,mts,cts}'],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: {
      projectService: true,
      tsconfigRootDir: import.meta.dirname,
    },
  },
  extends: [lifetime.configs.recommended],
});
