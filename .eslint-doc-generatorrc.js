/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['all', '🌐'],
  ],
  // The -js configs are recommended and all on JavaScript files: the same rules, so no columns of their own.
  ignoreConfig: ['all', 'all-js', 'recommended-js'],
  ruleDocTitleFormat: 'name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  urlRuleDoc: (name) => `https://github.com/eslint-plugin-lifetime/eslint-plugin-lifetime/blob/main/docs/rules/${name}.md`,
};
