// The README's configuration, word for word apart from this comment.
import { defineConfig } from 'eslint/config';
import lifetime from 'eslint-plugin-lifetime';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [lifetime.configs.recommended],
  },
);
