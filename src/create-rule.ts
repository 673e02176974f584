import { ESLintUtils } from '@typescript-eslint/utils';

/** Where each rule's documentation lives; the meta test checks every rule against it. */
export const REPOSITORY_URL = 'https://github.com/eslint-plugin-lifetime/eslint-plugin-lifetime';

export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;
}

/** Extra `meta.docs` fields our rules carry; eslint-doc-generator and the configs read them. */
export interface LifetimeRuleDocs {
  /** The rule is part of `configs.recommended`. */
  recommended?: boolean;
  /** The rule calls `getParserServices` and needs typed linting. */
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<LifetimeRuleDocs>(ruleDocsUrl);
