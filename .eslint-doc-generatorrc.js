/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['all'],
  ruleDocTitleFormat: 'name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  urlRuleDoc: (name) => `https://github.com/eslint-plugin-lifetime/eslint-plugin-lifetime/blob/main/docs/rules/${name}.md`,
};
