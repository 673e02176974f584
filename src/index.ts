import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';

import { packageJson } from './package-info.js';
import type { LifetimeRuleDocs } from './create-rule.js';
// Rules: one import per file in rules/, kept in alphabetical order (the meta test checks the set).
import noFinalizerHoldingTarget from '../rules/no-finalizer-holding-target.js';
import noStrongParentReference from '../rules/no-strong-parent-reference.js';
import noThrowingFinalizer from '../rules/no-throwing-finalizer.js';
import preferUsingOverFinalizer from '../rules/prefer-using-over-finalizer.js';
import requireUsing from '../rules/require-using.js';

export type AnyRule = TSESLint.RuleModule<string, readonly unknown[], LifetimeRuleDocs>;

const rules = {
  'no-finalizer-holding-target': noFinalizerHoldingTarget,
  'no-strong-parent-reference': noStrongParentReference,
  'no-throwing-finalizer': noThrowingFinalizer,
  'prefer-using-over-finalizer': preferUsingOverFinalizer,
  'require-using': requireUsing,
} satisfies Record<string, AnyRule>;

export type RuleName = keyof typeof rules;

type RulesConfig = Record<`lifetime/${RuleName}`, Linter.RuleEntry>;

export interface LifetimePlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: {
    // Typed with ESLint's own config type, so that they fit `defineConfig()` from eslint/config.
    /** Every rule whose docs say `recommended`, as errors. */
    recommended: Linter.Config;
    /** Every rule of the plugin, as errors. */
    all: Linter.Config;
  };
}

function ruleEntries(pick: (rule: AnyRule) => boolean): RulesConfig {
  const entries: Partial<RulesConfig> = {};
  for (const [name, rule] of Object.entries(rules) as [RuleName, AnyRule][]) {
    if (pick(rule)) entries[`lifetime/${name}`] = 'error';
  }
  return entries as RulesConfig;
}

const plugin: LifetimePlugin = {
  meta: { name: packageJson.name, version: packageJson.version },
  rules,
  configs: {
    recommended: {},
    all: {},
  },
};

// The configs register the plugin object itself, so they are filled in after it exists.
plugin.configs.recommended = {
  name: 'lifetime/recommended',
  plugins: { lifetime: plugin as unknown as ESLint.Plugin },
  rules: ruleEntries((rule) => rule.meta.docs?.recommended === true),
};
plugin.configs.all = {
  name: 'lifetime/all',
  plugins: { lifetime: plugin as unknown as ESLint.Plugin },
  rules: ruleEntries(() => true),
};

// The named exports mirror the default one, so that a loader that `require`s the ES module
// (Node >= 20.19) and reads the namespace as the plugin finds the same meta, rules and configs.
export const { meta, configs } = plugin;
export { rules };
export default plugin;
