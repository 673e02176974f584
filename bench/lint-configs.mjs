// The flat configs the benchmark lints with, built from plain settings so that the same
// configs serve a config file (needed for `--concurrency`, whose worker threads load config
// files themselves) and in-process ESLint instances (the editor path needs two at once).
// Patterns are relative to ESLint's cwd: the repository root for generated projects, the corpus
// install's folder (scripts/lib/corpora.mjs) for rxjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tseslint from 'typescript-eslint';

import lifetime from '../dist/src/index.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** "base": recommendedTypeChecked; "base+lifetime": plus lifetime.configs.all; "lifetime": only ours. */
export const RULE_SETS = ['base', 'base+lifetime', 'lifetime'];

/** The plugin's rule ids as configured by `lifetime.configs.all`. */
export const lifetimeRuleIds = Object.keys(lifetime.configs.all.rules ?? {});

/**
 * @param {{ tsconfig: string; rules: string; files?: string[] }} options `files`: the globs the
 *   configs apply to (default TypeScript only; the ecosystem section lints JavaScript packages too)
 * @returns {import('eslint').Linter.Config[]}
 */
export function lintConfig({ tsconfig, rules, files = ['**/*.ts'] }) {
  if (!RULE_SETS.includes(rules)) {
    throw new Error(`rule set must be one of ${RULE_SETS.join(', ')}, not ${rules}.`);
  }
  const withBase = rules !== 'lifetime';
  const withLifetime = rules !== 'base';
  return [
    // The rxjs corpus lives in the corpus install's node_modules, which ESLint ignores by default:
    // let rxjs back in.
    { ignores: ['!**/node_modules/', '**/node_modules/*', '!**/node_modules/rxjs/'] },
    {
      files,
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { project: path.resolve(root, tsconfig), tsconfigRootDir: root },
      },
      // Findings in the corpus are not the point; disable comments meant for other rules are.
      linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    },
    ...(withBase
      ? tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files }))
      : [{ files, plugins: { '@typescript-eslint': tseslint.plugin } }]),
    ...(withLifetime ? [{ ...lifetime.configs.all, files }] : []),
  ];
}
