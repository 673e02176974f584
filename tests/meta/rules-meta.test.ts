import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { ruleDocsUrl } from '../../src/create-rule.js';
import plugin, { type AnyRule, rules } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ruleFileNames = readdirSync(`${root}rules`)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
/** Message templates as written (placeholders unexpanded); typescript-eslint's longest are near this. */
const MAX_MESSAGE_LENGTH = 180;
const indexed: Partial<Record<string, AnyRule & { name?: string }>> = rules;

describe('the plugin index', () => {
  it('registers exactly the rules that have a file in rules/', () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFileNames);
  });

  it('has meta.name and meta.version from package.json, and the namespace its configs use', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'lifetime' });
  });

  it('configs.all enables every rule', () => {
    expect(Object.keys(plugin.configs.all.rules).sort()).toEqual(ruleFileNames.map((name) => `lifetime/${name}`));
  });

  it('registers the plugin under the `lifetime` key in both configs', () => {
    expect(plugin.configs.recommended.plugins.lifetime).toBe(plugin);
    expect(plugin.configs.all.plugins.lifetime).toBe(plugin);
  });
});

describe.each(ruleFileNames)('rule %s', (name) => {
  const rule = indexed[name];
  const source = readFileSync(`${root}rules/${name}.ts`, 'utf8');

  it('is in the index', () => {
    expect(rule).toBeDefined();
  });

  it('has a `name` equal to its file name', () => {
    expect(rule?.name).toBe(name);
  });

  it('has docs/rules/<name>.md and tests/rules/<name>.test.ts', () => {
    expect(existsSync(`${root}docs/rules/${name}.md`)).toBe(true);
    expect(existsSync(`${root}tests/rules/${name}.test.ts`)).toBe(true);
  });

  it('links to its own doc file', () => {
    expect(rule?.meta.docs?.url).toBe(ruleDocsUrl(name));
  });

  it('is in configs.recommended exactly when docs.recommended says so', () => {
    const recommendedRules: Partial<Record<string, unknown>> = plugin.configs.recommended.rules;
    const inRecommended = recommendedRules[`lifetime/${name}`] !== undefined;
    expect(inRecommended).toBe(rule?.meta.docs?.recommended === true);
  });

  it('says requiresTypeChecking exactly when it calls getParserServices', () => {
    expect(/\bgetParserServices\(/.test(source)).toBe(rule?.meta.docs?.requiresTypeChecking === true);
  });

  it('has a doc with Examples, Options (when it has options) and When Not To Use It', () => {
    const doc = readFileSync(`${root}docs/rules/${name}.md`, 'utf8');
    expect(doc).toMatch(/^## Examples$/m);
    expect(doc).toMatch(/^## When Not To Use It$/m);
    const schema = rule?.meta.schema;
    const hasOptions = Array.isArray(schema) ? schema.length > 0 : schema !== undefined;
    expect(/^## Options$/m.test(doc)).toBe(hasOptions);
  });

  it('closes every schema object with additionalProperties: false and describes each property', () => {
    const problems: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.type === 'object') {
        if (schema.additionalProperties !== false) problems.push(`${path}: additionalProperties is not false`);
        for (const [key, value] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
          if (typeof (value as { description?: unknown }).description !== 'string') {
            problems.push(`${path}.${key}: no description`);
          }
        }
      }
      for (const [key, value] of Object.entries(schema)) visit(value, `${path}.${key}`);
    };
    visit(rule?.meta.schema, 'schema');
    expect(problems).toEqual([]);
  });

  it('writes every message as one short sentence: what is wrong and what to do', () => {
    for (const message of Object.values(rule?.meta.messages ?? {})) {
      expect(message).toMatch(/^[A-Z`'"(\p{Emoji}{]/u);
      expect(message).toMatch(/[.?!]$/);
      // The why belongs in the docs; a message is read in an editor tooltip.
      expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      // A second sentence starts after `. ` with a capital, outside code spans.
      const prose = message.replace(/`[^`]*`/g, 'code');
      expect(prose).not.toMatch(/[.?!:] +[A-Z]/);
    }
  });
});
