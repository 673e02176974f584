// The ESLint instance the real-code scripts lint published sources with: typed linting through
// a given tsconfig, the rules under test registered as the `lifetime` plugin, files under
// node_modules included (ESLint ignores them by default; here they are the point).
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * @param {{
 *   cwd: string;
 *   tsconfig: string;
 *   tsconfigRootDir: string;
 *   files?: string[];
 *   plugin: import('eslint').ESLint.Plugin;
 *   rules: import('eslint').Linter.RulesRecord;
 *   extraConfigs?: import('eslint').Linter.Config[];
 *   stats?: boolean;
 *   linterOptions?: import('eslint').Linter.LinterOptions;
 * }} options
 */
export function eslintFor({ cwd, tsconfig, tsconfigRootDir, files = ['**/*.ts'], plugin, rules, extraConfigs = [], stats = false, linterOptions }) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    stats,
    ignorePatterns: ['!**/node_modules/'],
    overrideConfig: [
      ...extraConfigs,
      {
        files,
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { project: tsconfig, tsconfigRootDir },
        },
        ...(linterOptions === undefined ? {} : { linterOptions }),
        plugins: { lifetime: plugin },
        rules,
      },
    ],
  });
}
