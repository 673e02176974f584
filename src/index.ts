import type { TSESLint } from '@typescript-eslint/utils';
import type { InferMessageIdsTypeFromRule, InferOptionsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import type { Linter, Rule } from 'eslint';

import { packageJson } from './package-info.js';
import type { LifetimeRuleDocs } from './create-rule.js';
// Rules: one import per file in rules/, kept in alphabetical order (the meta test checks the set).
import noFinalizerHoldingTarget from '../rules/no-finalizer-holding-target.js';
import noLeakedListener from '../rules/no-leaked-listener.js';
import noStrongParentReference from '../rules/no-strong-parent-reference.js';
import noThrowingFinalizer from '../rules/no-throwing-finalizer.js';
import preferUsingOverFinalizer from '../rules/prefer-using-over-finalizer.js';
import requireUsing from '../rules/require-using.js';

export type AnyRule = TSESLint.RuleModule<string, readonly unknown[], LifetimeRuleDocs>;

/** The rule modules with typescript-eslint's types, for this package's own code and tests. */
const rules = {
  'no-finalizer-holding-target': noFinalizerHoldingTarget,
  'no-leaked-listener': noLeakedListener,
  'no-strong-parent-reference': noStrongParentReference,
  'no-throwing-finalizer': noThrowingFinalizer,
  'prefer-using-over-finalizer': preferUsingOverFinalizer,
  'require-using': requireUsing,
} satisfies Record<string, AnyRule>;

export type RuleName = keyof typeof rules;

/**
 * Each rule's options, by rule name: the `Options` type its module exports (also importable as
 * `import type { Options } from 'eslint-plugin-lifetime/rules/<name>'`, as typescript-eslint's
 * rule modules export theirs).
 */
export type RuleOptions = { [Name in RuleName]: InferOptionsTypeFromRule<(typeof rules)[Name]> };

/** Each rule's message ids, by rule name (the `MessageIds` type its module exports). */
export type RuleMessageIds = { [Name in RuleName]: InferMessageIdsTypeFromRule<(typeof rules)[Name]> };

/**
 * A `rules` object for this plugin's rules with each rule's options checked:
 * `rules: { 'lifetime/require-using': ['error', { ignore: [] }] } satisfies LifetimeRulesConfig`.
 */
export type LifetimeRulesConfig = { [Name in RuleName as `lifetime/${Name}`]?: Linter.RuleEntry<RuleOptions[Name]> };

/**
 * A rule as ESLint's own types (9 and 10) see it: everything typescript-eslint's type says about
 * it, with `create` typed as ESLint calls it. typescript-eslint's `RuleContext` and ESLint's
 * differ in members each side lacks, so neither is assignable to the other; without this,
 * `plugins: { lifetime }` does not type-check in an `eslint.config.ts`.
 */
export type PluginRule<R> = Omit<R, 'create'> & { create(context: Rule.RuleContext): Rule.RuleListener };

/** The files the configs apply to: the rules need type information, which TypeScript files have. */
const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
/** JavaScript files, which have type information only in a project with `allowJs`. */
const JAVASCRIPT_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
/**
 * ESLint's own config files: almost never part of a tsconfig, so never typed, and nothing in them
 * is about object lifetimes. Left out, so that a config array like `[typedBlock, lifetime.configs.recommended]`
 * does not stop on the config file.
 */
const CONFIG_FILES = ['**/eslint.config.*'];

/** A flat config object of this plugin: fits `Linter.Config` of ESLint 9 and 10, `defineConfig()` and `tseslint.config()`. */
export interface LifetimeConfig {
  name: string;
  files: string[];
  ignores: string[];
  plugins: { lifetime: LifetimePlugin };
  rules: LifetimeRulesConfig;
}

export interface LifetimePlugin {
  /** What ESLint reads for `--cache`, `--print-config` and `extends: ['lifetime/recommended']`. */
  meta: { name: string; version: string; namespace: 'lifetime' };
  rules: { [Name in RuleName]: PluginRule<(typeof rules)[Name]> };
  configs: {
    /** Every rule whose docs say `recommended`, as errors, on TypeScript files. */
    recommended: LifetimeConfig;
    /** Every rule of the plugin, as errors, on TypeScript files. */
    all: LifetimeConfig;
    /** `recommended` on JavaScript files, for projects whose tsconfig has `allowJs`. */
    'recommended-js': LifetimeConfig;
    /** `all` on JavaScript files, for projects whose tsconfig has `allowJs`. */
    'all-js': LifetimeConfig;
  };
}

function ruleEntries(pick: (rule: AnyRule) => boolean): LifetimeConfig['rules'] {
  const entries: LifetimeConfig['rules'] = {};
  for (const [name, rule] of Object.entries(rules) as [RuleName, AnyRule][]) {
    if (pick(rule)) entries[`lifetime/${name}`] = 'error';
  }
  return entries;
}

const plugin: LifetimePlugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: 'lifetime' },
  // The same objects; only their `create` is typed the way ESLint's types expect (see PluginRule).
  rules: rules as unknown as LifetimePlugin['rules'],
  configs: {} as LifetimePlugin['configs'],
};

// The configs register the plugin object itself, so they are filled in after it exists.
function config(name: string, files: string[], pick: (rule: AnyRule) => boolean): LifetimeConfig {
  return { name: `lifetime/${name}`, files: [...files], ignores: [...CONFIG_FILES], plugins: { lifetime: plugin }, rules: ruleEntries(pick) };
}
const recommended = (rule: AnyRule): boolean => rule.meta.docs?.recommended === true;
const everyRule = (): boolean => true;
Object.assign(plugin.configs, {
  recommended: config('recommended', TYPESCRIPT_FILES, recommended),
  all: config('all', TYPESCRIPT_FILES, everyRule),
  'recommended-js': config('recommended-js', JAVASCRIPT_FILES, recommended),
  'all-js': config('all-js', JAVASCRIPT_FILES, everyRule),
} satisfies LifetimePlugin['configs']);

// The named exports mirror the default one, so that a loader that `require`s the ES module
// (Node >= 20.19) and reads the namespace as the plugin finds the same meta, rules and configs.
// The named `rules` keeps typescript-eslint's types; type a plugin object by the default export.
export const { meta, configs } = plugin;
export { rules };
export default plugin;
