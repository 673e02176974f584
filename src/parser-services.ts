import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint } from '@typescript-eslint/utils';

/**
 * typescript-eslint's `getParserServices`, with an error that says how to turn typed linting on.
 * Every rule of this plugin needs the type checker; the first thing a user without typed linting
 * sees is this message, so it names the rule, the file and the exact setting.
 */
export function getParserServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation {
  // `parserServices` is typed as always present, but another parser (espree) leaves it out.
  const parserServices = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (parserServices?.program == null) {
    throw new Error(
      `eslint-plugin-lifetime: the rule "${context.id}" needs type information, but ${context.filename} was linted without it. ` +
        'Turn on typed linting through typescript-eslint\'s project service in your flat config: ' +
        '`languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }` ' +
        '(https://typescript-eslint.io/getting-started/typed-linting), and make sure the file is included by a tsconfig.json.',
    );
  }
  return ESLintUtils.getParserServices(context);
}
