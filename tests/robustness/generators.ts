// fast-check arbitraries for whole modules full of classes: random member shapes, modifiers,
// names, comments, parent fields, decorators, finalization registries. Every generated module
// is meant to be valid syntax; most TypeScript ones also type-check under strict options.
import fc from 'fast-check';

export type Flavor = 'ts' | 'js';

/** Class names, including ones that need care when printed: `$`, `_`, non-ASCII. */
const classNames = ['Node', 'TreeNode', 'Widget', '$Item', '_Entry', 'Nœud', 'Παιδί', 'Cell2'];
/** Field names the codemod rewrites by default plus near misses it must leave alone. */
const parentNames = ['parent', 'parent', 'parent', 'owner', 'parentNode', '_parent', 'parents'];

const comment = fc.constantFrom('', '// line comment\n', '/* block */ ', '/** JSDoc for the member. */\n', '// parent: a comment that mentions parent\n', '/*\n * multi\n * line\n */\n');

export interface ParentField {
  kind: 'parent';
  name: string;
  /** How the field is written. */
  shape:
    | 'nullable-init'
    | 'optional'
    | 'definite'
    | 'undefinable'
    | 'readonly-init'
    | 'declare'
    | 'static'
    | 'es-private'
    | 'as-init'
    | 'untyped-null';
  accessibility: '' | 'public ' | 'protected ' | 'private ';
  /** Index of the class the field points at (modulo the number of classes). */
  target: number;
  comment: string;
}

export interface OtherMember {
  kind: 'other';
  which:
    | 'children-array'
    | 'children-set'
    | 'children-map'
    | 'children-record'
    | 'method'
    | 'async-method'
    | 'generator'
    | 'accessor-pair'
    | 'static-block'
    | 'computed-method'
    | 'auto-accessor'
    | 'arrow-field'
    | 'decorated-method'
    | 'set-parent-method'
    | 'uses-parent-method'
    | 'string-key-field'
    | 'numeric-key-field';
  comment: string;
}

export type Member = ParentField | OtherMember;

export interface ClassSpec {
  nameIndex: number;
  exported: boolean;
  /** Extends the previous class in the module (if there is one). */
  extendsPrevious: boolean;
  /** Constructor shape: none, parameter property for parent, or assignment of `this.parent`. */
  ctor: 'none' | 'param-property' | 'param-property-readonly' | 'assign' | 'assign-optional';
  members: Member[];
  /** A class expression bound to a const instead of a declaration. */
  expression: boolean;
}

/** TypeScript-only declarations around the classes: the shapes a type graph must survive. */
export const TYPE_DECLARATIONS = {
  'interface-tree': 'interface ITree {\n  parent: ITree | null;\n  children: ITree[];\n}',
  'alias-tree': 'type ATree = {\n  parent?: ATree;\n  kids: Map<string, ATree[]>;\n};',
  'generic-interface': 'interface GTree<T> {\n  parent: GTree<T> | null;\n  items: T[];\n  children: ReadonlySet<GTree<T>>;\n}',
  'recursive-record': 'type Rec = { [key: string]: Rec | Rec[] };',
  'abstract-class': 'abstract class Base {\n  abstract parent: Base | null;\n  readonly children: Base[] = [];\n}',
  'declare-class': 'declare class Ambient {\n  parent: Ambient | null;\n  children: Set<Ambient>;\n}',
  namespace: 'namespace Scene {\n  export class Item {\n    parent: Item | null = null;\n    children: Item[] = [];\n  }\n}',
  'bounded-generic': 'class GNode<T extends GNode<T>> {\n  parent?: T;\n  children: T[] = [];\n}',
  tuple: 'class Pair {\n  parent: Pair | null = null;\n  both: [Pair, Pair] | null = null;\n}',
  'mapped-type': 'type Parents<T> = { [K in keyof T]: T[K] extends object ? WeakRef<T[K]> : never };',
  'conditional-type': 'type Up<T> = T extends { parent: infer P } ? P : never;',
  enum: 'enum Kind {\n  Parent = 1,\n  Child,\n}',
  'overloads': 'function find(node: { parent: unknown }): unknown;\nfunction find(node: null): null;\nfunction find(node: { parent: unknown } | null): unknown {\n  return node?.parent ?? null;\n}',
  'index-signature-class': 'class Bag {\n  [key: string]: Bag | Bag[] | null | (() => void);\n  parent: Bag | null = null;\n}',
  'intersection': 'type Linked = { parent: Linked | null } & { children: Linked[] };',
  'this-type': 'class Chain {\n  parent: this | null = null;\n  children: this[] = [];\n}',
  'unique-symbol': 'const PARENT: unique symbol = Symbol(\'parent\');\nclass Sym {\n  [PARENT]: Sym | null = null;\n  children: Sym[] = [];\n}',
} as const;

export interface ModuleSpec {
  /** Keys of TYPE_DECLARATIONS, rendered for TypeScript only. */
  declarations: (keyof typeof TYPE_DECLARATIONS)[];
  classes: ClassSpec[];
  registry:
    | 'none'
    | 'safe'
    | 'throwing'
    | 'holding-target'
    | 'closing'
    | 'async'
    | 'named-callback'
    | 'subclass'
    | 'safety-net'
    | 'bound-method'
    | 'optional-chain'
    | 'no-arguments'
    | 'spread-arguments'
    | 'closure-captures-target';
  indent: '  ' | '    ' | '\t';
  semicolons: boolean;
  crlf: boolean;
  header: string;
}

const parentField: fc.Arbitrary<ParentField> = fc.record({
  kind: fc.constant('parent' as const),
  name: fc.constantFrom(...parentNames),
  shape: fc.constantFrom(
    'nullable-init',
    'optional',
    'definite',
    'undefinable',
    'readonly-init',
    'declare',
    'static',
    'es-private',
    'as-init',
    'untyped-null',
  ),
  accessibility: fc.constantFrom('', 'public ', 'protected ', 'private '),
  target: fc.nat(3),
  comment,
});

const otherMember: fc.Arbitrary<OtherMember> = fc.record({
  kind: fc.constant('other' as const),
  which: fc.constantFrom(
    'children-array',
    'children-set',
    'children-map',
    'children-record',
    'method',
    'async-method',
    'generator',
    'accessor-pair',
    'static-block',
    'computed-method',
    'auto-accessor',
    'arrow-field',
    'decorated-method',
    'set-parent-method',
    'uses-parent-method',
    'string-key-field',
    'numeric-key-field',
  ),
  comment,
});

const classSpec: fc.Arbitrary<ClassSpec> = fc.record({
  nameIndex: fc.nat(classNames.length - 1),
  exported: fc.boolean(),
  extendsPrevious: fc.boolean(),
  ctor: fc.constantFrom('none', 'param-property', 'param-property-readonly', 'assign', 'assign-optional'),
  members: fc.array(fc.oneof({ weight: 2, arbitrary: parentField }, { weight: 3, arbitrary: otherMember }), { maxLength: 6 }),
  expression: fc.boolean(),
});

export const moduleSpec: fc.Arbitrary<ModuleSpec> = fc.record({
  declarations: fc.subarray(Object.keys(TYPE_DECLARATIONS) as (keyof typeof TYPE_DECLARATIONS)[], { maxLength: 3 }),
  classes: fc.array(classSpec, { minLength: 1, maxLength: 3 }),
  registry: fc.constantFrom(
    'none',
    'safe',
    'throwing',
    'holding-target',
    'closing',
    'async',
    'named-callback',
    'subclass',
    'safety-net',
    'bound-method',
    'optional-chain',
    'no-arguments',
    'spread-arguments',
    'closure-captures-target',
  ),
  indent: fc.constantFrom('  ' as const, '    ' as const, '\t' as const),
  semicolons: fc.boolean(),
  crlf: fc.boolean(),
  header: fc.constantFrom('', '// @ts-check\n', '"use strict";\n', '/* eslint-disable */\n'),
});

/** Distinct class names for a module, in order. */
function namesOf(spec: ModuleSpec): string[] {
  const used = new Set<string>();
  return spec.classes.map((cls, index) => {
    let name = classNames[cls.nameIndex % classNames.length] ?? 'Node';
    if (used.has(name)) name = `${name}${String(index)}`;
    used.add(name);
    return name;
  });
}

/** Renders a generated module as TypeScript or JavaScript source text. */
export function renderModule(spec: ModuleSpec, flavor: Flavor): string {
  const ts = flavor === 'ts';
  const names = namesOf(spec);
  const semi = spec.semicolons ? ';' : '';
  const i1 = spec.indent;
  const i2 = spec.indent + spec.indent;
  const type = (text: string): string => (ts ? `: ${text}` : '');
  const out: string[] = [spec.header];
  if (ts) for (const key of spec.declarations) out.push(`${TYPE_DECLARATIONS[key]}\n`);
  const usesDecorator = spec.classes.some((cls) => cls.members.some((m) => m.kind === 'other' && m.which === 'decorated-method'));
  if (usesDecorator) {
    out.push(
      ts
        ? `function logged<This, A extends unknown[], R>(method: (this: This, ...args: A) => R, _context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => R>): (this: This, ...args: A) => R {\n${i1}return method${semi}\n}\n`
        : `function logged(method, _context) {\n${i1}return method${semi}\n}\n`,
    );
  }
  spec.classes.forEach((cls, index) => {
    const self = names[index] ?? 'Node';
    const base = index > 0 && cls.extendsPrevious ? names[index - 1] : undefined;
    const lines: string[] = [];
    const fieldNames = new Set<string>();
    const memberNames = new Set<string>();
    for (const member of cls.members) {
      if (member.kind === 'parent') {
        const targetIndex = member.target % names.length;
        // A class expression is a value only; other classes cannot name it as a type.
        const target = ts && spec.classes[targetIndex]?.expression === true ? self : (names[targetIndex] ?? self);
        const key = member.shape === 'es-private' ? `#${member.name}` : member.name;
        const staticKey = member.shape === 'static' ? `static:${key}` : key;
        // One declaration per name; a subclass redeclaring its base's private field would not compile.
        if (memberNames.has(staticKey) || (base !== undefined && member.accessibility === 'private ')) continue;
        memberNames.add(staticKey);
        if (member.shape !== 'static') fieldNames.add(key);
        lines.push(member.comment + renderParentField(member, key, target, ts, semi));
      } else {
        const key = member.which;
        if (memberNames.has(key)) continue;
        memberNames.add(key);
        lines.push(member.comment + renderOther(member, self, fieldNames, ts, semi, i1, i2));
      }
    }
    const ctor = renderConstructor(cls, self, base, ts, semi, i1, i2, fieldNames);
    if (ctor !== '') lines.push(ctor);
    const head = cls.expression
      ? `${cls.exported ? 'export ' : ''}const ${self} = class${ts ? ` ${self}` : ''}${base === undefined ? '' : ` extends ${base}`} {`
      : `${cls.exported ? 'export ' : ''}class ${self}${base === undefined ? '' : ` extends ${base}`} {`;
    // Without semicolons, a member starting with `*`, `[` or `(` would continue the previous line.
    const guarded = spec.semicolons ? lines : lines.map((line) => (/^(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*[*[(]/.test(line) ? `;${line}` : line));
    const body = guarded.map((line) => line.split('\n').map((part) => (part === '' ? '' : i1 + part)).join('\n')).join('\n');
    out.push(`${head}\n${body}${body === '' ? '' : '\n'}}${cls.expression ? semi : ''}\n`);
  });
  out.push(renderRegistry(spec, names[0] ?? 'Node', type, semi, i1));
  const text = out.join('\n');
  return spec.crlf ? text.replace(/\n/g, '\r\n') : text;
}

function renderParentField(field: ParentField, key: string, target: string, ts: boolean, semi: string): string {
  const access = ts && !key.startsWith('#') ? field.accessibility : '';
  if (!ts) {
    switch (field.shape) {
      case 'static':
        return `static ${key} = null${semi}`;
      case 'optional':
      case 'declare':
      case 'definite':
      case 'undefinable':
        return `${key}${semi}`;
      default:
        return `${key} = null${semi}`;
    }
  }
  switch (field.shape) {
    case 'nullable-init':
      return `${access}${key}: ${target} | null = null${semi}`;
    case 'optional':
      return key.startsWith('#') ? `${key}?: ${target}${semi}` : `${access}${key}?: ${target}${semi}`;
    case 'definite':
      return `${access}${key}!: ${target}${semi}`;
    case 'undefinable':
      return `${access}${key}: ${target} | undefined${semi}`;
    case 'readonly-init':
      return `${access}readonly ${key}: ${target} | null = null${semi}`;
    case 'declare':
      return `${access}declare ${key}: ${target} | null${semi}`;
    case 'static':
      return `${access}static ${key}: ${target} | null = null${semi}`;
    case 'es-private':
      return `${key}: ${target} | null = null${semi}`;
    case 'as-init':
      return `${access}${key} = null as ${target} | null${semi}`;
    case 'untyped-null':
      return `${access}${key} = null${semi}`;
  }
}

function renderOther(member: OtherMember, self: string, fields: ReadonlySet<string>, ts: boolean, semi: string, i1: string, i2: string): string {
  const t = (text: string): string => (ts ? `: ${text}` : '');
  switch (member.which) {
    case 'children-array':
      return `children${t(`${self}[]`)} = []${semi}`;
    case 'children-set':
      return `kids = new Set${ts ? `<${self}>` : ''}()${semi}`;
    case 'children-map':
      return `byName${t(`Map<string, ${self}>`)} = new Map()${semi}`;
    case 'children-record':
      return `slots${t(`Record<string, ${self}>`)} = {}${semi}`;
    case 'method':
      return `depth()${t('number')} {\n${i1}return 0${semi}\n}`;
    case 'async-method':
      return `async load()${t('Promise<void>')} {\n${i1}await Promise.resolve()${semi}\n}`;
    case 'generator':
      return `*walk()${t('Generator<number>')} {\n${i1}yield 1${semi}\n}`;
    case 'accessor-pair':
      return `get size()${t('number')} {\n${i1}return 0${semi}\n}\nset size(value${t('number')}) {\n${i1}void value${semi}\n}`;
    case 'static-block':
      return `static {\n${i1}// nothing to set up\n}`;
    case 'computed-method':
      return `['comp' + 'uted']()${t('string')} {\n${i1}return 'x'${semi}\n}`;
    case 'auto-accessor':
      return ts ? `accessor label = ''${semi}` : `label = ''${semi}`;
    case 'arrow-field':
      return `onClose = ()${t('void')} => {\n${i1}// parent: not a field\n}${semi}`;
    case 'decorated-method':
      return `@logged\nping()${t('number')} {\n${i1}return 1${semi}\n}`;
    case 'set-parent-method': {
      const name = [...fields].find((field) => !field.startsWith('#'));
      // Writes a field through `this` so the rewrite's setter is exercised by the type checker.
      return name === undefined ? `reset()${t('void')} {}` : `reset()${t('void')} {\n${i1}this.${name} = ${ts ? `this.${name}` : 'null'}${semi}\n}`;
    }
    case 'uses-parent-method': {
      const name = [...fields][0];
      return name === undefined
        ? `root()${t('unknown')} {\n${i1}return this${semi}\n}`
        : `root()${t('unknown')} {\n${i1}const p = this.${name}${semi}\n${i1}if (p) {\n${i2}return p${semi}\n${i1}}\n${i1}return this${semi}\n}`;
    }
    case 'string-key-field':
      return `'parent-name'${t('string')} = ''${semi}`;
    case 'numeric-key-field':
      return `0${t('number')} = 0${semi}`;
  }
}

function renderConstructor(
  cls: ClassSpec,
  self: string,
  base: string | undefined,
  ts: boolean,
  semi: string,
  i1: string,
  _i2: string,
  fields: Set<string>,
): string {
  const superCall = base === undefined ? '' : `${i1}super()${semi}\n`;
  const t = (text: string): string => (ts ? `: ${text}` : '');
  switch (cls.ctor) {
    case 'none':
      return '';
    case 'param-property':
    case 'param-property-readonly':
      if (!ts || fields.has('parent')) return base === undefined ? '' : `constructor() {\n${superCall}}`;
      fields.add('parent');
      return `constructor(${cls.ctor === 'param-property' ? 'public' : 'private readonly'} parent${t(`${self} | null`)} = null) {\n${superCall}}`;
    case 'assign':
    case 'assign-optional': {
      const optional = cls.ctor === 'assign-optional' ? '?' : '';
      const declared = fields.has('parent');
      // A TS class must declare what it assigns; a JS class may assign only.
      const field = ts && !declared ? `parent${optional}${t(`${self} | null`)}${semi}\n` : '';
      if (ts && !declared) fields.add('parent');
      // The TS variants take no required argument, so `new X()` elsewhere stays well-typed.
      const param = ts ? `parent${optional}${t(`${self} | null`)}${optional === '' ? ' = null' : ''}` : 'parent';
      return `${field}constructor(${param}) {\n${superCall}${i1}this.parent = parent${ts && optional !== '' ? ' ?? null' : ''}${semi}\n}`;
    }
  }
}

function renderRegistry(spec: ModuleSpec, first: string, type: (text: string) => string, semi: string, i1: string): string {
  const generic = type('') === '' ? '' : '<string>';
  switch (spec.registry) {
    case 'none':
      return '';
    case 'safe':
      return `const registry = new FinalizationRegistry${generic}((held) => {\n${i1}try {\n${i1}${i1}console.warn('leaked', held)${semi}\n${i1}} catch {\n${i1}${i1}// ignore\n${i1}}\n})${semi}\nregistry.register(new ${first}(), 'a')${semi}\n`;
    case 'throwing':
      return `const registry = new FinalizationRegistry${generic}((held) => {\n${i1}if (held === '') throw new Error('empty')${semi}\n${i1}JSON.parse(held)${semi}\n})${semi}\nregistry.register({}, 'b')${semi}\n`;
    case 'holding-target':
      return `const registry = new FinalizationRegistry${type('') === '' ? '' : '<{ node: object }>'}((held) => {\n${i1}void held${semi}\n})${semi}\nconst node = new ${first}()${semi}\nregistry.register(node, { node })${semi}\n`;
    case 'closing':
      return `const registry = new FinalizationRegistry${type('') === '' ? '' : '<{ close(): void }>'}((handle) => {\n${i1}handle.close()${semi}\n})${semi}\nregistry.register({}, { close() {} })${semi}\n`;
    case 'async':
      return `const registry = new FinalizationRegistry${generic}(async (held) => {\n${i1}await Promise.resolve(held)${semi}\n})${semi}\nregistry.register({}, 'c')${semi}\n`;
    case 'named-callback':
      return `function cleanup(held${type('string')}) {\n${i1}if (!held) throw new TypeError('no key')${semi}\n}\nconst registry = new FinalizationRegistry(cleanup)${semi}\nregistry.register(new ${first}(), 'd')${semi}\n`;
    case 'subclass':
      return `class Registry extends FinalizationRegistry${generic} {\n${i1}constructor() {\n${i1}${i1}super((held) => {\n${i1}${i1}${i1}throw new Error(held)${semi}\n${i1}${i1}})${semi}\n${i1}}\n}\nnew Registry().register(new ${first}(), 'e')${semi}\n`;
    case 'safety-net':
      return `const registry = new FinalizationRegistry${type('') === '' ? '' : '<{ close(): void }>'}((handle) => {\n${i1}console.warn('not disposed')${semi}\n${i1}handle.close()${semi}\n})${semi}\nclass Owned {\n${i1}handle = { close() {} }${semi}\n${i1}constructor() {\n${i1}${i1}registry.register(this, this.handle, this)${semi}\n${i1}}\n${i1}[Symbol.dispose]()${type('void')} {\n${i1}${i1}registry.unregister(this)${semi}\n${i1}${i1}this.handle.close()${semi}\n${i1}}\n}\n{\n${i1}using owned = new Owned()${semi}\n${i1}void owned${semi}\n}\n`;
    case 'bound-method':
      return `const cache = { drop(key${type('string')}) {\n${i1}void key${semi}\n} }${semi}\nconst registry = new FinalizationRegistry(cache.drop.bind(cache))${semi}\nregistry.register(new ${first}(), 'f')${semi}\n`;
    case 'optional-chain':
      return `const registry = new FinalizationRegistry${type('') === '' ? '' : '<{ close?: () => void } | undefined>'}((held) => held?.close?.())${semi}\nregistry.register({}, undefined)${semi}\n`;
    case 'no-arguments':
      return `// @ts-expect-error: the callback is missing\nconst registry = new FinalizationRegistry()${semi}\nvoid registry${semi}\n`;
    case 'spread-arguments':
      return `const args = [(held${type('unknown')}) => void held] as const${semi}\nconst registry = new FinalizationRegistry(...args)${semi}\nregistry.register({}, 1)${semi}\n`.replace(' as const', type('') === '' ? '' : ' as const');
    case 'closure-captures-target':
      return `const node = new ${first}()${semi}\nconst registry = new FinalizationRegistry${generic}((held) => {\n${i1}console.log(held, node)${semi}\n})${semi}\nregistry.register(node, 'g')${semi}\n`;
  }
}
