// The editor path: VS Code's ESLint extension lints the unsaved buffer on every keystroke, so
// most texts it sees are mid-edit. Through ESLint#lintText with typed linting, every prefix of
// code that exercises the rules gives either parse errors from the parser or rule reports,
// never an exception from a rule.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { PREAMBLE, TRIGGERS } from '../../scripts/robustness/fuzz-cases.js';
import { createTypedProject } from './helpers.js';

const project = createTypedProject(['buffer.ts', 'buffer-js.js', 'preamble.ts']);
// The fuzzer's declarations as a module of their own, so that the buffers below stay short.
writeFileSync(join(project.dir, 'preamble.ts'), PREAMBLE.replace(/^(const|function|class) /gm, 'export $1 '));
afterAll(() => {
  project.dispose();
});

const fuzzImport = "import { close, dec, k, kParent, maybe, open, openAsync, reg, SocketRegistry, TreeNode } from './preamble.js';\nvoid [close, dec, k, kParent, maybe, open, openAsync, reg, SocketRegistry, TreeNode];\n";
const snippets = (kind: string, indent: string): string =>
  TRIGGERS.filter((trigger) => trigger.kind === kind)
    .map((trigger) => (kind === 'expression' ? `void (${trigger.code});` : trigger.code).replace(/^/gm, indent))
    .join('\n');

/** Code that each rule reports, so that its prefixes reach every rule's code paths. */
const documents: Record<string, string> = {
  'parent back reference': `export class TreeNode {
  parent: TreeNode | null = null;
  readonly children: TreeNode[] = [];
  constructor(public owner?: TreeNode) {}
  add(child: TreeNode): void {
    child.parent = this;
    this.children.push(child);
  }
}
`,
  'throwing finalizer': `const registry = new FinalizationRegistry<string>((key) => {
  const entry = cache.get(key)!;
  if (!entry) throw new Error(\`missing \${key}\`);
  entry.value.toString();
});
const cache = new Map<string, { value: object }>();
registry.register({}, 'a');
`,
  'cleanup in a finalizer': `import { openSync, closeSync } from 'node:fs';
class Handle {
  fd = openSync('x', 'r');
}
const closer = new FinalizationRegistry<number>((fd) => {
  closeSync(fd);
});
const handle = new Handle();
closer.register(handle, handle.fd);
`,
  'held value holds the target': `class Resource {
  name = 'r';
}
const registry = new FinalizationRegistry<{ resource: Resource }>(({ resource }) => {
  console.log(resource.name);
});
const resource = new Resource();
registry.register(resource, { resource });
registry.register(resource, resource);
`,
};

// The positional fuzzer's snippets (scripts/robustness/fuzz-cases.ts), typed one after another.
documents['fuzz snippets in an async method'] = `${fuzzImport}class Host {
  async run(): Promise<void> {
${snippets('expression', '    ')}
  }
}
`;
documents['fuzz statements in an async function'] = `${fuzzImport}export async function run(): Promise<void> {
${snippets('statements', '  ')}
}
`;
documents['fuzz class members'] = `${fuzzImport}class Holder {
${snippets('members', '  ')}
}
void Holder;
`;

const ruleFor: Record<string, string> = {
  'fuzz snippets in an async method': 'no-throwing-finalizer',
  'fuzz statements in an async function': 'require-using',
  'fuzz class members': 'no-strong-parent-reference',
  'parent back reference': 'no-strong-parent-reference',
  'throwing finalizer': 'no-throwing-finalizer',
  'cleanup in a finalizer': 'prefer-using-over-finalizer',
  'held value holds the target': 'no-finalizer-holding-target',
};

/** Cut points: every line end, and a spread of positions inside tokens. */
function cutPoints(text: string): number[] {
  const points = new Set<number>();
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') points.add(index);
  for (let index = 3; index < text.length; index += 17) points.add(index);
  return [...points].sort((a, b) => a - b);
}

describe('mid-edit buffers', () => {
  it.each(Object.entries(documents))('%s: every prefix lints without a rule exception', async (name, text) => {
    const complete = await project.lint(text, 'buffer.ts');
    expect(complete.messages.filter((message) => message.fatal === true)).toEqual([]);
    // The complete document reaches the rule it was written for, so its prefixes exercise it.
    expect(complete.messages.map((message) => message.ruleId)).toContain(`lifetime/${ruleFor[name] ?? ''}`);
    let parseErrors = 0;
    let reports = 0;
    for (const cut of cutPoints(text)) {
      const prefix = text.slice(0, cut);
      // An exception from a rule would reject here and fail the test with the prefix in view.
      const result = await project.lint(prefix, 'buffer.ts').catch((error: unknown) => {
        throw new Error(`lintText threw on the prefix below:\n${prefix}\n---\n${String(error)}`);
      });
      for (const message of result.messages) {
        if (message.fatal === true) {
          parseErrors += 1;
          expect(message.ruleId).toBeNull();
          expect(message.message).toMatch(/^Parsing error: /);
        } else {
          reports += 1;
          expect(message.ruleId, prefix).toMatch(/^lifetime\//);
        }
      }
    }
    // The prefixes did both: broke the syntax, and got far enough for rules to run.
    expect(parseErrors).toBeGreaterThan(0);
    expect(reports).toBeGreaterThan(0);
  });

  it.each([
    ['a trailing dot', 'const registry = new FinalizationRegistry((held) => { held.'],
    ['an unclosed call', 'class A { parent: A | null = null }\nconst r = new FinalizationRegistry(() => {});\nr.register(new A(), '],
    ['an unclosed class', 'export class Node {\n  parent: Node | null = null;\n  children: Node['],
    ['a lone decorator', '@\nclass X { parent?: X }'],
    ['an unterminated template', 'new FinalizationRegistry(() => { throw new Error(`a ${'],
    ['a half-typed arrow', 'new FinalizationRegistry(async (x) =>'],
  ])('%s: one parse error, no rule exception', async (_name, text) => {
    const result = await project.lint(text, 'buffer.ts');
    const fatal = result.messages.filter((message) => message.fatal === true);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.message).toMatch(/^Parsing error: /);
  });

  it('JavaScript buffers too', async () => {
    const text = 'class Node {\n  constructor(parent) {\n    this.parent = parent;\n  }\n}\nconst r = new FinalizationRegistry((n) => n.close());\n';
    for (const cut of cutPoints(text)) {
      const result = await project.lint(text.slice(0, cut), 'buffer-js.js');
      for (const message of result.messages) expect(message.fatal === true || message.ruleId?.startsWith('lifetime/') === true).toBe(true);
    }
  });
});
