import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../rules/no-strong-parent-reference.js';
import { REWRITE_REFUSALS } from '../../src/weak-parent-refusals.js';
import { TypeGraph, typeGraphFor } from '../../src/type-graph.js';
import { docExamples } from '../doc-examples.js';
import { fixturesDir, runRuleTests } from '../rule-tester.js';


/** Inputs and the exact text of their suggestions; the TypeScript ones are also compiled below. */
const rewrites = {
  seed: {
    input: `
class A {
  parent: A | null;
  children = new Set<A>();
  constructor(readonly name: string, parent: A | null = null) { this.parent = parent; }
}
`,
    output: `
class A {
  get parent(): A | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('A.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: A | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent!: WeakRef<A> | null;
  children = new Set<A>();
  constructor(readonly name: string, parent: A | null = null) { this.parent = parent; }
}
`,
  },
  twoClass: {
    input: `
class Parent {
  children: Child[] = [];
}
class Child {
  parent: Parent | null = null;
}
`,
    output: `
class Parent {
  children: Child[] = [];
}
class Child {
  get parent(): Parent | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Child.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: Parent | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Parent> | null = null;
}
`,
  },
  generic: {
    input: `
class TreeNode<T> {
  parent: TreeNode<T> | null = null;
  children: TreeNode<T>[] = [];
  constructor(readonly value: T) {}
}
`,
    output: `
class TreeNode<T> {
  get parent(): TreeNode<T> | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('TreeNode.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: TreeNode<T> | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<TreeNode<T>> | null = null;
  children: TreeNode<T>[] = [];
  constructor(readonly value: T) {}
}
`,
  },
  optional: {
    input: `
class Parent {
  children = new Set<Child>();
}
class Child {
  parent?: Parent;
}
`,
    output: `
class Parent {
  children = new Set<Child>();
}
class Child {
  get parent(): Parent | undefined {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Child.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: Parent | undefined) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<Parent> | undefined;
}
`,
  },
  readonlyPrivate: {
    input: `
class Parent {
  readonly children: Child[] = [];
}
const root = new Parent();
class Child {
  private readonly owner: Parent = root;
}
`,
    output: `
class Parent {
  readonly children: Child[] = [];
}
const root = new Parent();
class Child {
  private get owner(): Parent {
    const ref = this.#owner;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Child.owner is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  readonly #owner: WeakRef<Parent> = root == null ? root : new WeakRef(root);
}
`,
  },
  definite: {
    input: `
class Panel {
  widgets: Widget[] = [];
}
class Widget {
  protected container!: Panel;
  attach(panel: Panel): void {
    this.container = panel;
    panel.widgets.push(this);
  }
}
`,
    output: `
class Panel {
  widgets: Widget[] = [];
}
class Widget {
  protected get container(): Panel {
    const ref = this.#container;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Widget.container is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  protected set container(value: Panel) {
    this.#container = value == null ? value : new WeakRef(value);
  }
  #container!: WeakRef<Panel>;
  attach(panel: Panel): void {
    this.container = panel;
    panel.widgets.push(this);
  }
}
`,
  },
  crossFile: {
    input: `
import { Folder, FolderEntry } from './no-strong-parent-reference/tree.js';
class File extends FolderEntry {
  readonly name = 'a.txt';
  folder: Folder | null = null;
}
`,
    output: `
import { Folder, FolderEntry } from './no-strong-parent-reference/tree.js';
class File extends FolderEntry {
  readonly name = 'a.txt';
  get folder(): Folder | null {
    const ref = this.#folder;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('File.folder is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set folder(value: Folder | null) {
    this.#folder = value == null ? value : new WeakRef(value);
  }
  #folder: WeakRef<Folder> | null = null;
}
`,
  },
  postcss: {
    input: `
import { Container, Declaration } from 'postcss';
export class Annotated extends Declaration {
  owner: Container | undefined;
}
`,
    output: `
import { Container, Declaration } from 'postcss';
export class Annotated extends Declaration {
  get owner(): Container | undefined {
    const ref = this.#owner;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Annotated.owner is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set owner(value: Container | undefined) {
    this.#owner = value == null ? value : new WeakRef(value);
  }
  #owner: WeakRef<Container> | undefined;
}
`,
  },
  subclassHolder: {
    input: `
abstract class SceneNode {
  parent: SceneNode | null = null;
}
class Group extends SceneNode {
  readonly children: SceneNode[] = [];
}
`,
    output: `
abstract class SceneNode {
  get parent(): SceneNode | null {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('SceneNode.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value: SceneNode | null) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  #parent: WeakRef<SceneNode> | null = null;
}
class Group extends SceneNode {
  readonly children: SceneNode[] = [];
}
`,
  },
} satisfies Record<string, { input: string; output: string }>;

const jsField = {
  input: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  owner = new Parent();
}
`,
  output: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  get owner() {
    const ref = this.#owner;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Child.owner is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set owner(value) {
    this.#owner = value == null ? value : new WeakRef(value);
  }
  #owner = ((value) => value == null ? value : new WeakRef(value))(new Parent());
}
`,
};

// A JSDoc-typed field: the comment stays above the getter and types it, the store gets its own.
const jsdocField = {
  input: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  /** @type {Parent | null} */
  parent = null;
}
`,
  output: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  /** @type {Parent | null} */
  get parent() {
    const ref = this.#parent;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Child.parent is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set parent(value) {
    this.#parent = value == null ? value : new WeakRef(value);
  }
  /** @type {WeakRef<Parent> | null} */
  #parent = null;
}
`,
};

// The rule tester bundles its own copy of @typescript-eslint/utils, whose RuleModule type differs
// from ours only by identity; the explicit type arguments keep the cases checked.
runRuleTests<MessageIds, Options>('no-strong-parent-reference', rule, {
  valid: [
    // A chain upward with nothing downward holds nothing both ways.
    `
class Cursor {
  parent: Cursor | null = null;
}
`,
    // Linked list: prev/next are 1:1 and neither name marks a back reference.
    `
class ListNode {
  prev: ListNode | null = null;
  next: ListNode | null = null;
}
`,
    // A WeakRef back edge is what the rule asks for.
    `
class Parent { children: Child[] = []; }
class Child {
  #parent: WeakRef<Parent> | null = null;
  parentRef: WeakRef<Parent> | null = null;
}
`,
    // The parent holds its children only weakly.
    `
class Parent { children = new WeakSet<Child>(); byKey = new WeakMap<object, Child>(); }
class Child { parent: Parent | null = null; }
`,
    // An accessor without a strong backing field.
    `
class Parent { children: Child[] = []; }
declare function lookup(id: number): Parent;
class Child {
  constructor(private readonly parentId: number) {}
  get parent(): Parent { return lookup(this.parentId); }
}
`,
    // Static members belong to the class, not to instances.
    `
class Parent { children: Child[] = []; }
class Child { static parent: Parent | null = null; }
`,
    // any, unknown, primitives and functions are not object references.
    `
class Parent { children: Child[] = []; }
class Child {
  a: any;
  b: unknown;
  c = 1;
  parent: () => Parent = () => new Parent();
  factory: typeof Parent = Parent;
}
`,
    // The downward (collection) half alone.
    `
class Child { name = ''; }
class Parent {
  children: Child[] = [];
  index = new Map<string, Child>();
}
`,
    // The target holds the owner only through a method or a getter.
    `
class Child { parent: Parent | null = null; }
class Parent {
  children(): Child[] { return []; }
  get first(): Child[] { return []; }
}
`,
    // A 1:1 pair whose names do not mark a back reference.
    `
class A { peer: B | null = null; }
class B { peer: A | null = null; }
`,
    // Object types nested in a parameter are not class shapes.
    `
class Parent { children: Child[] = []; }
class Child {}
function attach(options: { parent: Parent; child: Child }): void { options.parent.children.push(options.child); }
`,
    {
      code: `
class Parent { children: Child[] = []; }
class Child { parent: Parent | null = null; }
`,
      options: [{ ignore: ['Parent'] }],
      name: 'The ignore option, by the parent\'s type name',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child { parent: Parent | null = null; }
`,
      options: [{ ignore: ['Child'] }],
      name: 'The ignore option, by the owner\'s type name',
    },
    {
      code: `
import { Container, Declaration } from 'postcss';
export class Annotated extends Declaration {
  owner: Container | undefined;
}
`,
      options: [{ ignore: ['Container'] }],
      name: 'The ignore option with a type from node_modules (postcss\'s Container holds its nodes)',
    },
    {
      code: `
class AsyncScheduler { actions: AsyncAction[] = []; }
class AsapScheduler extends AsyncScheduler {}
class AsyncAction { constructor(protected scheduler: AsyncScheduler) {} }
class AsapAction extends AsyncAction { constructor(protected override scheduler: AsapScheduler) { super(scheduler); } }
`,
      options: [{ ignore: ['AsyncScheduler'] }],
      name: 'The ignore option covers subclasses of a listed class (rxjs\'s schedulers)',
    },
    {
      code: `
import { Registry, type Listener } from './no-strong-parent-reference/tree.js';
class Logger implements Listener {
  constructor(readonly registry: Registry) {}
  handle(): void {}
}
`,
      options: [{ maxDepth: 2 }],
      name: 'maxDepth bounds how many collection layers are looked through (this one needs three)',
    },
    {
      code: `
class Doc { body: Body | null = null; }
class Body { ownerDocument: Doc | null = null; }
`,
      options: [{ backReferenceNames: ['peer'] }],
      name: 'backReferenceNames replaces the default list',
    },
    {
      filename: 'no-strong-parent-reference/file-shapes.d.ts',
      code: `
export declare class DeclaredNode {
  parent: DeclaredNode | null;
  children: DeclaredNode[];
}
`,
      name: 'A .d.ts file is skipped unless checkDeclarationFiles is on',
    },
    {
      filename: 'file.js',
      code: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  constructor() {
    const attach = function () { this.parent = new Parent(); };
    attach.call({});
  }
}
`,
      name: 'JS: `this.x` written inside a nested function is not a member of the class',
    },
    // Documented limit: a mapped type is a view of a declared one and holds nothing, alone or as
    // a member of an intersection, though the class it maps keeps the children.
    `
class Parent { children: Child[] = []; }
class Child { declare parent: Partial<Parent> | null; }
`,
    `
type Loose<T> = { [K in keyof T]?: T[K] };
interface Tagged { tag: string; }
class Parent { children: Child[] = []; }
class Child { declare parent: (Loose<Parent> & Tagged) | null; }
`,
    // An intersection whose members hold nothing of the owner.
    `
interface Named { name: string; }
class Tag { label = ''; }
class Item { parent: Named & Tag = Object.assign(new Tag(), { name: '' }); }
`,
    // A tree of one kind of node (three's Object3D): a helper's reference to another node is a
    // child or a sibling, not a back reference; only \`parent\` is reported (see invalid).
    `
class Object3D { children: Object3D[] = []; }
class Light extends Object3D { intensity = 1; }
class Mesh extends Object3D { geometry = ''; }
class LightHelper extends Object3D {
  constructor(public light: Light, readonly cone: Mesh) { super(); }
}
`,
    // AST nodes whose fields are typed with the union of all nodes: children, not parents.
    `
type Statement = Call | Ternary | Literal;
class Literal { value = ''; }
class Call { args: Statement[] = []; }
class Ternary {
  constructor(public cond: Statement, public left: Call, public right: Statement) {}
}
`,
    // A collection of the owner's base class is outweighed by a single reference back from the
    // target: this is a 1:1 pair (three's XRHandMeshModel), and \`model\` is no back-reference name.
    `
class Object3D { id = 0; }
class MeshModel {
  constructor(public handModel: Object3D, public bones: Object3D[]) {}
}
class HandModel extends Object3D {
  model: MeshModel | null = null;
}
`,
    {
      code: `
import type { Scene, SceneObject } from './no-strong-parent-reference/tree.js';
interface Mesh extends SceneObject {
  scene: Scene;
}
`,
      name: 'Interfaces only, the parent holding a base of the owner, and no name to say up: silent',
    },
    {
      code: `
interface EditorOptions {
  readonly parentEditor?: Editor;
  readonly namespace: string;
}
class Editor {
  readonly options: EditorOptions;
  constructor(options: EditorOptions) {
    this.options = options;
  }
}
`,
      name: 'An options interface naming a parent editor: nobody builds a tree of options objects',
    },
    {
      code: `
type CreateArgs = { parentEditor?: Editor; namespace: string };
class Editor {
  parentEditor: Editor | null = null;
  readonly args: CreateArgs;
  constructor(args: CreateArgs) {
    this.args = args;
    this.parentEditor = args.parentEditor ?? null;
  }
}
`,
      name: 'A single reference inside a plain data field is not a downward half (args.parentEditor points elsewhere)',
    },
    {
      code: `
class Session { connection: Connection | null = null; }
class Connection { declare ownerSession: Session; }
`,
      name: 'A declare field in a 1:1 pair: filled in from outside, the name alone does not make it an owner',
    },
    {
      code: `
class TypeaheadController {
  readonly items: HTMLElement[] = [];
}
class Menu extends HTMLElement {
  readonly typeahead = new TypeaheadController();
}
`,
      name: 'A helper holding a library base type of the owner (HTMLElement[]) is no parent of it',
    },
    {
      code: `
class Path { d = ''; }
interface CompoundShape { paths: Path[] }
class CompoundPath extends Path {
  shape: CompoundShape = { paths: [] };
}
`,
      name: 'A plain data object holding the owner\'s base type is the owner\'s own data (a compound path\'s sub-paths)',
    },
    {
      code: `
class Signal extends EventHub {}
interface ListenerOptions { once?: boolean; signal?: Signal }
class EventHub {
  declare readonly listenerOptions: { capturing: Map<string, ListenerOptions[]> };
  constructor() {
    this.listenerOptions = { capturing: new Map() };
  }
}
`,
      name: 'An unnamed property pointing at plain data is not a back reference, whatever the data holds',
    },
    {
      code: `
class DomNode {
  up: DomNode | null = null;
  readonly childNodes: DomNode[] = [];
}
class Element extends DomNode {}
class Attribute extends DomNode {
  ownerElement: Element | null = null;
}
`,
      name: 'A single reference to a base type of the owner (up: DomNode, seen from an Attribute) makes no pair',
    },
    {
      code: `
interface WidgetHost { readonly id: string; }
class Panel implements WidgetHost { readonly id = 'panel'; readonly widgets: Widget[] = []; }
class Dialog implements WidgetHost { readonly id = 'dialog'; }
class Widget { constructor(readonly host: WidgetHost) {} }
`,
      name: 'An interface with two implementers: one of them holding widgets does not make every host a parent',
    },
    {
      code: `
class NodeList<T> implements Iterable<T> {
  readonly items: T[] = [];
  [Symbol.iterator](): Iterator<T> { return this.items[Symbol.iterator](); }
}
class Element {
  readonly childNodes = new NodeList<Element>();
}
`,
      name: 'A collection class of the project (an iterable NodeList) is the downward half, not a parent',
    },
    {
      code: `
const kParentNode = Symbol('kParentNode');
const kNextSibling = Symbol('kNextSibling');
const kChildNodes = Symbol('kChildNodes');
export class DomNode {
  [kNextSibling]: DomNode | null = null;
  [kChildNodes]: DomNode[] = [];
  declare [kParentNode]: WeakRef<DomNode> | null;
}
`,
      name: 'Symbol keys: a sibling link in a tree of one kind, and a weak parent, are not reported',
    },
    {
      code: `
class Emitter { readonly id = 0; }
class Frame extends Emitter { readonly worlds: World[] = []; }
class World { readonly emitter: Emitter = new Emitter(); }
`,
      name: 'One subclass of a widely used base class holding a list does not make every unnamed reference to the base a parent',
    },
    {
      code: `
interface Picker { pick(): string }
interface QueueEntry { picker: Picker; weight: number }
class PriorityQueue<T> { readonly heap: T[] = []; }
class WeightedPicker implements Picker {
  private queue = new PriorityQueue<QueueEntry>();
  pick(): string { return String(this.queue.heap.length); }
}
`,
      name: 'A list of a base type of the owner inside plain data (queue entries holding pickers) is not a parent',
    },
    {
      code: `
declare global {
  interface Disposable { readonly label?: string }
}
class Stack { readonly #items: Disposable[] = []; }
export class Context implements Disposable {
  readonly #disposables = new Stack();
  [Symbol.dispose](): void {}
}
`,
      name: 'A library type the project augments (a global Disposable) is still a library type: no base evidence',
    },
    {
      code: `
class Page {
  declare top: Page | null;
  declare owner: Page | null;
}
export class Book extends Page {
  top = this;
  owner: Book | null = null;
}
`,
      name: 'A field set to the object itself (top = this) holds no other object: no pair with it',
    },
    {
      code: `
class Channel {
  readonly #pickQueue: Call[] = [];
  readonly activeCalls = new Set<Call>();
  readonly state = { pendingCalls: new Map<number, Call>() };
  enqueue(call: Call): void { this.#pickQueue.push(call); }
}
class Call {
  constructor(private readonly channel: Channel) {}
  run(): void { this.channel.enqueue(this); }
}
`,
      name: 'Collections of work in flight (a pick queue, active calls, pending calls) are no parent of the calls',
    },
    {
      code: `
class Query {
  observers: QueryObserver[] = [];
  readonly #dataWatchers = new Set<Watcher>();
  protected subscribers = new Map<string, Subscriber>();
  addObserver(observer: QueryObserver): void { this.observers.push(observer); }
}
class QueryObserver {
  #currentQuery: Query | null = null;
  subscribe(query: Query): void { this.#currentQuery = query; query.addObserver(this); }
}
class Watcher { constructor(private readonly producer: Query) {} }
class Subscriber { owner: Query | null = null; }
`,
      name: 'A subject\'s observers, watchers and subscribers are registrations, not children: the observer needs its subject',
    },
    {
      code: `
interface Build { readonly cell: Cell; reads: Set<Cell> | undefined }
export class Cell {
  build: Build | undefined;
  run(): void { this.build = { cell: this, reads: new Set() }; }
}
`,
      name: 'Plain data that points back at the owner through a single field is its own record (a build and the cells it read)',
    },
    {
      code: `
export class Sheet {
  current: Edit | null = null;
  readonly history: Edit[] = [];
}
export class Edit {
  readonly touched = new Set<Sheet>();
  constructor(readonly sheet: Sheet) {}
}
`,
      name: 'Collections both ways (a sheet lists its edits, an edit the sheets it touched) are a graph of peers, not a tree',
    },
    {
      code: `
export class Effect {
  strength = 1;
}
export class Layer {
  readonly effects: Effect[] = [];
}
export class BlurEffect extends Effect {
  radius = 2;
}
export class MaskEffect extends Effect {
  source: Layer | undefined;
}
`,
      name: 'A list of a base type does not hold a subtype through a property other kinds lack (a mask effect\'s source layer)',
    },
  ],
  invalid: [
    {
      code: rewrites.seed.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
          data: { owner: 'A', property: 'parent', target: 'A', downOwner: 'A', downProperty: 'children', held: 'A' },
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'parent' }, output: rewrites.seed.output }],
        },
      ],
      name: 'The seed\'s class: a self-referential tree',
    },
    {
      code: rewrites.twoClass.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 9,
          data: {
            owner: 'Child',
            property: 'parent',
            target: 'Parent',
            downOwner: 'Parent',
            downProperty: 'children',
            held: 'Child',
          },
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'parent' }, output: rewrites.twoClass.output }],
        },
      ],
      name: 'Two classes: the child\'s parent field is reported, not the parent\'s children',
    },
    {
      code: rewrites.generic.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
          data: {
            owner: 'TreeNode',
            property: 'parent',
            target: 'TreeNode',
            downOwner: 'TreeNode',
            downProperty: 'children',
            held: 'TreeNode',
          },
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'parent' }, output: rewrites.generic.output }],
        },
      ],
      name: 'Generic class',
    },
    {
      code: rewrites.optional.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 9,
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'parent' }, output: rewrites.optional.output }],
        },
      ],
      name: 'Optional field, parent held in a Set',
    },
    {
      code: rewrites.readonlyPrivate.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 25,
          suggestions: [
            { messageId: 'useWeakRef', data: { property: 'owner' }, output: rewrites.readonlyPrivate.output },
          ],
        },
      ],
      name: 'A private readonly field with an initializer: a private getter only',
    },
    {
      code: rewrites.definite.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            { messageId: 'useWeakRef', data: { property: 'container' }, output: rewrites.definite.output },
          ],
        },
      ],
      name: 'A protected definite field written by a method through the setter',
    },
    {
      code: rewrites.crossFile.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          data: {
            owner: 'File',
            property: 'folder',
            target: 'Folder',
            downOwner: 'Folder',
            downProperty: 'entries',
            held: 'FolderEntry',
          },
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'folder' }, output: rewrites.crossFile.output }],
        },
      ],
      name: 'Cross-file: the parent class and the child\'s abstract base come from a fixture module',
    },
    {
      code: `
class Doc {
  body: Body | null = null;
}
class Body {
  ownerDocument: Doc | null = null;
}
`,
      errors: [
        {
          messageId: 'strongPeer',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 16,
          data: {
            owner: 'Body',
            property: 'ownerDocument',
            target: 'Doc',
            downOwner: 'Doc',
            downProperty: 'body',
            held: 'Body',
          },
          // Only the name orients a 1:1 pair: no WeakRef rewrite is offered for either side.
          suggestions: [],
        },
      ],
      name: '1:1 with a back-reference name: only the named side is reported, without a suggestion',
    },
    {
      code: `
import type { Scene, SceneObject } from './no-strong-parent-reference/tree.js';
interface Mesh extends SceneObject {
  parentScene: Scene;
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
          data: {
            owner: 'Mesh',
            property: 'parentScene',
            target: 'Scene',
            downOwner: 'Scene',
            downProperty: 'objects',
            held: 'SceneObject',
          },
        },
      ],
      name: 'Cross-file interfaces: Scene.objects holds SceneObject, a base of the owner, and the name says up',
    },
    {
      code: `
import { Registry, type Listener } from './no-strong-parent-reference/tree.js';
class Logger implements Listener {
  constructor(readonly registry: Registry) {}
  handle(): void {}
}
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 24, endLine: 4, endColumn: 32 }],
      name: 'Cross-file, three collection layers deep (Map<string, Map<string, Listener[]>>)',
    },
    {
      code: `
import { Container, Declaration } from 'postcss';
export class Annotated extends Declaration {
  owner: Container | undefined;
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          // postcss declares the classes as Container_ and Declaration_ and exports them renamed.
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'owner' }, output: rewrites.postcss.output }],
          data: {
            owner: 'Annotated',
            property: 'owner',
            target: 'Container_',
            downOwner: 'Container_',
            downProperty: 'nodes',
            held: 'Declaration_',
          },
        },
      ],
      name: 'A type from node_modules: postcss\'s Container holds Declaration in `nodes`',
    },
    {
      code: `
class Panel { widgets: Widget[] = []; }
class Widget<P extends Panel = Panel> {
  constructor(public container: P) {}
}
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 22, endLine: 4, endColumn: 31 }],
      name: 'A type parameter constrained to the parent class, as a constructor parameter property',
    },
    {
      code: `
class Item { declare list: List<Item> | null; }
class List<T extends Item> { items: T[] = []; }
`,
      errors: [{ messageId: 'strongParent', line: 2, column: 22, endLine: 2, endColumn: 26 }],
      name: 'The children collection holds a type parameter constrained to the child',
    },
    {
      code: `
class Base { id = 0; }
class Widget extends Base { declare parent: Panel | null; }
class Panel { children: Base[] = []; }
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 37, endLine: 3, endColumn: 43 }],
      name: 'The owner\'s base class is what the parent holds',
    },
    {
      code: `
class ContainerBase { items: Item[] = []; }
class Box extends ContainerBase {}
class Item { declare box: Box | null; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 25,
          data: { owner: 'Item', property: 'box', target: 'Box', downOwner: 'ContainerBase', downProperty: 'items', held: 'Item' },
        },
      ],
      name: 'The parent inherits its collection from a base class',
    },
    {
      code: `
class Shape { declare group: Group | null; }
class Circle extends Shape { r = 1; }
class Group { circles: Circle[] = []; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 28,
          data: { owner: 'Shape', property: 'group', target: 'Group', downOwner: 'Group', downProperty: 'circles', held: 'Circle' },
        },
      ],
      name: 'The parent holds a subclass of the owner',
    },
    {
      code: `
interface TreeItem { id: number; }
class Leaf implements TreeItem {
  id = 0;
  declare tree: Tree | null;
}
class Tree { nodes: TreeItem[] = []; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 15,
          data: { owner: 'Leaf', property: 'tree', target: 'Tree', downOwner: 'Tree', downProperty: 'nodes', held: 'TreeItem' },
        },
      ],
      name: 'The parent holds an interface the owner implements',
    },
    {
      code: `
class Parent { children: Child[] = []; }
interface Tagged { tag: string; }
class Child { declare parent: (Parent & Tagged) | null; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 29,
          data: {
            owner: 'Child',
            property: 'parent',
            target: 'Parent & Tagged',
            downOwner: 'Parent',
            downProperty: 'children',
            held: 'Child',
          },
        },
      ],
      name: 'An intersection typed parent: one member holds the children',
    },
    {
      code: `
class Base { id = 0; }
type Host = Base & { kids: Kid[] };
class Kid { declare host: Host | null; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 25,
          data: { owner: 'Kid', property: 'host', target: 'Host', downOwner: 'Host', downProperty: 'kids', held: 'Kid' },
        },
      ],
      name: 'An intersection alias holding the children in its literal part',
    },
    {
      code: `
interface Marked { mark: true; }
class Parent { children: (Child & Marked)[] = []; }
class Child { declare parent: Parent | null; }
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 23, endLine: 4, endColumn: 29 }],
      name: 'Intersection in the collection\'s element type',
    },
    {
      code: `
class Parent { groups = new Map<string, Child[]>(); }
class Child { declare parent: Parent | null; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 29,
          data: { owner: 'Child', property: 'parent', target: 'Parent', downOwner: 'Parent', downProperty: 'groups', held: 'Child' },
        },
      ],
      name: 'Nested collections: Map<string, Child[]>',
    },
    {
      code: `
class Parent { byId: Record<string, Child> = {}; }
class Child { declare parent: Parent | null; }
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 23, endLine: 3, endColumn: 29 }],
      name: 'Record',
    },
    {
      code: `
interface Parent { slots: { [name: string]: Child | undefined }; }
class Child { declare parent: Parent | null; }
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 23, endLine: 3, endColumn: 29 }],
      name: 'Index signature',
    },
    {
      code: `
class Pair { sides: [Side, Side] = [new Side(), new Side()]; }
class Side { declare parent: Pair | null; }
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 22, endLine: 3, endColumn: 28 }],
      name: 'Tuple',
    },
    {
      code: `
class A { readonly children: readonly Child[] = []; }
class B { members: ReadonlySet<Child> = new Set(); }
class C { weights: ReadonlyMap<Child, number> = new Map(); }
class Child {
  declare parent: A | null;
  declare owner: B | null;
  declare container: C | null;
}
`,
      errors: [
        { messageId: 'strongParent', line: 6, column: 11, endLine: 6, endColumn: 17 },
        { messageId: 'strongParent', line: 7, column: 11, endLine: 7, endColumn: 16 },
        { messageId: 'strongParent', line: 8, column: 11, endLine: 8, endColumn: 20 },
      ],
      name: 'Readonly array, ReadonlySet, ReadonlyMap keys',
    },
    {
      code: `
interface TreeItem {
  parent: TreeItem | null;
  children: TreeItem[];
}
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 3, endLine: 3, endColumn: 9 }],
      name: 'An interface describing a tree',
    },
    {
      code: `
type TreeItem = {
  parent: TreeItem | null;
  readonly children: readonly TreeItem[];
};
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
          data: {
            owner: 'TreeItem',
            property: 'parent',
            target: 'TreeItem',
            downOwner: 'TreeItem',
            downProperty: 'children',
            held: 'TreeItem',
          },
        },
      ],
      name: 'An object type alias used as a class shape',
    },
    {
      code: `
class A { constructor(public peer: B | null) {} }
class B { constructor(public peer: A | null) {} }
`,
      options: [{ backReferenceNames: ['peer'] }],
      errors: [
        { messageId: 'strongPeer', line: 2, column: 30, endLine: 2, endColumn: 34 },
        { messageId: 'strongPeer', line: 3, column: 30, endLine: 3, endColumn: 34 },
      ],
      name: '1:1 with a custom back-reference name',
    },
    {
      code: `
class Channel {
  readonly #pickQueue: Call[] = [];
  readonly activeCalls = new Set<Call>();
}
class Call {
  constructor(private readonly channel: Channel) {}
}
`,
      options: [{ inFlightNames: ['pick queue'] }],
      errors: [
        {
          messageId: 'strongParent',
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 39,
          data: { owner: 'Call', property: 'channel', target: 'Channel', downOwner: 'Channel', downProperty: 'activeCalls' },
        },
      ],
      name: 'inFlightNames replaces the default words (a multi-word entry matches a run of words)',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child {
  constructor(public parent: Parent) {}
}
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 22, endLine: 4, endColumn: 28, suggestions: [] }],
      name: 'Parameter properties are reported without a suggestion',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child {
  accessor parent: Parent | null = null;
}
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 12, endLine: 4, endColumn: 18, suggestions: [] }],
      name: 'Auto-accessors are reported without a suggestion',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child {
  readonly parent: Parent;
  constructor(parent: Parent) { this.parent = parent; }
}
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 12, endLine: 4, endColumn: 18, suggestions: [] }],
      name: 'A readonly field written in the constructor is reported without a suggestion',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Base { declare parent: Parent | null; }
class Child extends Base { parent: Parent | null = null; }
`,
      errors: [
        { messageId: 'strongParent', line: 3, column: 22, endLine: 3, endColumn: 28, suggestions: [] },
        { messageId: 'strongParent', line: 4, column: 28, endLine: 4, endColumn: 34, suggestions: [] },
      ],
      name: 'A declared-only field, and a field redeclared over an inherited one (it cannot become an accessor)',
    },
    {
      code: `
const TreeItem = class {
  declare parent: InstanceType<typeof TreeItem> | null;
  children: InstanceType<typeof TreeItem>[] = [];
};
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 17,
          data: {
            owner: 'TreeItem',
            property: 'parent',
            target: 'TreeItem',
            downOwner: 'TreeItem',
            downProperty: 'children',
            held: 'TreeItem',
          },
        },
      ],
      name: 'A class expression takes the variable\'s name',
    },
    {
      code: `
class TreeItem {
  declare parent: this | null;
  children: this[] = [];
}
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 11, endLine: 3, endColumn: 17 }],
      name: 'Polymorphic this',
    },
    {
      code: `
class Drive { label = ''; }
class Folder { entries: Entry[] = []; }
class Entry { declare parent: Drive | Folder | null; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 29,
          data: { owner: 'Entry', property: 'parent', target: 'Folder', downOwner: 'Folder', downProperty: 'entries', held: 'Entry' },
        },
      ],
      name: 'A union of possible parents: the one that holds children counts',
    },
    {
      code: `
class Subscription {
  declare parentage: Subscription[] | Subscription | null;
  finalizers: Subscription[] = [];
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 20,
          data: {
            owner: 'Subscription',
            property: 'parentage',
            target: 'Subscription',
            downOwner: 'Subscription',
            downProperty: 'finalizers',
            held: 'Subscription',
          },
        },
      ],
      name: 'A property that is one parent or many (rxjs\'s _parentage shape)',
    },
    {
      code: `
class Parent { first: Child | null = null; children: Child[] = []; }
class Child { declare parent: Parent | null; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 29,
          data: { owner: 'Child', property: 'parent', target: 'Parent', downOwner: 'Parent', downProperty: 'children', held: 'Child' },
        },
      ],
      name: 'A collection edge wins over a single one in the message',
    },
    {
      code: `
class TreeItem {
  constructor(
    public parent: TreeItem | null,
    public firstChild: TreeItem | null,
  ) {}
}
`,
      errors: [
        {
          messageId: 'strongPeer',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 18,
          data: {
            owner: 'TreeItem',
            property: 'parent',
            target: 'TreeItem',
            downOwner: 'TreeItem',
            downProperty: 'firstChild',
            held: 'TreeItem',
          },
        },
      ],
      name: 'A self reference beside a single self link: the named side is the back reference',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child { accessor parent: Parent | null = null; }
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 24, endLine: 3, endColumn: 30 }],
      name: 'Auto-accessor fields have a strong backing store',
    },
    {
      filename: 'file.js',
      code: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  /** @param {Parent} parent */
  constructor(parent) {
    this.parent = parent;
  }
  /** @param {Parent} next */
  move(next) {
    this.parent = next;
  }
}
`,
      errors: [{ messageId: 'strongParent', line: 9, column: 10, endLine: 9, endColumn: 16, suggestions: [] }],
      name: 'JS class: a `this.parent` assignment typed by JSDoc, reported once, no suggestion',
    },
    {
      filename: 'file.js',
      code: `
export class Owner {
  /** @type {Item[]} */
  items = [];
  /** @type {Slot[]} */
  slots = [];
}
export class Item {
  /** @param {Owner} owner */
  constructor(owner) {
    if (owner !== undefined) {
      this // the owner that lists this item
        . /* set once */ owner
        = owner;
    }
  }
}
export class Slot {
  /** @param {Owner} owner */
  attach(owner) {
    const store = () => {
      this.container = owner;
    };
    store();
  }
}
`,
      errors: [
        { messageId: 'strongParent', line: 13, column: 26, endLine: 13, endColumn: 31, suggestions: [] },
        { messageId: 'strongParent', line: 22, column: 12, endLine: 22, endColumn: 21, suggestions: [] },
      ],
      name: 'JS class: assignments to `this` members with comments and line breaks between the tokens, or in an arrow function',
    },
    {
      filename: 'file.js',
      code: jsdocField.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 9,
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'parent' }, output: jsdocField.output }],
        },
      ],
      name: 'JS class: a field with a JSDoc type gets a rewrite typed with JSDoc',
    },
    {
      filename: 'file.js',
      code: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  /** @type {Parent} */
  parent;
  /** @param {Parent} parent */
  constructor(parent) {
    this.parent = parent;
  }
}
`,
      errors: [{ messageId: 'strongParent', line: 8, column: 3, endLine: 8, endColumn: 9, suggestions: [] }],
      name: 'JS class, checked: a JSDoc-typed field the constructor assigns has no suggestion (its store could not be declared)',
    },
    {
      filename: 'file.js',
      code: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  /** @type {?Parent} */
  parent = null;
}
`,
      errors: [{ messageId: 'strongParent', line: 8, column: 3, endLine: 8, endColumn: 9, suggestions: [] }],
      name: 'JS class: a Closure-style JSDoc type is reported without a suggestion',
    },
    {
      filename: 'file.js',
      code: `
export class Parent {
  /** @type {Child[]} */
  children = [];
}
export class Child {
  parent;
  /** @param {Parent} parent */
  constructor(parent) {
    this.parent = parent;
  }
}
`,
      errors: [{ messageId: 'strongParent', line: 7, column: 3, endLine: 7, endColumn: 9, suggestions: [] }],
      name: 'JS class, checked with noImplicitAny: an untyped field without initializer has no suggestion (its store would be any)',
    },
    {
      filename: 'file.js',
      code: jsField.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'owner' }, output: jsField.output }],
        },
      ],
      name: 'JS class: a field whose type TypeScript infers gets the untyped rewrite',
    },
    {
      filename: 'no-strong-parent-reference/file-shapes.d.ts',
      code: `
export declare class DeclaredNode {
  parent: DeclaredNode | null;
  children: DeclaredNode[];
}
`,
      options: [{ checkDeclarationFiles: true }],
      errors: [{ messageId: 'strongParent', line: 3, column: 3, endLine: 3, endColumn: 9 }],
      name: 'checkDeclarationFiles reports inside .d.ts files, without a suggestion for declared shapes',
    },
    {
      filename: 'file.tsx',
      code: `
class Parent { children: Child[] = []; }
class Child { declare parent: Parent | null; }
export const view = <div>{String(new Child().parent)}</div>;
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 23, endLine: 3, endColumn: 29 }],
      name: 'TSX file',
    },
    {
      code: `
class Object3D {
  declare parent: Object3D | null;
  children: Object3D[] = [];
}
class Light extends Object3D { intensity = 1; }
class LightHelper extends Object3D {
  constructor(public light: Light) { super(); }
}
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 11, endLine: 3, endColumn: 17 }],
      name: 'A tree of one kind of node: the back-reference name is what marks the upward edge',
    },
    {
      code: `
class Subscription {
  declare private _parentage: Subscription[] | Subscription | null;
  declare private _finalizers: Subscription[] | null;
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 29,
          data: {
            owner: 'Subscription',
            property: '_parentage',
            target: 'Subscription',
            downOwner: 'Subscription',
            downProperty: '_finalizers',
            held: 'Subscription',
          },
        },
      ],
      name: 'A back-reference name may carry leading underscores and a suffix (rxjs\'s _parentage)',
    },
    {
      code: `
class Node {
  declare up: Node | null;
  declare children: Node[];
}
`,
      options: [{ backReferenceNames: ['up'] }],
      errors: [{ messageId: 'strongParent', line: 3, column: 11, endLine: 3, endColumn: 13 }],
      name: 'backReferenceNames also names the upward edge of a tree of one kind',
    },
    {
      code: `
class Parent { children: Child<Parent>[] = []; }
class Child<P extends Parent | string> { parent: P | null = null; }
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 42, endLine: 3, endColumn: 48, suggestions: [] }],
      name: 'No suggestion when the type may be a primitive, which a WeakRef cannot hold',
    },
    {
      code: `
class Leaf {
  declare parent: { children: Leaf[] } | null;
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 17,
          data: {
            owner: 'Leaf',
            property: 'parent',
            target: '{ children: Leaf[]; }',
            downOwner: '{ children: Leaf[]; }',
            downProperty: 'children',
            held: 'Leaf',
          },
        },
      ],
      name: 'An object literal type as the parent is named as written',
    },
    {
      code: `
declare module 'widgets' {
  class Panel { children: Widget[]; }
  class Widget { parent: Panel | null; }
}
export {};
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 18, endLine: 4, endColumn: 24, suggestions: [] }],
      name: 'Classes in an ambient module are reported without a suggestion',
    },
    {
      code: `
const kParentNode = Symbol('kParentNode');
const kChildNodes = Symbol('kChildNodes');
export class DomNode {
  [kParentNode]: DomNode | null = null;
  [kChildNodes]: DomNode[] = [];
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 16,
          data: {
            owner: 'DomNode',
            property: '[kParentNode]',
            target: 'DomNode',
            downOwner: 'DomNode',
            downProperty: '[kChildNodes]',
            held: 'DomNode',
          },
          suggestions: [],
        },
      ],
      name: 'Symbol keys: a Node-style kParentNode beside kChildNodes, named as written',
    },
    {
      code: `
import * as PropertySymbol from './no-strong-parent-reference/symbols.js';
export class TreeNode {
  declare [PropertySymbol.parentNode]: TreeNode | null;
  declare [PropertySymbol.childNodes]: TreeNode[];
  declare [PropertySymbol.nextSibling]: TreeNode | null;
  constructor() {
    this[PropertySymbol.parentNode] = null;
    this[PropertySymbol.childNodes] = [];
    this[PropertySymbol.nextSibling] = null;
  }
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 38,
          data: {
            owner: 'TreeNode',
            property: '[PropertySymbol.parentNode]',
            target: 'TreeNode',
            downOwner: 'TreeNode',
            downProperty: '[PropertySymbol.childNodes]',
            held: 'TreeNode',
          },
          suggestions: [],
        },
      ],
      name: 'Symbol keys from a module of symbols, on declare fields (a DOM implementation\'s shape)',
    },
    {
      code: `
export default class Frame {
  readonly childFrames: Frame[] = [];
  constructor(readonly parentFrame: Frame | null) {}
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 35,
          data: {
            owner: 'Frame',
            property: 'parentFrame',
            target: 'Frame',
            downOwner: 'Frame',
            downProperty: 'childFrames',
            held: 'Frame',
          },
        },
      ],
      name: 'A default-exported class is named by its declaration, not `default`',
    },
    {
      code: `
class Server {
  constructor(readonly topology: Topology) {}
}
interface TopologyState { id: number; servers: Map<string, Server> }
class Topology {
  s: TopologyState;
  constructor() {
    this.s = { id: 1, servers: new Map() };
  }
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 32,
          data: {
            owner: 'Server',
            property: 'topology',
            target: 'Topology',
            downOwner: 'Topology',
            downProperty: 's.servers',
            held: 'Server',
          },
        },
      ],
      name: 'The children sit in a collection inside a plain data field (this.s = { servers: new Map() })',
    },
    {
      code: `
class Worker { declare pool: Pool | null; constructor() { this.pool = null; } }
class Pool { readonly state = { idle: new Set<Worker>(), busy: 0 }; }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 28,
          data: { owner: 'Worker', property: 'pool', target: 'Pool', downOwner: 'Pool', downProperty: 'state.idle', held: 'Worker' },
          suggestions: [],
        },
      ],
      name: 'An object literal field with a Set inside it holds the workers',
    },
    {
      code: rewrites.subclassHolder.input,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
          data: {
            owner: 'SceneNode',
            property: 'parent',
            target: 'SceneNode',
            downOwner: 'Group',
            downProperty: 'children',
            held: 'SceneNode',
          },
          suggestions: [{ messageId: 'useWeakRef', data: { property: 'parent' }, output: rewrites.subclassHolder.output }],
        },
      ],
      name: 'The holder is a subclass of the declared parent type (a Group is the node that has children)',
    },
    {
      code: `
interface WidgetHost { readonly id: string; }
class Panel implements WidgetHost { readonly id = 'panel'; readonly widgets: Widget[] = []; }
class Widget { constructor(readonly host: WidgetHost) {} }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 41,
          data: { owner: 'Widget', property: 'host', target: 'WidgetHost', downOwner: 'Panel', downProperty: 'widgets', held: 'Widget' },
        },
      ],
      name: 'The holder is the only class that implements the declared parent interface',
    },
    {
      code: `
interface TabLike { group: TabGroup | null; readonly title: string; }
interface DraftLike { group?: TabGroup | null; }
class TabGroup { readonly tabs: Tab[] = []; readonly drafts: Draft[] = []; }
class Tab implements TabLike {
  group: TabGroup | null = null;
  readonly title = 'tab';
}
class PinnedTab extends Tab {}
class Draft implements DraftLike {}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 28,
          data: { owner: 'DraftLike', property: 'group', target: 'TabGroup', downOwner: 'TabGroup', downProperty: 'drafts', held: 'Draft' },
        },
        {
          messageId: 'strongParent',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          data: { owner: 'Tab', property: 'group', target: 'TabGroup', downOwner: 'TabGroup', downProperty: 'tabs', held: 'Tab' },
          suggestions: [
            {
              messageId: 'useWeakRef',
              data: { property: 'group' },
              output: `
interface TabLike { group: TabGroup | null; readonly title: string; }
interface DraftLike { group?: TabGroup | null; }
class TabGroup { readonly tabs: Tab[] = []; readonly drafts: Draft[] = []; }
class Tab implements TabLike {
  get group(): TabGroup | null {
    const ref = this.#group;
    if (ref == null) return ref;
    const target = ref.deref();
    if (target === undefined) {
      throw new ReferenceError('Tab.group is no longer available: the object it referred to has been garbage-collected.');
    }
    return target;
  }
  set group(value: TabGroup | null) {
    this.#group = value == null ? value : new WeakRef(value);
  }
  #group: WeakRef<TabGroup> | null = null;
  readonly title = 'tab';
}
class PinnedTab extends Tab {}
class Draft implements DraftLike {}
`,
            },
          ],
        },
      ],
      name: 'An interface a class implements with a field of its own: the class is reported, not the interface too',
    },
    {
      code: `
class CueList implements Iterable<Cue> {
  readonly #cues: Cue[] = [];
  [Symbol.iterator](): Iterator<Cue> { return this.#cues[Symbol.iterator](); }
}
class Track { readonly cues = new CueList(); }
class Cue { constructor(readonly track: Track) {} }
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 7,
          column: 34,
          endLine: 7,
          endColumn: 39,
          data: { owner: 'Cue', property: 'track', target: 'Track', downOwner: 'Track', downProperty: 'cues', held: 'Cue' },
        },
      ],
      name: 'The parent keeps its children in a collection class of the project (an iterable CueList)',
    },
    {
      code: `
class Page { readonly recorders: Recorder[] = []; }
class Recorder { constructor(protected page: Page) {} }
class CdpPage extends Page { target = ''; }
class CdpRecorder extends Recorder { declare protected page: CdpPage; }
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 40, endLine: 3, endColumn: 44 }],
      name: 'A declare field that narrows an inherited one is reported where the field is, in the base class',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child {
  parent?: Parent;
  detach(): void { delete this.parent; }
}
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 3, endLine: 4, endColumn: 9, suggestions: [] }],
      name: 'No suggestion where the file deletes the field (an accessor would not be emptied)',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child {
  parent: Parent | null = null;
  clone(): Child { return Object.assign(new Child(), this); }
}
`,
      errors: [{ messageId: 'strongParent', line: 4, column: 3, endLine: 4, endColumn: 9, suggestions: [] }],
      name: 'No suggestion where the class copies its own properties (an accessor is not one)',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child { parent: Parent | null = null; }
export function plain(node: Child): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'parent') out[key] = value;
  return out;
}
`,
      errors: [{ messageId: 'strongParent', line: 3, column: 15, endLine: 3, endColumn: 21, suggestions: [] }],
      name: 'No suggestion where the file looks the field up by its name as a string',
    },
    {
      code: `
class Parent { children: Child[] = []; }
class Child { parent: Parent | null = null; }
class Special extends Child { override parent: Parent | null = null; }
`,
      // The subclass's field stores into the same slot: the edge is reported once, at the base.
      errors: [{ messageId: 'strongParent', line: 3, column: 15, endLine: 3, endColumn: 21, suggestions: [] }],
      name: 'No suggestion where a subclass redeclares the field (a field cannot override an accessor)',
    },
    {
      code: `
class Scheduler { actions: Task[] = []; }
class FastScheduler extends Scheduler { fast = true; }
class QuickScheduler extends FastScheduler { quick = true; }
class Task {
  constructor(protected scheduler: Scheduler) {}
}
class FastTask extends Task {
  constructor(protected override scheduler: FastScheduler) { super(scheduler); }
}
class QuickTask extends FastTask {
  constructor(protected override scheduler: QuickScheduler) { super(scheduler); }
}
class Registry { entries: Bound[] = []; }
class Loose { owner: object | null = null; }
class Bound extends Loose {
  declare tag: string;
  override owner: Registry | null = null;
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 6,
          column: 25,
          data: { owner: 'Task', property: 'scheduler', target: 'Scheduler', downOwner: 'Scheduler', downProperty: 'actions', held: 'Task' },
        },
        // The base's `owner: object` is no edge, so the narrowed one is judged where it is declared.
        { messageId: 'strongParent', line: 18, column: 12, data: { owner: 'Bound', property: 'owner', target: 'Registry', downOwner: 'Registry', downProperty: 'entries', held: 'Bound' } },
      ],
      name: 'Properties that narrow an inherited one through subclasses are reported once, where the edge is first declared',
    },
    {
      code: `
interface MapEntry { wrappers: Wrapper[]; counter: number }
class Wrapper {
  constructor(private readonly mapEntry: MapEntry) {}
}
`,
      errors: [
        {
          messageId: 'strongParent',
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 40,
          data: { owner: 'Wrapper', property: 'mapEntry', target: 'MapEntry', downOwner: 'MapEntry', downProperty: 'wrappers', held: 'Wrapper' },
        },
      ],
      name: 'A plain data object that holds the owner\'s own type is its parent (a map entry holding its wrappers)',
    },
  ],
});

describe('no-strong-parent-reference suggestions', () => {
  it('type-check under strict with lib es2022 + es2021.weakref (JS with checkJs), as their inputs do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nspr-typecheck-'));
    // tests/fixtures/node_modules/postcss: declarations in the shape of postcss's, not the package.
    const postcssTypes = join(fixturesDir, 'node_modules/postcss/lib/postcss.d.ts');
    try {
      cpSync(join(fixturesDir, 'no-strong-parent-reference'), join(dir, 'no-strong-parent-reference'), {
        recursive: true,
      });
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      const files: string[] = [];
      for (const [name, { input, output }] of Object.entries(rewrites)) {
        for (const [kind, text] of [
          ['input', input],
          ['output', output],
        ] as const) {
          const file = join(dir, `${name}.${kind}.ts`);
          // Each case is its own module, so class names do not clash between cases.
          writeFileSync(file, `${text}\nexport {};\n`);
          files.push(file);
        }
      }
      // The JavaScript suggestion is checked the way checkJs users see it.
      for (const [kind, text] of [
        ['input', jsField.input],
        ['output', jsField.output],
        ['jsdoc-input', jsdocField.input],
        ['jsdoc-output', jsdocField.output],
      ] as const) {
        const file = join(dir, `jsField.${kind}.js`);
        writeFileSync(file, text);
        files.push(file);
      }
      const program = ts.createProgram(files, {
        allowJs: true,
        checkJs: true,
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ['lib.es2022.d.ts', 'lib.es2021.weakref.d.ts'],
        types: [],
        noEmit: true,
        skipLibCheck: true,
        // The temporary directory has no node_modules of its own.
        paths: { postcss: [postcssTypes] },
      });
      const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
        const where = diagnostic.file === undefined ? '' : `${diagnostic.file.fileName.slice(dir.length + 1)}: `;
        return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      });
      expect(files.length).toBe(Object.keys(rewrites).length * 2 + 4);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a broken suggestion would be caught: a WeakRef store read as the parent type fails to compile', () => {
    const host = ts.createCompilerHost({ strict: true });
    const source = 'class P { x = 1; }\nclass C { #p = new WeakRef(new P()); get p(): P { return this.#p; } }\n';
    const original = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion) =>
      fileName === 'probe.ts' ? ts.createSourceFile(fileName, source, languageVersion) : original(fileName, languageVersion);
    const program = ts.createProgram(
      ['probe.ts'],
      { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.es2021.weakref.d.ts'], types: [] },
      host,
    );
    expect(ts.getPreEmitDiagnostics(program).length).toBeGreaterThan(0);
  });
});

describe('no-strong-parent-reference options schema', () => {
  // A .d.ts file without checkDeclarationFiles makes the rule return before it asks for types,
  // so the options can be validated by a plain Linter.
  const verify = (options: unknown): void => {
    const linter = new Linter();
    linter.verify(
      'declare class A {}',
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { lifetime: { rules: { 'no-strong-parent-reference': rule as never } } },
          rules: { 'lifetime/no-strong-parent-reference': ['error', options] },
        },
      ],
      'types.d.ts',
    );
  };

  it('accepts every documented option', () => {
    expect(() => {
      verify({ backReferenceNames: ['up'], ignore: ['Node'], checkDeclarationFiles: false, maxDepth: 2 });
    }).not.toThrow();
  });

  it.each([
    [{ unknownOption: true }, /should NOT have additional properties/],
    [{ backReferenceNames: 'parent' }, /"parent" should be array/],
    [{ backReferenceNames: [''] }, /should NOT be shorter than 1 characters/],
    [{ backReferenceNames: ['parent', 'parent'] }, /duplicate items/],
    [{ ignore: [1] }, /Value 1 should be string/],
    [{ checkDeclarationFiles: 'yes' }, /"yes" should be boolean/],
    [{ maxDepth: 0 }, /should be >= 1/],
    [{ maxDepth: 1.5 }, /should be integer/],
  ])('rejects %j', (options, message) => {
    expect(() => {
      verify(options);
    }).toThrow(message);
  });
});

describe('no-strong-parent-reference type graph memoization', () => {
  const source = `
export class Parent { children: Child[] = []; extra = new Map<string, Child[]>(); }
export class Child { a: Parent | null = null; b: Parent | null = null; c: Parent | null = null; }
`;
  const host = ts.createCompilerHost({ strict: true });
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion) =>
    fileName === 'tree.ts' ? ts.createSourceFile(fileName, source, languageVersion) : original(fileName, languageVersion);
  const program = ts.createProgram(['tree.ts'], { strict: true, target: ts.ScriptTarget.ES2022, types: [] }, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile('tree.ts');
  const classes = file?.statements.filter(ts.isClassDeclaration) ?? [];
  const child = classes[1];

  it('keeps one graph per program and option set', () => {
    expect(typeGraphFor(program, 4)).toBe(typeGraphFor(program, 4));
    expect(typeGraphFor(program, 4)).not.toBe(typeGraphFor(program, 2));
  });

  it('walks the properties of a parent type once, however many properties point at it', () => {
    let walks = 0;
    const counting = new Proxy(checker, {
      get(target, key, receiver): unknown {
        const value: unknown = Reflect.get(target, key, receiver);
        if (key === 'getPropertiesOfType' && typeof value === 'function') {
          return (type: ts.Type) => {
            if (type.getSymbol()?.getName() === 'Parent') walks += 1;
            return checker.getPropertiesOfType(type);
          };
        }
        return value;
      },
    });
    const graph = new TypeGraph(counting, 4);
    expect(child).toBeDefined();
    const members = child?.members.filter(ts.isPropertyDeclaration) ?? [];
    expect(members).toHaveLength(3);
    const results = members.map((member) => {
      const target = checker.getNonNullableType(checker.getTypeAtLocation(member));
      return graph.heldBy(target);
    });
    // Parent is walked once; the three lookups share the answer.
    expect(walks).toBe(1);
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    const held = [...(results[0]?.keys() ?? [])].map((symbol) => symbol.getName());
    expect(held).toEqual(['Child']);
  });
});

describe('no-strong-parent-reference docs', () => {
  const doc = readFileSync(new URL('../../docs/rules/no-strong-parent-reference.md', import.meta.url), 'utf8');

  it('lists every reason the suggestion is refused, and no other', () => {
    const listed = [...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual(Object.keys(REWRITE_REFUSALS).sort());
  });

  // Each ❌ block must give exactly these reports, each ✅ block none. Linted through ESLint with
  // the fixtures project, as a user's editor would, so suggestions need not be spelled out here.
  const expected: MessageIds[][] = [['strongParent'], ['strongParent'], ['strongParent'], ['strongParent'], ['strongParent'], ['strongParent']];
  const { incorrect, correct } = docExamples('no-strong-parent-reference');
  const eslint = new ESLint({
    cwd: fixturesDir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
        plugins: { lifetime: { rules: { 'no-strong-parent-reference': rule as never } } },
        rules: { 'lifetime/no-strong-parent-reference': 'error' },
      },
    ],
  });
  const lint = async (code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(fixturesDir, 'file.ts') });
    return (result?.messages ?? []).map((message) => message.messageId ?? `fatal: ${message.message}`);
  };

  it('has as many ❌ examples as expectations', () => {
    expect(incorrect).toHaveLength(expected.length);
  });
  it.each(incorrect.map((code, index) => [index + 1, code] as const))('❌ example %i reports', async (index, code) => {
    expect(await lint(code)).toEqual(expected[index - 1]);
  });
  it.each(correct.map((code, index) => [index + 1, code] as const))('✅ example %i reports nothing', async (_index, code) => {
    expect(await lint(code)).toEqual([]);
  });
});
