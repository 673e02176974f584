/**
 * Why a `parent` field is left as it is, with one wording each: the one home of the refusals of
 * every rewrite of a back reference.
 *
 * - `WeakParentRefusal` / `refusalText`: the `weak-parent` codemod's default (name-based) mode.
 *   A refusal is data (a `kind` plus the facts it names); `refusalText` turns it into the clause
 *   that follows "Class.field left alone: ".
 * - `REWRITE_REFUSALS`: the type-aware analysis of src/back-references.ts, which decides the
 *   `no-strong-parent-reference` rule's suggestion and the codemod's `--project` mode, so that
 *   both refuse the same fields in the same words.
 */

export type WeakParentRefusal =
  | { kind: 'decorated' }
  | { kind: 'accessor-field' }
  | { kind: 'overridden' }
  | { kind: 'declare' }
  | { kind: 'inherited-conflict'; relation: 'base class' | 'subclass'; other: string; line: number; how: string; field: string }
  | { kind: 'existing-accessor'; field: string }
  | { kind: 'name-clash'; name: string }
  | { kind: 'own-property-by-name'; field: string; line: number }
  | { kind: 'delete'; field: string; line: number }
  | { kind: 'enumerates-own-properties'; field: string; what: string; line: number }
  | { kind: 'not-object-type'; typeText: string }
  | { kind: 'untyped' }
  | { kind: 'primitive-value'; line: number }
  | { kind: 'compound-readonly-write' }
  | { kind: 'super-in-statement' }
  | { kind: 'no-weakref'; setting: string; where: string }
  | { kind: 'anonymous-own-accessor' }
  | { kind: 'decorated-own-accessor' }
  | { kind: 'own-accessor-starts-undefined' }
  | { kind: 'listed-in-snapshot'; field: string; file: string; line: number }
  | { kind: 'peer'; field: string; line: number }
  | { kind: 'several-kinds'; typeText: string }
  | { kind: 'checked-js'; why: 'untyped' | 'starts-unassigned' | 'on-collected-undefined'; from: string };

export function refusalText(refusal: WeakParentRefusal): string {
  switch (refusal.kind) {
    case 'decorated':
      return 'it is decorated, and a decorator may rely on it being a plain field; rewrite it by hand if the decorator allows';
    case 'accessor-field':
      return 'it is an `accessor` field; rewrite it by hand';
    case 'overridden':
      return 'it overrides a field of a base class, and an accessor cannot override a property; rewrite the base class field first';
    case 'declare':
      return 'it is a `declare` field, which has no runtime value to make weak';
    case 'inherited-conflict':
      return `its ${refusal.relation} ${refusal.other} at line ${String(refusal.line)} has \`${refusal.field}\` too (${refusal.how}), and an accessor and a field cannot override each other, so no class of this chain is rewritten for \`${refusal.field}\`; make one class own the field (remove the other declarations), then rerun`;
    case 'existing-accessor':
      return `the class already has a \`${refusal.field}\` method or accessor`;
    case 'name-clash':
      return `the class already uses the name \`${refusal.name}\`, which the rewrite needs`;
    case 'own-property-by-name':
      return `line ${String(refusal.line)} looks for an own property named '${refusal.field}' (comparing a key or asking for own properties), and after the rewrite \`${refusal.field}\` is no longer an own data property; review that code, then rewrite by hand`;
    case 'delete':
      return `\`delete this.${refusal.field}\` at line ${String(refusal.line)} would no longer empty it once it is an accessor; set it to null/undefined instead, then rerun`;
    case 'enumerates-own-properties':
      return `the class enumerates or copies its own properties (\`${refusal.what}\` at line ${String(refusal.line)}), and after the rewrite \`${refusal.field}\` is no longer an own property; rerun with --accessor=own, which keeps it one, or rewrite by hand`;
    case 'not-object-type':
      return `its type \`${refusal.typeText}\` is not known to hold only objects, and a WeakRef can only refer to an object`;
    case 'untyped':
      return 'it has no declared type, so the getter and the store cannot be typed';
    case 'primitive-value':
      return `it is given a primitive value at line ${String(refusal.line)}, and a WeakRef can only refer to an object`;
    case 'compound-readonly-write':
      return 'its constructor updates it with a compound assignment, which a getter-only accessor cannot take';
    case 'super-in-statement':
      return 'the constructor calls `super()` inside another statement, so there is no safe place to store the parameter';
    case 'no-weakref':
      return `the project cannot use WeakRef: ${refusal.setting} (${refusal.where}); change that setting, then rerun`;
    case 'anonymous-own-accessor':
      return 'the class has no name its members can refer to, which --accessor=own needs; name the class or use --accessor=prototype';
    case 'decorated-own-accessor':
      return "the class is decorated, and TypeScript's experimentalDecorators reject the static #private descriptor that --accessor=own adds (TS18036); use --accessor=prototype";
    case 'listed-in-snapshot':
      return `the project's test snapshots print \`${refusal.field}\` as an own property (${refusal.file}:${String(refusal.line)}), and after the rewrite it is no longer one, so they would fail; rerun with --accessor=own, which keeps it one`;
    case 'peer':
      return `\`${refusal.field}\` at line ${String(refusal.line)} holds one object of the same kind, so the two make a 1:1 pair, not a tree whose parent holds its children, and only the names say which side owns the other: if the object this field points at is kept alive only through it (one derived from another inherits from its base), a WeakRef makes reading it throw; rewrite by hand if the other side really owns this one`;
    case 'several-kinds':
      return `its type \`${refusal.typeText}\` names several kinds of object, and nothing but the names says that each of them is a parent kept alive elsewhere: an object of a kind held only here (a placeholder, an id, a value object) would be collected at once and reading the field would throw; rewrite by hand if every kind is a real parent`;
    case 'checked-js':
      return `the file is type-checked (${refusal.from}) and ${CHECKED_JS_REASONS[refusal.why]}`;
    case 'own-accessor-starts-undefined':
      return "it has no initializer and its type leaves out `undefined`, which --accessor=own's store holds until the constructor writes it; give it an initializer or use --accessor=prototype";
  }
}

const CHECKED_JS_REASONS = {
  untyped: 'the field has no JSDoc `@type`, so the accessors and the store the rewrite adds could not be typed; give it one (`/** @type {Node | null} */`), then rerun',
  'starts-unassigned':
    'the field has no initializer while its JSDoc type leaves out `undefined`: JavaScript cannot declare a store that the constructor assigns later (TypeScript writes `!`), so the file would no longer type-check; add `| undefined` to its type or give it an initializer, then rerun',
  'on-collected-undefined': 'with --on-collected=undefined its getter reads `undefined`, which the field\'s JSDoc type leaves out, so the file would no longer type-check; add `| undefined` to it, then rerun',
} as const;

/**
 * Every reason the rewrite is refused, with the sentence that explains it (docs/rules/no-strong-parent-reference.md
 * lists them; a test keeps the two in step).
 */
export const REWRITE_REFUSALS = {
  peer: 'it is one half of a 1:1 pair, and nothing but its name says that the other object owns this one: if the object it points at is kept alive only through it (an extension that inherits its base\'s settings), a WeakRef makes reading it throw',
  'type-member': 'it is a member of an interface or type, which has no code to rewrite',
  'parameter-property': 'it is a constructor parameter property; the weak-parent codemod rewrites those',
  'assigned-in-method': 'it is a JavaScript member assigned in a method (`this.x = …`); the weak-parent codemod rewrites those',
  'declaration-file': 'it is declared in a .d.ts file, which has no bodies for the accessors',
  ambient: 'its class is ambient (`declare class`, `declare module`), which has no bodies for the accessors',
  accessor: 'it is an `accessor` field',
  'non-identifier-key': 'its key is not a plain identifier (a symbol, computed, quoted or `#private` key)',
  declare: 'it is a `declare` field: something else (a base class, a mixin, code outside the class) stores it',
  decorated: 'it is decorated, and a decorator may rely on a plain field',
  override: 'it overrides or redeclares a property of a base class, and an accessor cannot override a field',
  'overridden-in-subclass': 'a subclass redeclares it, and a field cannot override an accessor',
  'readonly-without-initializer': 'it is `readonly` without an initializer, so the constructor writes it, and those writes would need rewriting too',
  'jsdoc-type': 'its JSDoc `@type` is written in a form the rewrite does not read (Closure\'s `?T`, `!T`, `*`, or a comment TypeScript does not take as the field\'s type)',
  'store-unassigned':
    'it is typed with JSDoc without `undefined` and has no initializer, and JavaScript cannot declare a store that the constructor assigns later (TypeScript writes `!`), so a type-checked file would reject the store; add `| undefined` or an initializer',
  untyped: 'it has no type annotation, so the accessors and the store cannot be typed',
  'may-be-primitive': 'its type may stand for a primitive, which a WeakRef cannot hold',
  'several-kinds': 'its type names several kinds of object, and one that is not a parent kept alive elsewhere (a placeholder or an id held only here) would be collected at once and reading the field would throw',
  'name-clash': 'the class already has a member with its name or with the store\'s name',
  deleted: 'the file deletes it (`delete x.parent`), which empties a field but not an accessor',
  reflection: 'code sees it as an own property (the class enumerates or copies its own properties, or the file looks the name up as a string), and an accessor is not one',
} as const satisfies Record<string, string>;

export type RewriteRefusal = keyof typeof REWRITE_REFUSALS;
