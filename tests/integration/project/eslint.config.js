// eslint.config.js
import lifetime from 'eslint-plugin-lifetime';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  lifetime.configs.recommended,
];
