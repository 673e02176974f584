// The example project's lint set-up, as a user would write it: typed linting through
// typescript-eslint's project service, then this plugin's recommended config.
import lifetime from 'eslint-plugin-lifetime';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  { files: ['src/**/*.ts'], ...lifetime.configs.recommended },
];
