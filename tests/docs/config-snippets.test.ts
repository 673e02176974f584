// Every ESLint config snippet in the README and docs/ type-checks as an `eslint.config.ts` against
// the packed plugin, with ESLint 9's and with ESLint 10's types, the way a user's editor checks it.
// Whole config files (a block that starts with `// eslint.config.…`) are checked as they are;
// config objects (`{ plugins: { lifetime }, … }`) inside `defineConfig()`; `"lifetime/…"` rule
// settings (the ```json blocks of the rule docs) against each rule's own options type.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { consumerProject, repoRoot } from '../package-files.js';

interface Snippet {
  where: string;
  language: string;
  code: string;
}

function markdownFiles(): string[] {
  const docs = readdirSync(join(repoRoot, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(repoRoot, 'docs', file));
  return [join(repoRoot, 'README.md'), ...docs];
}

function snippets(): Snippet[] {
  const found: Snippet[] = [];
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ where: `${relative(repoRoot, file)}:${String(line)}`, language: match[1] ?? '', code: match[2] ?? '' });
    }
  }
  return found;
}

type Kind = 'config file' | 'config object' | 'rule settings';

/** What a snippet is, or undefined for code that is not ESLint configuration. */
function kindOf(snippet: Snippet): Kind | undefined {
  const code = snippet.code.trim();
  if (['js', 'mjs', 'ts'].includes(snippet.language)) {
    if (/^\/\/ eslint\.config\.[cm]?[jt]s\b/.test(code)) return 'config file';
    if (code.startsWith('{') && /\blifetime\b/.test(code) && /\b(plugins|rules|extends):/.test(code)) return 'config object';
  }
  if (snippet.language === 'json') {
    try {
      const value: unknown = JSON.parse(code);
      const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
      if (keys.length > 0 && keys.every((key) => key.startsWith('lifetime/'))) return 'rule settings';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The snippet as the text of an `eslint.config.ts`. */
function asConfigFile(kind: Kind, code: string): string {
  switch (kind) {
    case 'config file':
      return code;
    case 'config object':
      return [
        "import { defineConfig } from 'eslint/config';",
        "import lifetime from 'eslint-plugin-lifetime';",
        "import tseslint from 'typescript-eslint';",
        '',
        'void tseslint;',
        `export default defineConfig(${code.trim()});`,
        '',
      ].join('\n');
    case 'rule settings':
      return [
        "import { defineConfig } from 'eslint/config';",
        "import lifetime, { type LifetimeRulesConfig } from 'eslint-plugin-lifetime';",
        '',
        `const rules = ${code.trim()} satisfies LifetimeRulesConfig;`,
        'export default defineConfig({ plugins: { lifetime }, rules });',
        '',
      ].join('\n');
  }
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  types: ['node'],
};

/**
 * Type errors of one program over the given files, by file: each file's own, plus (under the key
 * `plugin`) those in the plugin's declaration files, as `message` lines.
 */
function typeErrors(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, COMPILER_OPTIONS);
  const errors = new Map<string, string[]>([['plugin', []], ...files.map((file): [string, string[]] => [file, []])]);
  for (const file of program.getSourceFiles()) {
    const key = files.includes(file.fileName) ? file.fileName : file.fileName.includes('/node_modules/eslint-plugin-lifetime/') ? 'plugin' : undefined;
    if (key === undefined) continue;
    for (const diagnostic of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
      errors.get(key)?.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    }
  }
  return errors;
}

const all = snippets();
const configs = all.flatMap((snippet) => {
  const kind = kindOf(snippet);
  return kind === undefined ? [] : [{ ...snippet, kind }];
});

describe('config snippets in the README and docs', () => {
  it('are found: config files, config objects and rule settings', () => {
    const kinds = new Set(configs.map((snippet) => snippet.kind));
    expect([...kinds].sort()).toEqual(['config file', 'config object', 'rule settings']);
  });

  it('none that mentions the plugin is left out of the check', () => {
    const looksLikeConfig = all.filter(
      (snippet) =>
        kindOf(snippet) === undefined &&
        /lifetime\.configs|from 'eslint-plugin-lifetime'|plugins: \{ lifetime|["']lifetime\//.test(snippet.code),
    );
    expect(looksLikeConfig.map((snippet) => snippet.where)).toEqual([]);
  });
});

const RULE_TYPES = `import type { RuleMessageIds, RuleOptions } from 'eslint-plugin-lifetime';
import type { MessageIds, Options } from 'eslint-plugin-lifetime/rules/require-using';

export const options: Options = [{ ignore: [], transferFunctions: ['pipe'], disposeMethods: ['close'] }];
export const same: RuleOptions['require-using'] = options;
export const id: MessageIds = 'notDisposed';
export const sameId: RuleMessageIds['require-using'] = id;
// @ts-expect-error: not a message id of the rule
export const wrong: MessageIds = 'noSuchMessage';
`;

describe.each(['eslint', 'eslint9'] as const)('type-checked with the types of %s', (eslintPackage) => {
  const project = consumerProject(eslintPackage);
  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });
  writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }\n');
  const write = (name: string, text: string): string => {
    const file = join(project, name);
    writeFileSync(file, text);
    return file;
  };
  const snippetFiles = configs.map((snippet, index) =>
    write(`snippet-${String(index)}.ts`, `// ${snippet.where} (${snippet.kind})\n${asConfigFile(snippet.kind, snippet.code)}`),
  );
  const wrongOption = write('wrong-option.ts', asConfigFile('rule settings', '{ "lifetime/require-using": ["error", { "notAnOption": true }] }'));
  const wrongRule = write('wrong-rule.ts', asConfigFile('rule settings', '{ "lifetime/no-such-rule": "error" }'));
  const ruleTypes = write('rule-types.ts', RULE_TYPES);
  // One program for every file: a program over these types takes seconds to build.
  let errors = new Map<string, string[]>();
  beforeAll(() => {
    errors = typeErrors([...snippetFiles, wrongOption, wrongRule, ruleTypes]);
  });

  it('every config snippet type-checks as an eslint.config.ts, and the plugin\'s declarations have no errors', () => {
    const failing = configs.flatMap((snippet, index) => (errors.get(snippetFiles[index] ?? '') ?? []).map((message) => `${snippet.where}: ${message}`));
    expect(failing).toEqual([]);
    expect(errors.get('plugin')).toEqual([]);
  });

  it('the check can fail: a wrong option and a misspelt rule name are type errors', () => {
    expect(errors.get(wrongOption)?.join('\n')).toContain('notAnOption');
    expect(errors.get(wrongRule)?.join('\n')).toContain('lifetime/no-such-rule');
  });

  it("the rules' Options and MessageIds types can be imported from the package", () => {
    expect(errors.get(ruleTypes)).toEqual([]);
  });
});
