/**
 * The text of the weak back reference that replaces a strong `parent` field.
 *
 * Shared by the `weak-parent` codemod and the `no-strong-parent-reference` rule's suggestion,
 * so both produce the same code. Pure string work: no parser, no TypeScript dependency.
 */

export type WeakParentStorage = 'private' | 'underscore';

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
  /** Initializer expression text of the original field, if any. */
  initializer?: string;
  /**
   * Declare the store as a class field (default true). A JS class that never declared its
   * field and uses underscore storage may skip it: its target may predate class fields, and
   * the getter treats a missing store as empty.
   */
  declareStore?: boolean;
}

/** `#parent` for private storage, `_parentRef` for underscore storage. */
export function weakParentStoreName(fieldName: string, storage: WeakParentStorage): string {
  return storage === 'private' ? `#${fieldName}` : `_${fieldName}Ref`;
}

/** The message of the ReferenceError the getter throws once the parent has been collected. */
export function weakParentErrorMessage(field: Pick<WeakParentField, 'className' | 'fieldName'>): string {
  return `${field.className}.${field.fieldName} is no longer available: the object it referred to has been garbage-collected.`;
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
  const store = `this.${weakParentStoreName(field.fieldName, field.storage)}`;
  // Lines are joined with `eol + indent`, so body lines only add their own depth.
  const inner = indentUnit;
  const inner2 = indentUnit + indentUnit;
  const ts = field.typescript;
  const lines: string[] = [];

  const modifier = ts && field.accessibility ? `${field.accessibility} ` : '';
  const fieldType = ts ? declaredTypeText(field) : undefined;
  lines.push(`${modifier}get ${field.fieldName}()${fieldType === undefined ? '' : `: ${fieldType}`} {`);
  lines.push(`${inner}const ref = ${store};`);
  // Checked even when the declared type excludes it: without strictNullChecks, or before the
  // constructor has run, the store can still be empty, and the old field then read as empty too.
  lines.push(`${inner}if (ref == null) return ref;`);
  lines.push(`${inner}const target = ref.deref();`);
  lines.push(`${inner}if (target === undefined) {`);
  lines.push(`${inner2}throw new ReferenceError(${quote(weakParentErrorMessage(field))});`);
  lines.push(`${inner}}`);
  lines.push(`${inner}return target;`);
  lines.push('}');

  if (!field.readonly) {
    lines.push(`${modifier}set ${field.fieldName}(value${fieldType === undefined ? '' : `: ${fieldType}`}) {`);
    lines.push(`${inner}${store} = ${wrapExpression(field, 'value', true)};`);
    lines.push('}');
  }

  // The store goes last so that a JSDoc comment above the original field now documents the
  // getter, which is what editors show on hover. Its place among the other fields, which
  // decides when its initializer runs, is the original field's place.
  if (field.declareStore ?? true) {
    lines.push(storeDeclaration(field));
  }

  return lines.join(eol + indent);
}

/**
 * Expression text that stores `valueText` in the store, for constructor writes of readonly
 * fields and for parameter properties. `valueText` is evaluated exactly once.
 */
export function renderWeakParentStoreWrite(field: WeakParentField, valueText: string): string {
  return `this.${weakParentStoreName(field.fieldName, field.storage)} = ${wrapExpression(field, valueText, false)}`;
}

/** Expression text that turns `valueText` into the store's value, evaluating it once. */
export function renderWeakParentStoreValue(field: WeakParentField, valueText: string): string {
  return wrapExpression(field, valueText, false);
}

function storeDeclaration(field: WeakParentField): string {
  const name = weakParentStoreName(field.fieldName, field.storage);
  const ts = field.typescript;
  const modifiers: string[] = [];
  if (ts && field.storage === 'underscore') modifiers.push('private');
  if (ts && field.readonly) modifiers.push('readonly');

  let initializer = '';
  if (field.initializer !== undefined) {
    initializer = ` = ${wrapExpression(field, field.initializer, false)}`;
  }
  let annotation = '';
  if (ts) {
    // Without an initializer a store that cannot start empty is written by the constructor
    // through the setter, which strictPropertyInitialization cannot see.
    const definite = field.initializer === undefined && !field.undefinable ? '!' : '';
    annotation = `${definite}: ${storeTypeText(field)}`;
  }
  return `${modifiers.map((m) => `${m} `).join('')}${name}${annotation}${initializer};`;
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

function emptyTypes(field: WeakParentField): string {
  return `${field.nullable ? ' | null' : ''}${field.undefinable ? ' | undefined' : ''}`;
}

function declaredTypeText(field: WeakParentField): string {
  const target = targetTypeText(field);
  if (!hasEmpty(field)) return target;
  return `${needsParentheses(target) ? `(${target})` : target}${emptyTypes(field)}`;
}

function storeTypeText(field: WeakParentField): string {
  return `WeakRef<${targetTypeText(field)}>${emptyTypes(field)}`;
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

function wrapExpression(field: WeakParentField, valueText: string, isParameter: boolean): string {
  const literal = emptyLiteral(valueText);
  if (literal !== undefined) return literal;
  // Guarded even when the declared type excludes null/undefined: `new WeakRef(undefined)` throws,
  // where the old field simply held the value.
  if (isParameter || isSimpleReference(valueText)) {
    const text = isSimpleReference(valueText) ? valueText.trim() : `(${valueText})`;
    return `${text} == null ? ${text} : new WeakRef(${text})`;
  }
  // A general expression goes through a parameter so that it is evaluated once.
  if (field.typescript) {
    const parameterType = declaredTypeText(field);
    return `((value: ${parameterType}): ${storeTypeText(field)} => value == null ? value : new WeakRef(value))(${valueText})`;
  }
  return `((value) => value == null ? value : new WeakRef(value))(${valueText})`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, '\\n')}'`;
}
