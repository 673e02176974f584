import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint } from '@typescript-eslint/utils';

import { REPOSITORY_URL } from './create-rule.js';

const TYPED_LINTING =
  '`languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }`';
const TYPED_LINTING_DOCS = 'https://typescript-eslint.io/getting-started/typed-linting';

/**
 * typescript-eslint's `getParserServices`, with an error that says how to turn typed linting on.
 * Every rule of this plugin needs the type checker; the first thing a user without typed linting
 * sees is this message, so it names the rule, the file and the fix for the case at hand:
 * typescript-eslint parsed the file without a program (the project service is off), or no typed
 * block covers the file at all while a lifetime config or rule does (the config is scoped wider
 * than the typed block, or it is a JavaScript file without `allowJs`).
 */
export function getParserServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation {
  // `parserServices` is typed as always present, but another parser (espree) leaves it out.
  const parserServices = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (parserServices?.program == null) {
    const start = `eslint-plugin-lifetime: the rule "${context.id}" needs type information, but ${context.filename} `;
    if (parserServices?.esTreeNodeToTSNodeMap !== undefined) {
      throw new Error(
        `${start}was parsed by typescript-eslint without a TypeScript program. In the config block that sets the parser, ` +
          `turn on the project service: ${TYPED_LINTING} (${TYPED_LINTING_DOCS}), and make sure a tsconfig.json includes the file.`,
      );
    }
    throw new Error(
      `${start}is linted by a lifetime config or rule but by no block with typed linting. ` +
        'Apply the lifetime config inside the block that turns typed linting on, so both cover the same files ' +
        '(`{ files, languageOptions, extends: [lifetime.configs.recommended] }` in `defineConfig()`), ' +
        `or give this file typed linting: ${TYPED_LINTING} (${TYPED_LINTING_DOCS}) and a tsconfig.json that includes it ` +
        `(a JavaScript file also needs \`allowJs\` there and lifetime.configs['recommended-js']: ${REPOSITORY_URL}#javascript-projects).`,
    );
  }
  return ESLintUtils.getParserServices(context);
}
