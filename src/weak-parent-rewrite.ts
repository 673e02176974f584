/**
 * The text of the weak back reference that replaces a strong `parent` field.
 *
 * Shared by the `weak-parent` codemod and the `no-strong-parent-reference` rule's suggestion,
 * so both produce the same code. Pure string work: no parser, no TypeScript dependency. Without
 * the optional settings (style, sharing, on-collected, own accessor) the text is what the rule's
 * suggestion has always offered.
 */

export type WeakParentStorage = 'private' | 'underscore';

/** What the getter does once the parent has been collected. */
export type WeakParentOnCollected = 'throw' | 'undefined';

/**
 * Where the accessor lives: on the prototype (`get parent()` only), or in addition as an own,
 * enumerable property of every instance, so that `Object.keys`, spread, `for…in`, JSON and
 * deep-equality helpers still see `parent` as they saw the field.
 */
export type WeakParentAccessor = 'prototype' | 'own';

/** Formatting of the inserted text; the defaults are the suggestion's fixed style. */
export interface WeakParentStyle {
  quote: "'" | '"';
  semicolons: boolean;
  /** A `throw` line longer than this is broken after the opening parenthesis. */
  printWidth: number;
  /** Columns a tab counts for in `printWidth`. */
  tabWidth: number;
  trailingCommaInCalls: boolean;
  trailingCommaInObjects: boolean;
  /** `f( x )` and `if ( x )` rather than `f(x)`: a space inside non-empty parentheses. */
  spaceInParens: boolean;
}

const SUGGESTION_STYLE: WeakParentStyle = {
  quote: "'",
  semicolons: true,
  printWidth: Infinity,
  tabWidth: 2,
  trailingCommaInCalls: true,
  trailingCommaInObjects: true,
  spaceInParens: false,
};

export interface WeakParentField {
  /** Used in the ReferenceError message, e.g. `TreeNode` or `(anonymous class)`. */
  className: string;
  /** The field being rewritten, e.g. `parent`. */
  fieldName: string;
  /** Declared type text with null/undefined removed, e.g. `TreeNode<T>`; omitted for JS output. */
  targetType?: string;
  /** The declared type admitted null. */
  nullable: boolean;
  /** The declared type admitted undefined (or the field was optional). */
  undefinable: boolean;
  /** Emit a getter only; the constructor writes the store directly. */
  readonly: boolean;
  accessibility?: 'public' | 'protected' | 'private';
  /** `'private'` → `#parent`; `'underscore'` → `private _parentRef` (TS) / `_parentRef` (JS). */
  storage: WeakParentStorage;
  /** Emit type annotations. */
  typescript: boolean;
  /**
   * JavaScript typed with JSDoc (`targetType` is then the JSDoc type): `store` types the store
   * and what the store's initializer calls, the getter being typed by the `@type` comment that
   * stays above it; `getter-and-store` gives the getter its own `@type` comment too.
   */
  jsdoc?: 'store' | 'getter-and-store';
  /** With `getter-and-store`: the field's JSDoc type as the file wrote it (`?Node`), for the getter's copy. */
  jsdocText?: string;
  /**
   * The project type-checks without strictNullChecks, where `ref == null` does not narrow the
   * store's type, so the getter casts the empty store it returns (`ref as null`).
   */
  emptyCast?: boolean;
  /** Initializer expression text of the original field, if any. */
  initializer?: string;
  /**
   * Declare the store as a class field (default true). A JS class that never declared its
   * field and uses underscore storage may skip it: its target may predate class fields, and
   * the getter treats a missing store as empty.
   */
  declareStore?: boolean;
  /** Default `throw`. With `undefined` the getter's type gains `| undefined`. */
  onCollected?: WeakParentOnCollected;
  /**
   * Store `Class.#weakRefTo(value)` instead of `new WeakRef(value)`: every child of one parent
   * then shares the parent's single WeakRef (see renderWeakRefHelper, which the caller adds to
   * the class once). Private storage only, and
   * `className` must be the class's own binding.
   */
  shareRef?: boolean;
  /** Default `prototype`. `own` needs a class that can be named from its own members. */
  accessor?: WeakParentAccessor;
  /**
   * With `accessor: 'own'`: the caller installs the accessor itself in the constructor (see
   * renderWeakParentOwnDefinition), where a JS class first assigned the field, so that the
   * instance's keys keep their order; the store then starts empty.
   */
  ownDefinedInConstructor?: boolean;
  style?: Partial<WeakParentStyle>;
}

/** The checks of TypeScript that decide whether the written code type-checks. */
export interface Strictness {
  noImplicitAny: boolean;
  strictNullChecks: boolean;
  /** Only in effect together with strictNullChecks. */
  strictPropertyInitialization: boolean;
}

/**
 * The checks a set of compiler options switches on, `strict` spelled out: a tsconfig's
 * `compilerOptions` or a program's `ts.CompilerOptions`.
 */
export function strictnessOf(options: {
  strict?: boolean | undefined;
  noImplicitAny?: boolean | undefined;
  strictNullChecks?: boolean | undefined;
  strictPropertyInitialization?: boolean | undefined;
}): Strictness {
  const strict = options.strict ?? false;
  const strictNullChecks = options.strictNullChecks ?? strict;
  return {
    noImplicitAny: options.noImplicitAny ?? strict,
    strictNullChecks,
    strictPropertyInitialization: strictNullChecks && (options.strictPropertyInitialization ?? strict),
  };
}

/** `#parent` for private storage, `_parentRef` for underscore storage. */
export function weakParentStoreName(fieldName: string, storage: WeakParentStorage): string {
  return storage === 'private' ? `#${fieldName}` : `_${fieldName}Ref`;
}

/** The static descriptor that `accessor: 'own'` installs on each instance. */
export function weakParentOwnPropertyName(fieldName: string): string {
  return `#${fieldName}Property`;
}

/** The message of the ReferenceError the getter throws once the parent has been collected. */
export function weakParentErrorMessage(field: Pick<WeakParentField, 'className' | 'fieldName'>): string {
  return `${field.className}.${field.fieldName} is no longer available: the object it referred to has been garbage-collected.`;
}

function styleOf(field: WeakParentField): WeakParentStyle {
  return { ...SUGGESTION_STYLE, ...field.style };
}

/** Display width of a line's text, tabs counted as `tabWidth` columns. */
function width(line: string, style: WeakParentStyle): number {
  let columns = 0;
  for (const char of line) columns += char === '\t' ? style.tabWidth : 1;
  return columns;
}

/**
 * Class-member text that replaces the original field: the getter, the setter (unless readonly)
 * and the store declaration.
 *
 * The first line carries no indentation, because the text replaces the original member in place
 * (which starts after its indentation); every following line starts with `indent`. Bodies are
 * indented one more `indentUnit` (default: a tab when `indent` uses tabs, otherwise two spaces).
 */
export function renderWeakParentMembers(
  field: WeakParentField,
  indent: string,
  eol = '\n',
  indentUnit: string = indent.includes('\t') ? '\t' : '  ',
): string {
  const style = styleOf(field);
  const end = style.semicolons ? ';' : '';
  const store = `this.${weakParentStoreName(field.fieldName, field.storage)}`;
  // Lines are joined with `eol + indent`, so body lines only add their own depth.
  const inner = indentUnit;
  const inner2 = indentUnit + indentUnit;
  const ts = field.typescript;
  const lines: string[] = [];

  const modifier = ts && field.accessibility ? `${field.accessibility} ` : '';
  const getterType = ts ? declaredTypeText(field, true) : undefined;
  const setterType = ts ? declaredTypeText(field, field.onCollected === 'undefined') : undefined;
  if (!ts && field.jsdoc === 'getter-and-store') {
    // The file's own spelling, unless the getter now reads `undefined` where the field did not.
    const written = field.onCollected === 'undefined' ? undefined : field.jsdocText;
    lines.push(`/** @type {${written ?? declaredTypeText(field, true)}} */`);
  }
  lines.push(`${modifier}get ${field.fieldName}()${getterType === undefined ? '' : `: ${getterType}`} {`);
  if (field.onCollected === 'undefined') {
    lines.push(`${inner}const ref = ${store}${end}`);
    lines.push(`${inner}return ref == null ? ${emptyAsIs(field, 'ref', true)} : ref.deref()${end}`);
  } else {
    lines.push(`${inner}const ref = ${store}${end}`);
    // Checked even when the declared type excludes it: without strictNullChecks, or before the
    // constructor has run, the store can still be empty, and the old field then read as empty too.
    lines.push(`${inner}if (ref == null) return ${emptyAsIs(field, 'ref', false)}${end}`);
    lines.push(`${inner}const target = ref.deref()${end}`);
    lines.push(`${inner}if (target === undefined) {`);
    const message = quote(weakParentErrorMessage(field), style.quote);
    const oneLine = `${inner2}throw new ReferenceError(${message})${end}`;
    if (width(indent + oneLine, style) <= style.printWidth) lines.push(oneLine);
    else {
      lines.push(`${inner2}throw new ReferenceError(`);
      lines.push(`${inner2}${inner}${message}${style.trailingCommaInCalls ? ',' : ''}`);
      lines.push(`${inner2})${end}`);
    }
    lines.push(`${inner}}`);
    lines.push(`${inner}return target${end}`);
  }
  lines.push('}');

  if (!field.readonly) {
    lines.push(`${modifier}set ${field.fieldName}(value${setterType === undefined ? '' : `: ${setterType}`}) {`);
    const write = `${inner}${store} = ${wrapExpression(field, 'value', true)}${end}`;
    // Too wide: break after `=`, as Prettier and Biome do for a conditional that then fits.
    if (width(indent + write, style) <= style.printWidth) lines.push(write);
    else {
      lines.push(`${inner}${store} =`);
      lines.push(`${inner2}${wrapExpression(field, 'value', true)}${end}`);
    }
    lines.push('}');
  }

  // The store goes last so that a JSDoc comment above the original field now documents the
  // getter, which is what editors show on hover. Its place among the other fields, which
  // decides when its initializer runs, is the original field's place.
  if (field.declareStore ?? true) {
    if (!ts && field.jsdoc !== undefined) lines.push(`/** @type {${storeTypeText(field)}} */`);
    const declaration = storeDeclaration(field, style);
    const split = declaration.indexOf(' = ');
    if (width(indent + declaration, style) <= style.printWidth || split === -1) lines.push(declaration);
    else {
      lines.push(`${declaration.slice(0, split)} =`);
      lines.push(`${inner}${declaration.slice(split + 3)}`);
    }
  }
  if (field.accessor === 'own') {
    const ownName = weakParentOwnPropertyName(field.fieldName);
    const annotation = ts ? ': PropertyDescriptor' : '';
    lines.push(`static ${ownName}${annotation} = {`);
    lines.push(`${inner}...Object.getOwnPropertyDescriptor(this.prototype, ${quote(field.fieldName, style.quote)}),`);
    lines.push(`${inner}enumerable: true${style.trailingCommaInObjects ? ',' : ''}`);
    lines.push(`}${end}`);
    if (field.ownDefinedInConstructor !== true) {
      if (!ts && field.jsdoc !== undefined) lines.push('/** @template V @param {V} value @returns {V} */');
      lines.push(ts ? `${ownDefinerName(field.fieldName)}<V>(value: V): V {` : `${ownDefinerName(field.fieldName)}(value) {`);
      lines.push(`${inner}${renderWeakParentOwnDefinition(field)}${end}`);
      lines.push(`${inner}return value${end}`);
      lines.push('}');
    }
  }

  return parensAsStyled(lines.join(eol + indent), style);
}

/**
 * How the children of one parent share its WeakRef. `slot`: the parent keeps its own WeakRef in
 * a private instance field, created the first time it becomes somebody's parent (a private field
 * read per child; a parent of another class gets a WeakRef per child). `map`: a static WeakMap of
 * the class maps each parent to its WeakRef (for runtimes without `#field in object`, Node < 16.4).
 */
export type WeakRefSharing = 'slot' | 'map';

/** The static helper method that sharing adds once per class, and its slot or map. */
export const WEAK_REF_HELPER = '#weakRefTo';
export const WEAK_REF_SLOT = '#selfRef';
export const WEAK_REF_MAP = '#weakRefs';

/**
 * The helper that lets every child of one parent share the parent's single WeakRef. Neither form
 * keeps anything alive: a WeakRef does not hold its target, the slot lives and dies with its
 * parent, and the map holds its keys weakly. Placed once per class, after the rewritten members;
 * same conventions as renderWeakParentMembers.
 */
export function renderWeakRefHelper(
  options: { className: string; typescript: boolean; jsdoc?: boolean; sharing?: WeakRefSharing; style?: Partial<WeakParentStyle> },
  indent: string,
  eol = '\n',
  indentUnit: string = indent.includes('\t') ? '\t' : '  ',
): string {
  const style = { ...SUGGESTION_STYLE, ...options.style };
  const end = style.semicolons ? ';' : '';
  const ts = options.typescript;
  const inner = indentUnit;
  const jsdoc = !ts && options.jsdoc === true;
  const signature = [
    ...(jsdoc ? ['/**', ' * @template {object} T', ' * @param {T} target', ' * @returns {WeakRef<T>}', ' */'] : []),
    ts ? `static ${WEAK_REF_HELPER}<T extends object>(target: T): WeakRef<T> {` : `static ${WEAK_REF_HELPER}(target) {`,
  ];
  const cast = (expression: string): string => (ts ? `${expression} as WeakRef<T>` : jsdoc ? `/** @type {WeakRef<T>} */ (${expression})` : expression);
  if ((options.sharing ?? 'slot') === 'slot') {
    const slot = `target.${WEAK_REF_SLOT}`;
    const slotLines = [
      ...(jsdoc ? ['/** @type {WeakRef<object> | undefined} */'] : []),
      ts ? `${WEAK_REF_SLOT}: WeakRef<object> | undefined${end}` : `${WEAK_REF_SLOT}${end}`,
      ...signature,
      `${inner}if (!(${WEAK_REF_SLOT} in target)) return new WeakRef(target)${end}`,
      `${inner}${slot} ??= new WeakRef(target)${end}`,
      `${inner}return ${cast(slot)}${end}`,
      '}',
    ];
    return parensAsStyled(slotLines.join(eol + indent), style);
  }
  const map = `${options.className}.${WEAK_REF_MAP}`;
  const lines = [
    ...(jsdoc ? ['/** @type {WeakMap<object, WeakRef<object>>} */'] : []),
    ts ? `static ${WEAK_REF_MAP} = new WeakMap<object, WeakRef<object>>()${end}` : `static ${WEAK_REF_MAP} = new WeakMap()${end}`,
    ...signature,
    `${inner}let ref = ${map}.get(target)${end}`,
    `${inner}if (ref === undefined) {`,
    `${inner}${inner}ref = new WeakRef(target)${end}`,
    `${inner}${inner}${map}.set(target, ref)${end}`,
    `${inner}}`,
    `${inner}return ${cast('ref')}${end}`,
    '}',
  ];
  return parensAsStyled(lines.join(eol + indent), style);
}

/**
 * Expression text that stores `valueText` in the store, for constructor writes of readonly
 * fields and for parameter properties. `valueText` is evaluated exactly once.
 */
export function renderWeakParentStoreWrite(field: WeakParentField, valueText: string): string {
  return parensOfWrapper(`this.${weakParentStoreName(field.fieldName, field.storage)} = ${wrapExpression(field, valueText, false)}`, valueText, styleOf(field));
}

/** Expression text that turns `valueText` into the store's value, evaluating it once. */
export function renderWeakParentStoreValue(field: WeakParentField, valueText: string): string {
  return parensOfWrapper(wrapExpression(field, valueText, false), valueText, styleOf(field));
}

/**
 * The spacing of `parensAsStyled` for text that embeds the user's `valueText`, which is left as
 * it was written: a `/` there may start a regular expression, whose parentheses are not code.
 */
function parensOfWrapper(text: string, valueText: string, style: WeakParentStyle): string {
  return valueText.includes('/') ? text : parensAsStyled(text, style);
}

/** Expression text that installs the own accessor on `this`, for `accessor: 'own'`. */
export function renderWeakParentOwnDefinition(field: WeakParentField): string {
  const style = styleOf(field);
  return parensAsStyled(
    `Object.defineProperty(this, ${quote(field.fieldName, style.quote)}, ${field.className}.${weakParentOwnPropertyName(field.fieldName)})`,
    style,
  );
}

/**
 * `text` with a space inside every non-empty pair of parentheses when the style asks for it
 * (`f( x )`, `if ( ref == null )`), leaving string literals and parentheses that already have
 * one as they are, so that text already written that way comes back unchanged.
 */
function parensAsStyled(text: string, style: WeakParentStyle): string {
  if (!style.spaceInParens) return text;
  let out = '';
  let quoteMark: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quoteMark !== undefined) {
      out += char;
      if (char === '\\') {
        out += text.charAt(index + 1);
        index += 1;
      } else if (char === quoteMark) quoteMark = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quoteMark = char;
    const next = text.charAt(index + 1);
    const previous = text.charAt(index - 1);
    if (char === ')' && previous !== '(' && !/\s/.test(previous)) out += ' ';
    out += char;
    if (char === '(' && next !== ')' && next !== '' && !/\s/.test(next)) out += ' ';
  }
  return out;
}

/** `#defineParent`: the method the store's initializer calls to install the own accessor. */
function ownDefinerName(fieldName: string): string {
  return `#define${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}`;
}

function storeDeclaration(field: WeakParentField, style: WeakParentStyle): string {
  const name = weakParentStoreName(field.fieldName, field.storage);
  const ts = field.typescript;
  const modifiers: string[] = [];
  if (ts && field.storage === 'underscore') modifiers.push('private');
  if (ts && field.readonly) modifiers.push('readonly');

  let value: string | undefined;
  if (field.initializer !== undefined) value = wrapExpression(field, field.initializer, false);
  if (field.accessor === 'own' && field.ownDefinedInConstructor !== true) {
    // Defined where the field was, so that the instance's keys keep their order.
    value = `this.${ownDefinerName(field.fieldName)}(${value ?? 'undefined'})`;
  }
  let annotation = '';
  if (ts) {
    // Without an initializer a store that cannot start empty is written by the constructor
    // through the setter, which strictPropertyInitialization cannot see.
    const startsEmpty = field.initializer === undefined && !(field.accessor === 'own' && field.ownDefinedInConstructor !== true);
    const definite = startsEmpty && !field.undefinable && field.onCollected !== 'undefined' ? '!' : '';
    const storeType =
      !startsEmpty && field.initializer === undefined && !field.undefinable ? `${storeTypeText(field)} | undefined` : storeTypeText(field);
    annotation = `${definite}: ${storeType}`;
  }
  return `${modifiers.map((m) => `${m} `).join('')}${name}${annotation}${value === undefined ? '' : ` = ${value}`}${style.semicolons ? ';' : ''}`;
}

function hasEmpty(field: WeakParentField): boolean {
  return field.nullable || field.undefinable;
}

function targetTypeText(field: WeakParentField): string {
  return field.targetType ?? 'object';
}

/** Types whose text would change meaning when followed by `| null`. */
function needsParentheses(typeText: string): boolean {
  return /=>|\bextends\b|\binfer\b|^\s*(?:new|abstract)\b|^\s*(?:keyof|typeof|unique)\b.*\|/.test(typeText);
}

function emptyTypes(field: WeakParentField, collectedIsUndefined = false): string {
  return `${field.nullable ? ' | null' : ''}${field.undefinable || collectedIsUndefined ? ' | undefined' : ''}`;
}

function declaredTypeText(field: WeakParentField, forGetter = false): string {
  const collected = forGetter && field.onCollected === 'undefined';
  const target = targetTypeText(field);
  if (!hasEmpty(field) && !collected) return target;
  return `${needsParentheses(target) ? `(${target})` : target}${emptyTypes(field, collected)}`;
}

function storeTypeText(field: WeakParentField): string {
  return `WeakRef<${targetTypeText(field)}>${emptyTypes(field)}`;
}

/**
 * `text`, an empty value the code has just tested with `== null`, as the code hands it on. Without
 * strictNullChecks that test does not narrow its type, so it is cast to the empty type.
 */
function emptyAsIs(field: WeakParentField, text: string, inConditional: boolean): string {
  if (field.emptyCast !== true) return text;
  const emptyType = field.nullable ? 'null' : 'undefined';
  if (field.typescript) return inConditional ? `(${text} as ${emptyType})` : `${text} as ${emptyType}`;
  return field.jsdoc === undefined ? text : `/** @type {${emptyType}} */ (${text})`;
}

/** Literal empty values need no WeakRef and no temporary. */
function emptyLiteral(text: string): 'null' | 'undefined' | undefined {
  const trimmed = text.trim();
  if (trimmed === 'null') return 'null';
  if (trimmed === 'undefined' || /^void\s+0$/.test(trimmed)) return 'undefined';
  return undefined;
}

/** Reading these twice has no side effect and gives the same value. */
function isSimpleReference(text: string): boolean {
  return /^(?:this|[A-Za-z_$][\w$]*)(?:\s*\.\s*#?[A-Za-z_$][\w$]*)*$/.test(text.trim());
}

function newRef(field: WeakParentField, text: string): string {
  return field.shareRef === true && field.storage === 'private' ? `${field.className}.${WEAK_REF_HELPER}(${text})` : `new WeakRef(${text})`;
}

function wrapExpression(field: WeakParentField, valueText: string, isParameter: boolean): string {
  const literal = emptyLiteral(valueText);
  if (literal !== undefined) return literal;
  // Guarded even when the declared type excludes null/undefined: `new WeakRef(undefined)` throws,
  // where the old field simply held the value.
  if (isParameter || isSimpleReference(valueText)) {
    const text = isSimpleReference(valueText) ? valueText.trim() : `(${valueText})`;
    return `${text} == null ? ${emptyAsIs(field, text, true)} : ${newRef(field, text)}`;
  }
  // A general expression goes through a parameter so that it is evaluated once. With a style,
  // the arrow's body is parenthesised the way Prettier and Biome print it.
  const body = `value == null ? ${emptyAsIs(field, 'value', true)} : ${newRef(field, 'value')}`;
  const wrapped = field.style === undefined ? body : `(${body})`;
  if (field.typescript) {
    const parameterType = declaredTypeText(field);
    return `((value: ${parameterType}): ${storeTypeText(field)} => ${wrapped})(${valueText})`;
  }
  if (field.jsdoc !== undefined) return `((/** @type {${declaredTypeText(field)}} */ value) => ${wrapped})(${valueText})`;
  return `((value) => ${wrapped})(${valueText})`;
}

function quote(text: string, mark: "'" | '"' = "'"): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
  return mark === "'" ? `'${escaped.replace(/'/g, "\\'")}'` : `"${escaped.replace(/"/g, '\\"')}"`;
}
