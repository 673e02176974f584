/**
 * The rewrite proper: every target field of every class of an already parsed file, as text
 * edits on the original source. Decisions (what to refuse, which storage) come from the other
 * modules of this folder; the member text comes from src/weak-parent-rewrite.ts.
 */
import {
  renderWeakParentMembers,
  renderWeakParentOwnDefinition,
  renderWeakParentStoreWrite,
  renderWeakRefHelper,
  type Strictness,
  WEAK_REF_HELPER,
  WEAK_REF_MAP,
  WEAK_REF_SLOT,
  weakParentOwnPropertyName,
  weakParentStoreName,
  type WeakParentAccessor,
  type WeakParentField,
  type WeakParentOnCollected,
  type WeakParentStorage,
  type WeakParentStyle,
  type WeakRefSharing,
} from '../../src/weak-parent-rewrite.js';
import { refusalText, type WeakParentRefusal } from '../../src/weak-parent-refusals.js';
import {
  METHOD_TYPES,
  FIELD_TYPES,
  child,
  children,
  classMembers,
  end,
  flag,
  lineOf,
  memberName,
  memberPrivateName,
  methodFunction,
  methodKind,
  sourceOf,
  start,
  text,
  thisMemberName,
  type AstNode,
} from '../lib/ast.js';
import { lineIndent, startWithComments } from '../lib/positions.js';
import { TextEdits } from '../lib/text-edits.js';
import { collectClasses, type ClassInfo } from './classes.js';
import {
  findParameterProperty,
  isNewWeakRef,
  isPrimitiveLiteral,
  parameterIdentifier,
  placeStoreWrite,
  storeWritePlacement,
  writesIn,
} from './constructor.js';
import { childEscapes } from './escapes.js';
import { singleCounterpart } from './pairs.js';
import { InheritanceChains } from './inheritance.js';
import { jsdocTemplateNames, jsdocTypeBefore } from '../lib/jsdoc.js';
import { analyseJsdocType, analyseType, typeParameterName, type TargetType } from './types.js';
import { collectUsage, reflectiveUses, type ClassUsage } from './usage.js';

export interface WeakParentReport {
  line: number;
  /** `left-alone`: a field that was not rewritten; `notice`: what a rewrite means for callers. */
  kind: 'left-alone' | 'notice';
  message: string;
}

export interface WeakParentResult {
  /** The rewritten source, or the input when nothing was rewritten. */
  output: string;
  reports: WeakParentReport[];
  /** Number of fields rewritten. */
  rewritten: number;
}

/** One field to rewrite, for callers that decide the fields themselves (e.g. from type information). */
export interface FieldTarget {
  fieldName: string;
  /** Offset of the field's declaration, parameter property or first `this.field =` write. */
  start: number;
}

/** How TypeScript checks a JavaScript file: what makes it check it (as refusals name it), and which checks are on. */
export interface CheckedJs extends Strictness {
  from: string;
}

export interface RewriteContext {
  path: string;
  fields: readonly string[];
  storage: WeakParentStorage;
  typescript: boolean;
  /** How all children of a parent share one WeakRef (private storage only); undefined: a WeakRef per child. */
  sharing: WeakRefSharing | undefined;
  onCollected: WeakParentOnCollected;
  accessor: WeakParentAccessor;
  style: WeakParentStyle;
  eol: '\n' | '\r\n';
  indentUnit: string;
  /** When given, only these fields are rewritten; the others named in `fields` are left as they are, silently. */
  targets?: readonly FieldTarget[];
  /** A reason that applies to every field of the file (the project cannot build the rewrite). */
  refuseAll?: WeakParentRefusal;
  /** The project type-checks with strictNullChecks (also when nothing says: the cautious answer is the plain getter). */
  strictNullChecks?: boolean;
  /** Set for a JavaScript file that TypeScript type-checks; the added members are then typed with JSDoc. */
  checkedJs?: CheckedJs;
  /** Where the project's test snapshots print a field as an own property (see ../lib/snapshots.ts). */
  snapshotListing?: (fieldName: string) => { file: string; line: number } | undefined;
}

export function rewriteWeakParents(source: string, program: AstNode, context: RewriteContext): WeakParentResult {
  const edits = new TextEdits();
  const reports: WeakParentReport[] = [];
  const { eol, indentUnit: unit } = context;
  let rewritten = 0;

  const classes = collectClasses(program);
  if (classes.length === 0) return { output: source, reports, rewritten };
  const usages = new Map<ClassInfo, ClassUsage>();
  const usageOf = (info: ClassInfo): ClassUsage => {
    let found = usages.get(info);
    if (!found) {
      found = collectUsage(info.node);
      usages.set(info, found);
    }
    return found;
  };
  const storeNames = new Map(context.fields.map((fieldName) => [fieldName, weakParentStoreName(fieldName, context.storage)]));
  const chains = new InheritanceChains(classes, context.typescript, storeNames, usageOf);
  const reflective = reflectiveUses(program, context.fields);
  const targetStarts = context.targets ? new Set(context.targets.map((target) => `${target.fieldName}@${String(target.start)}`)) : undefined;

  for (const info of classes) {
    if (info.ambient) continue;
    const members = classMembers(info.node);
    const typeParams = new Map<string, AstNode | undefined>();
    for (const param of children(child(info.node, 'typeParameters'), 'params')) {
      const name = typeParameterName(param);
      if (name !== undefined) typeParams.set(name, child(param, 'constraint'));
    }
    const constructorMember = members.find(
      (member) => METHOD_TYPES.has(member.type) && methodKind(member) === 'constructor' && child(methodFunction(member), 'body'),
    );
    const sharing = context.sharing !== undefined && context.storage === 'private' && info.selfNamed && canShare(source, info, members);
    const helperPresent = members.some((member) => memberPrivateName(member) === WEAK_REF_HELPER.slice(1));
    let rewrittenHere = 0;
    let shared = false;
    // The helper is typed with JSDoc when the file is type-checked with noImplicitAny or a field
    // says its type that way. Without noImplicitAny, TypeScript reads JSDoc's `object` as `any`,
    // so the helper's `@template {object} T` would not type-check; untyped, it does.
    let jsdocTyped = context.checkedJs?.noImplicitAny === true;
    let templates: Set<string> | undefined;
    const nodeTypes: string[] = [];
    const rewrittenFields: string[] = [];

    for (const fieldName of context.fields) {
      const storeName = weakParentStoreName(fieldName, context.storage);
      const instanceMembers = members.filter((member) => !flag(member, 'static'));
      const named = instanceMembers.filter((member) => memberName(member) === fieldName);
      const accessors = named.filter((member) => METHOD_TYPES.has(member.type));
      // Our own output: a getter that reads the store. A second run leaves it as it is.
      if (accessors.some((member) => methodKind(member) === 'get' && sourceOf(source, member).includes(`this.${storeName}`))) {
        continue;
      }
      const declaration = named.find((member) => FIELD_TYPES.has(member.type));
      const parameterProperty = constructorMember ? findParameterProperty(constructorMember, fieldName) : undefined;
      const usage = usageOf(info);
      const writes = usage.writes.get(fieldName) ?? [];
      const assignedOnly = !declaration && !parameterProperty && !context.typescript && writes.length > 0;
      if (!declaration && !parameterProperty && !assignedOnly) continue;
      if (declaration && (flag(declaration, 'declare') || flag(declaration, 'abstract') || declaration.type === 'TSAbstractPropertyDefinition')) {
        continue;
      }

      const subject = declaration ?? parameterProperty ?? writes[0];
      if (!subject) continue;
      if (targetStarts && !targetStarts.has(`${fieldName}@${String(start(subject))}`)) continue;
      const leaveAlone = (refusal: WeakParentRefusal, at: AstNode = subject): void => {
        reports.push({ line: lineOf(at), kind: 'left-alone', message: `${info.name}.${fieldName} left alone: ${refusalText(refusal)}.` });
      };

      const chain = chains.verdict(info, fieldName);
      if (chain?.kind === 'inherited') continue;
      if (chain) {
        leaveAlone({
          kind: 'inherited-conflict',
          relation: chain.relation,
          other: chain.other.name,
          line: lineOf(chain.other.node),
          how: chain.how,
          field: fieldName,
        });
        continue;
      }
      if (children(declaration, 'decorators').length > 0 || children(parameterProperty, 'decorators').length > 0) {
        leaveAlone({ kind: 'decorated' });
        continue;
      }
      if (declaration && (declaration.type === 'ClassAccessorProperty' || declaration.type === 'AccessorProperty')) {
        leaveAlone({ kind: 'accessor-field' });
        continue;
      }
      if (flag(declaration, 'override') || flag(parameterProperty, 'override')) {
        leaveAlone({ kind: 'overridden' });
        continue;
      }
      if (accessors.length > 0) {
        leaveAlone({ kind: 'existing-accessor', field: fieldName });
        continue;
      }
      const clash = members.find((member) =>
        storeName.startsWith('#') ? memberPrivateName(member) === storeName.slice(1) : memberName(member) === storeName,
      );
      if (clash || (!storeName.startsWith('#') && usage.touched.has(storeName))) {
        leaveAlone({ kind: 'name-clash', name: storeName }, clash ?? subject);
        continue;
      }
      const ownName = weakParentOwnPropertyName(fieldName);
      if (context.accessor === 'own' && members.some((member) => memberPrivateName(member) === ownName.slice(1))) {
        leaveAlone({ kind: 'name-clash', name: ownName });
        continue;
      }
      if (context.accessor === 'own' && !info.selfNamed) {
        leaveAlone({ kind: 'anonymous-own-accessor' });
        continue;
      }
      if (context.accessor === 'own' && children(info.node, 'decorators').length > 0) {
        leaveAlone({ kind: 'decorated-own-accessor' });
        continue;
      }
      // An own accessor keeps `parent` an own, enumerable property: reflection sees it as before.
      const byName = context.accessor === 'own' ? undefined : reflective.get(fieldName);
      if (byName) {
        leaveAlone({ kind: 'own-property-by-name', field: fieldName, line: lineOf(byName) });
        continue;
      }
      const deletion = usage.deletes.get(fieldName)?.[0];
      if (deletion) {
        leaveAlone({ kind: 'delete', field: fieldName, line: lineOf(deletion) });
        continue;
      }
      const enumeration = context.accessor === 'own' ? undefined : usage.enumerations[0];
      if (enumeration) {
        leaveAlone({ kind: 'enumerates-own-properties', field: fieldName, what: enumeration.what, line: lineOf(enumeration.node) });
        continue;
      }
      const listed = context.accessor === 'own' ? undefined : context.snapshotListing?.(fieldName);
      if (listed) {
        leaveAlone({ kind: 'listed-in-snapshot', field: fieldName, ...listed });
        continue;
      }
      if (writes.some((write) => isNewWeakRef(child(write, 'right'))) || isNewWeakRef(child(declaration, 'value'))) {
        continue; // already a hand-made WeakRef
      }

      let type: TargetType | undefined;
      let jsdocOnField = false;
      let jsdocText: string | undefined;
      if (context.typescript) {
        const typed = parameterProperty ? parameterIdentifier(parameterProperty) : declaration;
        const verdict = analyseType(source, child(typed, 'typeAnnotation'), flag(typed, 'optional'), typeParams);
        if (!verdict.ok) {
          if (!verdict.silent) leaveAlone(verdict.refusal);
          continue;
        }
        type = verdict.type;
      } else {
        const primitive = [child(declaration, 'value'), ...writes.map((write) => child(write, 'right'))].find(isPrimitiveLiteral);
        if (primitive) {
          leaveAlone({ kind: 'primitive-value', line: lineOf(primitive) });
          continue;
        }
        // A JSDoc `@type` above the field, or else above a `this.field = …` statement.
        const jsdoc = declaration
          ? { text: jsdocTypeBefore(source, start(declaration)), onField: true }
          : { text: writes.map((write) => jsdocTypeBefore(source, start(write))).find((found) => found !== undefined), onField: false };
        if (jsdoc.text !== undefined) {
          templates ??= jsdocTemplateNames(source, start(info.node));
          const verdict = analyseJsdocType(jsdoc.text, templates);
          if (!verdict.ok) {
            if (!verdict.silent) leaveAlone(verdict.refusal);
            continue;
          }
          type = verdict.type;
          jsdocOnField = jsdoc.onField;
          jsdocText = jsdoc.text;
        } else if (context.checkedJs && (context.checkedJs.noImplicitAny || context.checkedJs.strictNullChecks)) {
          // Untyped members are `any` (noImplicitAny) and an untyped `#parent = null` store is
          // `null` (strictNullChecks); with neither check on, untyped members pass as before.
          leaveAlone({ kind: 'checked-js', why: 'untyped', from: context.checkedJs.from });
          continue;
        }
      }

      // Without type information, a WeakRef to one of several kinds of object may be the only
      // reference to it; the type-aware mode (with targets) judges such fields itself.
      if (type && type.kinds > 1 && !context.targets) {
        leaveAlone({ kind: 'several-kinds', typeText: type.text });
        continue;
      }
      const checked = context.checkedJs;
      if (type && checked) {
        const why = checked.strictPropertyInitialization && !child(declaration, 'value') && !type.undefinable
          ? 'starts-unassigned'
          : checked.strictNullChecks && context.onCollected === 'undefined' && !type.undefinable
            ? 'on-collected-undefined'
            : undefined;
        if (why !== undefined) {
          leaveAlone({ kind: 'checked-js', why, from: checked.from });
          continue;
        }
      }

      // Without types to say which way ownership runs, a `child` beside `parent` makes the two a
      // 1:1 pair, not a tree; the type-aware mode (with targets) judges such fields itself.
      const pair = context.targets ? undefined : singleCounterpart(source, instanceMembers, constructorMember, usage.writes, fieldName, type?.names);
      if (pair) {
        leaveAlone({ kind: 'peer', field: pair.field, line: pair.line });
        continue;
      }

      const readonly = flag(declaration, 'readonly') || flag(parameterProperty, 'readonly');
      const constructorWrites = readonly && constructorMember ? writesIn(constructorMember, fieldName) : [];
      if (readonly && constructorWrites.some((write) => text(write, 'operator') !== '=')) {
        leaveAlone({ kind: 'compound-readonly-write' });
        continue;
      }
      if (parameterProperty && constructorMember) {
        const body = child(methodFunction(constructorMember), 'body');
        if (body && !storeWritePlacement(info.node, body)) {
          leaveAlone({ kind: 'super-in-statement' });
          continue;
        }
      }
      if (context.refuseAll) {
        leaveAlone(context.refuseAll);
        continue;
      }

      const accessibility = text(declaration ?? parameterProperty, 'accessibility');
      const value = child(declaration, 'value');
      const field: WeakParentField = {
        className: info.name,
        fieldName,
        nullable: type ? type.nullable : true,
        // A collected parent reads as undefined, so undefined is a value of the field now.
        undefinable: (type ? type.undefinable : true) || context.onCollected === 'undefined',
        readonly,
        storage: context.storage,
        typescript: context.typescript,
        declareStore: context.storage === 'private' || context.typescript || !assignedOnly || context.accessor === 'own',
        onCollected: context.onCollected,
        shareRef: sharing,
        accessor: context.accessor,
        style: context.style,
      };
      // The own accessor's store is defined by the field's initializer, so it holds `undefined`
      // until the constructor writes the parent, which a declared type without `undefined`
      // does not admit (the getter would no longer type-check).
      if (declaration && !value && context.accessor === 'own' && context.typescript && !field.undefinable) {
        leaveAlone({ kind: 'own-accessor-starts-undefined' });
        continue;
      }
      if (context.strictNullChecks === false && (context.typescript || type !== undefined)) field.emptyCast = true;
      if (type) {
        field.targetType = type.text;
        nodeTypes.push(...type.names);
        if (!context.typescript) {
          // The JSDoc above a declared field stays above the getter and types it; one written on a
          // `this.field = …` statement does not, so the getter gets its own.
          field.jsdoc = jsdocOnField ? 'store' : 'getter-and-store';
          if (!jsdocOnField && jsdocText !== undefined) field.jsdocText = jsdocText;
          jsdocTyped = true;
        }
      }
      if (accessibility === 'public' || accessibility === 'protected' || accessibility === 'private') {
        field.accessibility = accessibility;
      }
      if (value) field.initializer = sourceOf(source, value);

      if (declaration) {
        const { indent } = lineIndent(source, start(declaration));
        // A file without semicolons guards a member that starts with `*`, `[` or `(` with a `;`
        // on the next line, and the parser counts that `;` as part of the field before it.
        const guard = /\r?\n[ \t]*;$/.exec(sourceOf(source, declaration))?.[0];
        let members = renderWeakParentMembers(field, indent, eol, unit);
        if (guard !== undefined) members = members.endsWith(';') ? members + guard.slice(0, -1) : members + guard;
        edits.add(start(declaration), end(declaration), members);
        for (const write of constructorWrites) {
          const right = child(write, 'right');
          if (right) edits.add(start(write), end(write), renderWeakParentStoreWrite(field, sourceOf(source, right)));
        }
      } else if (parameterProperty && constructorMember) {
        const parameter = child(parameterProperty, 'parameter');
        const body = child(methodFunction(constructorMember), 'body');
        const placement = body ? storeWritePlacement(info.node, body) : undefined;
        if (!parameter || !body || !placement) continue;
        const insertAt = startWithComments(source, constructorMember);
        const { indent } = lineIndent(source, insertAt);
        edits.insert(insertAt, renderWeakParentMembers(field, indent, eol, unit) + eol + eol + indent);
        edits.add(start(parameterProperty), end(parameterProperty), sourceOf(source, parameter));
        const parameterName = text(parameterIdentifier(parameterProperty), 'name') ?? fieldName;
        const write = `${renderWeakParentStoreWrite(field, parameterName)}${context.style.semicolons ? ';' : ''}`;
        placeStoreWrite(source, body, placement, write, indent, unit, eol, edits);
        // A readonly parameter property may still be assigned again in the constructor.
        for (const constructorWrite of constructorWrites) {
          const right = child(constructorWrite, 'right');
          if (right) edits.add(start(constructorWrite), end(constructorWrite), renderWeakParentStoreWrite(field, sourceOf(source, right)));
        }
      } else {
        const anchor = constructorMember ?? members[0];
        if (!anchor) continue;
        // Without semicolons, a store line before a member starting with `*`, `[` or `(` would run into it.
        const hazard = !context.style.semicolons && /^[*[(]/.test(sourceOf(source, anchor));
        const firstWrite = context.accessor === 'own' && constructorMember ? firstStatementWrite(constructorMember, fieldName) : undefined;
        if (firstWrite) {
          field.ownDefinedInConstructor = true;
          const { indent } = lineIndent(source, start(firstWrite));
          edits.insert(start(firstWrite), `${renderWeakParentOwnDefinition(field)}${context.style.semicolons ? ';' : ''}${eol}${indent}`);
        }
        const insertAt = startWithComments(source, anchor);
        const { indent } = lineIndent(source, insertAt);
        edits.insert(insertAt, renderWeakParentMembers(field, indent, eol, unit) + (hazard ? ';' : '') + eol + eol + indent);
      }
      rewritten += 1;
      rewrittenHere += 1;
      if (field.shareRef === true) shared = true;
      rewrittenFields.push(fieldName);
    }

    if (rewrittenHere === 0) continue;
    const typedHelper = jsdocTyped && context.checkedJs?.noImplicitAny !== false;
    if (shared && !helperPresent) insertHelper(source, info, members, context, edits, typedHelper);
    const escapes = childEscapes(source, info.node, info.name, nodeTypes, context.fields, usageOf(info).writes.keys());
    reports.push({ line: lineOf(info.node), kind: 'notice', message: noticeText(info.name, rewrittenFields, escapes, context.onCollected) });
  }

  return { output: edits.apply(source), reports, rewritten };
}

function noticeText(className: string, fields: readonly string[], escapes: readonly string[], onCollected: WeakParentOnCollected): string {
  const subject = fields.map((field) => `${className}.${field}`).join(', ');
  const after =
    onCollected === 'throw'
      ? `reading \`.${fields[0] ?? 'parent'}\` on it throws a ReferenceError once the parent is collected`
      : `\`.${fields[0] ?? 'parent'}\` on it reads undefined once the parent is collected`;
  if (escapes.length === 0) {
    return `${subject} rewritten; no public member of ${className} was seen handing out nodes, but any caller that keeps a node and drops its tree sees the change: ${after}.`;
  }
  return `${subject} rewritten; nodes reach callers through ${escapes.join(', ')}: a caller that keeps one and drops its tree now finds that ${after}; for a library this is an API change (choose with --on-collected=throw|undefined).`;
}

/** The first top-level constructor statement that assigns `this.field`, for the own accessor's definition. */
function firstStatementWrite(constructorMember: AstNode, fieldName: string): AstNode | undefined {
  const body = child(methodFunction(constructorMember), 'body');
  return children(body, 'body').find((statement) => {
    const expression = statement.type === 'ExpressionStatement' ? child(statement, 'expression') : undefined;
    return expression?.type === 'AssignmentExpression' && thisMemberName(child(expression, 'left')) === fieldName;
  });
}

/**
 * The helper needs free names (or its own earlier copy, in either form), a closing brace on a
 * line of its own, and a class without decorators: TypeScript's experimentalDecorators reject a
 * decorated class with a static #private member (TS18036).
 */
function canShare(source: string, info: ClassInfo, members: readonly AstNode[]): boolean {
  if (children(info.node, 'decorators').length > 0) return false;
  const has = (name: string): boolean => members.some((member) => memberPrivateName(member) === name.slice(1));
  const helper = has(WEAK_REF_HELPER);
  const slot = has(WEAK_REF_SLOT);
  const map = has(WEAK_REF_MAP);
  if (helper ? slot === map : slot || map) return false;
  const body = child(info.node, 'body');
  if (!body) return false;
  return lineIndent(source, end(body) - 1).alone;
}

function insertHelper(source: string, info: ClassInfo, members: readonly AstNode[], context: RewriteContext, edits: TextEdits, jsdoc: boolean): void {
  const body = child(info.node, 'body');
  if (!body) return;
  const closing = end(body) - 1;
  const { indent: classIndent } = lineIndent(source, closing);
  const firstMember = members[0];
  const memberIndent = firstMember ? lineIndent(source, start(firstMember)).indent : classIndent + context.indentUnit;
  const lineStart = source.lastIndexOf('\n', closing - 1) + 1;
  const helper = renderWeakRefHelper(
    { className: info.name, typescript: context.typescript, jsdoc: !context.typescript && jsdoc, sharing: context.sharing ?? 'slot', style: context.style },
    memberIndent,
    context.eol,
    context.indentUnit,
  );
  // Members kept apart by empty lines get the helper the same way.
  const spaced = members.some((member, index) => {
    const previous = members[index - 1];
    return previous !== undefined && /\n[ \t]*\r?\n/.test(source.slice(end(previous), startWithComments(source, member)));
  });
  // A class that leaves an empty line before its closing brace (three.js's style) keeps it there.
  const previousLine = source.slice(source.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
  if (spaced && members.length > 0 && /^[ \t]*\r?\n$/.test(previousLine)) {
    edits.insert(lineStart, `${memberIndent}${helper}${context.eol}${context.eol}`);
  } else {
    edits.insert(lineStart, `${spaced ? context.eol : ''}${memberIndent}${helper}${context.eol}`);
  }
}
