// Item 1 of the codemod's second round: what reflection sees of `parent` after the rewrite. With
// the prototype accessor the field is no longer an own property, so Object.keys, spread, for…in,
// JSON, toEqual and snapshot printers stop seeing it; with --accessor=own they see it as before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { format } from '@vitest/pretty-format';
import { afterAll, describe, expect, it } from 'vitest';

import { runWeakParent } from '../codemods/run-weak-parent.js';

const workDir = mkdtempSync(join(tmpdir(), 'weak-parent-reflection-'));

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

// A class that declares its field, and one that only assigns it in the constructor.
const declared = `export class Node {
  name;
  parent = null;
  children = [];
  constructor(name) {
    this.name = name;
  }
  add(child) {
    child.parent = this;
    this.children.push(child);
    return child;
  }
}
`;
const assigned = `export class Node {
  constructor(name) {
    this.name = name;
    this.parent = null;
    this.children = [];
  }
  add(child) {
    child.parent = this;
    this.children.push(child);
    return child;
  }
}
`;

interface NodeLike {
  name: string;
  // eslint-disable-next-line lifetime/no-strong-parent-reference -- the shape of the classes under test
  parent: NodeLike | null;
  children: NodeLike[];
  add(child: NodeLike): NodeLike;
}
type NodeClass = new (name: string) => NodeLike;

let counter = 0;
async function load(source: string): Promise<NodeClass> {
  counter += 1;
  const file = join(workDir, `node${String(counter)}.mjs`);
  writeFileSync(file, source);
  return ((await import(pathToFileURL(file).href)) as { Node: NodeClass }).Node;
}

/** What reflection sees of a child and of a lone node. */
function observe(Node: NodeClass): Record<string, unknown> {
  const root = new Node('root');
  const child = root.add(new Node('child'));
  const keysIn: string[] = [];
  for (const key in child) keysIn.push(key);
  return {
    keys: Object.keys(child),
    forIn: keysIn,
    spreadParent: { ...child }.parent === root,
    json: JSON.stringify(new Node('lone')),
    printed: format(new Node('lone')),
  };
}

/** Two trees that differ only in where one child's parent points. */
function differOnlyInParent(Node: NodeClass): [NodeLike, NodeLike] {
  const a = new Node('root');
  a.add(new Node('child'));
  const b = new Node('root');
  const other = new Node('root');
  const stray = new Node('child');
  b.children.push(stray);
  stray.parent = other;
  return [a, b];
}

for (const [shape, source] of [['declared field', declared], ['assigned in the constructor', assigned]] as const) {
  describe(`reflection on a rewritten class (${shape})`, () => {
    it('--accessor=own: Object.keys, for…in, spread, JSON and the snapshot printer see parent as before', async () => {
      const original = observe(await load(source));
      const { output } = runWeakParent('node.mjs', source, { accessor: 'own' });
      expect(output).toContain('Object.defineProperty(this');
      expect(observe(await load(output ?? ''))).toEqual(original);
      expect(original.json).toContain('"parent":null');
    });

    it('--accessor=own: toEqual still compares parent', async () => {
      const [a, b] = differOnlyInParent(await load(runWeakParent('node.mjs', source, { accessor: 'own' }).output ?? ''));
      expect(b).not.toEqual(a);
      const [c, d] = differOnlyInParent(await load(source));
      expect(d).not.toEqual(c);
    });

    it('prototype accessor (the default): parent drops out of reflection, and toEqual no longer compares it', async () => {
      const Node = await load(runWeakParent('node.mjs', source).output ?? '');
      const seen = observe(Node);
      expect(seen.keys).toEqual(['name', 'children']);
      expect(seen.json).not.toContain('parent');
      expect(seen.printed).not.toContain('parent');
      const [a, b] = differOnlyInParent(Node);
      expect(b).toEqual(a);
    });
  });
}
