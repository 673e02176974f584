/**
 * jscodeshift transform `weak-parent`: turns strong `parent` fields of classes into a private
 * WeakRef store behind a getter that throws a ReferenceError once the parent has been collected.
 *
 * The source is parsed once; the rewrite is applied as text edits on the original source, so
 * everything outside the rewritten members stays byte-for-byte as it was. The member text comes
 * from src/weak-parent-rewrite.ts, which the `no-strong-parent-reference` rule's suggestion
 * shares.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import getParser from 'jscodeshift/src/getParser.js';

import {
  renderWeakParentMembers,
  renderWeakParentStoreWrite,
  weakParentStoreName,
  type WeakParentField,
  type WeakParentStorage,
} from '../src/weak-parent-rewrite.js';

export const DEFAULT_FIELDS: readonly string[] = ['parent'];

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
const KNOWN_PARSERS = new Set(['babel', 'babylon', 'flow', 'ts', 'tsx']);

/** A file could not be parsed; the message starts with `path:line:column:`. */
export class WeakParentParseError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(path: string, line: number, column: number, reason: string) {
    super(`${path}:${String(line)}:${String(column)}: cannot parse: ${reason}`);
    this.name = 'WeakParentParseError';
    this.line = line;
    this.column = column;
  }
}

export interface WeakParentReport {
  line: number;
  message: string;
}

export interface WeakParentResult {
  /** The rewritten source, or the input when nothing was rewritten. */
  output: string;
  /** Members left alone on purpose, and code to review by hand. */
  reports: WeakParentReport[];
  /** Number of fields rewritten. */
  rewritten: number;
}

/** Field names from the `fields` option: a comma-separated string or an array. */
export function parseFieldsOption(value: unknown): string[] {
  let names: string[];
  if (value === undefined || value === null || value === '') return [...DEFAULT_FIELDS];
  if (Array.isArray(value)) names = value.map(String);
  else if (typeof value === 'string') names = value.split(',');
  else throw new TypeError('The `fields` option must be a comma-separated list of field names.');
  names = names.map((name) => name.trim()).filter((name) => name !== '');
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new TypeError(`The field name ${JSON.stringify(name)} is not a JavaScript identifier.`);
    }
  }
  return names.length === 0 ? [...DEFAULT_FIELDS] : names;
}

export function parseStorageOption(value: unknown): WeakParentStorage {
  if (value === undefined || value === null || value === '' || value === 'private') return 'private';
  if (value === 'underscore') return 'underscore';
  throw new TypeError('The `storage` option must be `private` or `underscore`.');
}

function extensionOf(path: string): string {
  const match = /\.[^./\\]+$/.exec(path);
  return match ? match[0].toLowerCase() : '';
}

/** Declaration files hold no code to rewrite, and accessors with bodies are not allowed there. */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?tsx?$/i.test(path) || /\.d\.[^.]+\.ts$/i.test(path);
}

/**
 * The parser for a file: an explicit `parser` option wins, except jscodeshift's default
 * `babel`, which cannot read TypeScript; otherwise ts/tsx from the extension, babel for JS.
 */
export function parserForPath(path: string, requested?: unknown): string {
  if (typeof requested === 'string' && requested !== 'babel' && KNOWN_PARSERS.has(requested)) return requested;
  const extension = extensionOf(path);
  if (extension === '.tsx') return 'tsx';
  if (TYPESCRIPT_EXTENSIONS.has(extension)) return 'ts';
  return 'babel';
}

/** Cheap text test run before parsing: can the file contain one of the fields at all? */
export function mentionsField(source: string, fields: readonly string[]): boolean {
  return fields.some((name) => {
    let index = source.indexOf(name);
    while (index !== -1) {
      const before = index === 0 ? '' : source.charAt(index - 1);
      const after = source.charAt(index + name.length);
      if (!/[\w$]/.test(before) && !/[\w$]/.test(after)) return true;
      index = source.indexOf(name, index + 1);
    }
    return false;
  });
}

export default function transform(file: FileInfo, api: Pick<API, 'report'>, options: Options): string | undefined {
  const fields = parseFieldsOption(options.fields);
  if (isDeclarationFile(file.path) || !mentionsField(file.source, fields)) return undefined;
  const storage = parseStorageOption(options.storage);
  const parserName = parserForPath(file.path, options.parser);
  // The raw Babel AST of jscodeshift's own parsers: offsets are exact source indexes (recast's
  // copy of the tree shifts them on lines with tabs), and nothing is built that is not used.
  const parser = getParser(parserName);
  const parse = (source: string): unknown => parser.parse(source);

  const program = parseWith(file.path, file.source, parse);
  const result = rewriteWeakParents(file.source, program, {
    path: file.path,
    fields,
    storage,
    typescript: TYPESCRIPT_EXTENSIONS.has(extensionOf(file.path)),
  });
  for (const report of result.reports) {
    api.report(`${file.path}:${String(report.line)}: ${report.message}`);
  }
  if (result.output === file.source) return undefined;
  // Never hand back text that does not parse: the file would be left broken on disk.
  parseWith(file.path, result.output, parse, 'the rewritten text does not parse (please report this file): ');
  return result.output;
}

function parseWith(path: string, source: string, parse: (text: string) => unknown, what = ''): AstNode {
  try {
    return asNode(parse(source)) ?? { type: 'File' };
  } catch (error) {
    const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
    const line = typeof loc?.line === 'number' ? loc.line : 1;
    const column = typeof loc?.column === 'number' ? loc.column + 1 : 1;
    const reason = error instanceof Error ? error.message : String(error);
    throw new WeakParentParseError(path, line, column, `${what}${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The rewrite proper, on the Babel AST (plain or with the estree plugin, which jscodeshift's
// `babel` parser uses).

interface AstNode {
  type: string;
  start?: number | null;
  end?: number | null;
  range?: [number, number] | null;
  loc?: { start: { line: number; column: number } } | null;
}

export interface RewriteContext {
  path: string;
  fields: readonly string[];
  storage: WeakParentStorage;
  typescript: boolean;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  seq: number;
}

const SKIPPED_KEYS = new Set([
  'loc',
  'start',
  'end',
  'range',
  'extra',
  'tokens',
  'comments',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'type',
]);

function asNode(value: unknown): AstNode | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
    ? (value as AstNode)
    : undefined;
}

function get(node: AstNode | undefined, key: string): unknown {
  return node === undefined ? undefined : (node as unknown as Record<string, unknown>)[key];
}

function child(node: AstNode | undefined, key: string): AstNode | undefined {
  return asNode(get(node, key));
}

function children(node: AstNode | undefined, key: string): AstNode[] {
  const value = get(node, key);
  if (!Array.isArray(value)) return [];
  const nodes: AstNode[] = [];
  for (const item of value as unknown[]) {
    const itemNode = asNode(item);
    if (itemNode) nodes.push(itemNode);
  }
  return nodes;
}

function flag(node: AstNode | undefined, key: string): boolean {
  return get(node, key) === true;
}

function text(node: AstNode | undefined, key: string): string | undefined {
  const value = get(node, key);
  return typeof value === 'string' ? value : undefined;
}

function forEachChild(node: AstNode, visit: (childNode: AstNode) => void): void {
  for (const key of Object.keys(node)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        const itemNode = asNode(item);
        if (itemNode) visit(itemNode);
      }
    } else {
      const valueNode = asNode(value);
      if (valueNode) visit(valueNode);
    }
  }
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);
const CLASS_TYPES = new Set(['ClassDeclaration', 'ClassExpression']);
const FIELD_TYPES = new Set(['ClassProperty', 'PropertyDefinition', 'ClassAccessorProperty', 'AccessorProperty']);
const METHOD_TYPES = new Set(['ClassMethod', 'MethodDefinition', 'TSDeclareMethod', 'ClassPrivateMethod', 'TSAbstractMethodDefinition']);
const PRIVATE_FIELD_TYPES = new Set(['ClassPrivateProperty']);

function isThis(node: AstNode | undefined): boolean {
  return node?.type === 'ThisExpression';
}

function stringValue(node: AstNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral' || node.type === 'Literal') {
    const value = get(node, 'value');
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function privateKeyName(key: AstNode | undefined): string | undefined {
  if (key?.type === 'PrivateName') return text(child(key, 'id'), 'name');
  if (key?.type === 'PrivateIdentifier') return text(key, 'name');
  return undefined;
}

/** The public name of a class member's key, or undefined when computed or private. */
function memberName(member: AstNode): string | undefined {
  const key = child(member, 'key');
  if (flag(member, 'computed')) return stringValue(key);
  if (key?.type === 'Identifier') return text(key, 'name');
  return stringValue(key);
}

function memberPrivateName(member: AstNode): string | undefined {
  return privateKeyName(child(member, 'key'));
}

/** `this.name`, `this['name']` or `this.#name` (as `#name`). */
function thisMemberName(node: AstNode | undefined): string | undefined {
  if (!node || (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression')) return undefined;
  if (!isThis(child(node, 'object'))) return undefined;
  const property = child(node, 'property');
  const privateName = privateKeyName(property);
  if (privateName !== undefined) return `#${privateName}`;
  if (flag(node, 'computed')) return stringValue(property);
  return property?.type === 'Identifier' ? text(property, 'name') : undefined;
}

function methodKind(member: AstNode): string | undefined {
  return text(member, 'kind');
}

/** For estree's MethodDefinition the function is `value`; Babel puts params and body on the member. */
function methodFunction(member: AstNode): AstNode {
  return member.type === 'MethodDefinition' || member.type === 'TSAbstractMethodDefinition'
    ? (child(member, 'value') ?? member)
    : member;
}

// Babel gives `start`/`end`; ESTree parsers such as flow give `range` instead.
function start(node: AstNode): number {
  return node.start ?? node.range?.[0] ?? 0;
}

function end(node: AstNode): number {
  return node.end ?? node.range?.[1] ?? start(node);
}

function lineOf(node: AstNode): number {
  return node.loc?.start.line ?? 1;
}

interface ClassUsage {
  /** `this.name = …` and compound assignments, by name. */
  writes: Map<string, AstNode[]>;
  deletes: Map<string, AstNode[]>;
  /** Code that enumerates or copies the instance's own properties. */
  enumerations: { node: AstNode; what: string }[];
  /** Names read or written as `this.x` (private ones as `#x`). */
  touched: Set<string>;
}

const ENUMERATING_CALLS = new Map<string, Set<string>>([
  ['Object', new Set(['keys', 'values', 'entries', 'assign', 'getOwnPropertyNames', 'getOwnPropertyDescriptors', 'hasOwn'])],
  ['Reflect', new Set(['ownKeys'])],
  ['JSON', new Set(['stringify'])],
]);

function calleeText(callee: AstNode | undefined): string | undefined {
  if (!callee) return undefined;
  if (callee.type === 'Identifier') return text(callee, 'name');
  if (callee.type === 'MemberExpression' && !flag(callee, 'computed')) {
    const object = child(callee, 'object');
    const property = child(callee, 'property');
    if (object?.type === 'Identifier' && property?.type === 'Identifier') {
      return `${text(object, 'name') ?? ''}.${text(property, 'name') ?? ''}`;
    }
  }
  return undefined;
}

function collectUsage(classNode: AstNode): ClassUsage {
  const usage: ClassUsage = { writes: new Map(), deletes: new Map(), enumerations: [], touched: new Set() };
  const add = (map: Map<string, AstNode[]>, name: string, node: AstNode): void => {
    const list = map.get(name);
    if (list) list.push(node);
    else map.set(name, [node]);
  };

  const visit = (node: AstNode): void => {
    // Functions and classes inside the class body bind their own `this`.
    if (FUNCTION_TYPES.has(node.type) || CLASS_TYPES.has(node.type)) return;
    switch (node.type) {
      case 'AssignmentExpression': {
        const name = thisMemberName(child(node, 'left'));
        if (name !== undefined) add(usage.writes, name, node);
        break;
      }
      case 'UnaryExpression': {
        const name = text(node, 'operator') === 'delete' ? thisMemberName(child(node, 'argument')) : undefined;
        if (name !== undefined) add(usage.deletes, name, node);
        break;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = thisMemberName(node);
        if (name !== undefined) usage.touched.add(name);
        break;
      }
      case 'CallExpression': {
        const callee = calleeText(child(node, 'callee'));
        const args = children(node, 'arguments');
        if (callee !== undefined && args.some(isThis)) {
          const [objectName, method] = callee.split('.');
          if (
            callee === 'structuredClone' ||
            (objectName !== undefined && method !== undefined && ENUMERATING_CALLS.get(objectName)?.has(method) === true)
          ) {
            usage.enumerations.push({ node, what: `${callee}(this)` });
          }
        }
        break;
      }
      case 'SpreadElement':
      case 'SpreadProperty':
        if (isThis(child(node, 'argument'))) usage.enumerations.push({ node, what: '...this' });
        break;
      case 'ForInStatement':
        if (isThis(child(node, 'right'))) usage.enumerations.push({ node, what: 'for (… in this)' });
        break;
      default:
        break;
    }
    forEachChild(node, visit);
  };

  for (const member of children(child(classNode, 'body'), 'body')) {
    if (flag(member, 'static') || member.type === 'StaticBlock') continue;
    if (METHOD_TYPES.has(member.type)) {
      const fn = methodFunction(member);
      for (const param of children(fn, 'params')) visit(param);
      const body = child(fn, 'body');
      if (body) visit(body);
    } else if (FIELD_TYPES.has(member.type) || PRIVATE_FIELD_TYPES.has(member.type)) {
      const value = child(member, 'value');
      if (value) visit(value);
    }
  }
  return usage;
}

/** Where the rewrite of one class stands, for reports. */
interface ClassInfo {
  node: AstNode;
  name: string;
  ambient: boolean;
}

function collectClasses(program: AstNode): ClassInfo[] {
  const classes: ClassInfo[] = [];
  const visit = (node: AstNode, parent: AstNode | undefined, ambient: boolean): void => {
    let inAmbient = ambient;
    if ((node.type === 'TSModuleDeclaration' || node.type === 'TSDeclareFunction') && flag(node, 'declare')) {
      inAmbient = true;
    }
    if (CLASS_TYPES.has(node.type)) {
      classes.push({ node, name: className(node, parent), ambient: inAmbient || flag(node, 'declare') });
    }
    forEachChild(node, (childNode) => {
      visit(childNode, node, inAmbient);
    });
  };
  visit(program, undefined, false);
  return classes;
}

function className(node: AstNode, parent: AstNode | undefined): string {
  const own = text(child(node, 'id'), 'name');
  if (own !== undefined) return own;
  if (parent?.type === 'VariableDeclarator') {
    const id = child(parent, 'id');
    if (id?.type === 'Identifier') return text(id, 'name') ?? '(anonymous class)';
  }
  if (parent?.type === 'AssignmentExpression') {
    const left = child(parent, 'left');
    if (left?.type === 'Identifier') return text(left, 'name') ?? '(anonymous class)';
    const property = child(left, 'property');
    if (left?.type === 'MemberExpression' && property?.type === 'Identifier') {
      return text(property, 'name') ?? '(anonymous class)';
    }
  }
  return '(anonymous class)';
}

// ------------------------------------------------------------------ TypeScript type analysis

interface TargetType {
  text: string;
  nullable: boolean;
  undefinable: boolean;
}

type TypeVerdict = { ok: true; type: TargetType } | { ok: false; silent: boolean; reason: string };

const PRIMITIVE_WRAPPERS = new Set(['String', 'Number', 'Boolean', 'Symbol', 'BigInt']);
const OBJECT_TYPE_NODES = new Set([
  'TSTypeLiteral',
  'TSFunctionType',
  'TSConstructorType',
  'TSArrayType',
  'TSTupleType',
  'TSTypeQuery',
  'TSImportType',
  'TSObjectKeyword',
  'TSMappedType',
]);

function unwrapParens(node: AstNode | undefined): AstNode | undefined {
  let current = node;
  while (current?.type === 'TSParenthesizedType') current = child(current, 'typeAnnotation');
  return current;
}

function typeParameterName(param: AstNode): string | undefined {
  const name = get(param, 'name');
  if (typeof name === 'string') return name;
  return text(asNode(name), 'name');
}

function typeReferenceName(node: AstNode): string | undefined {
  const typeName = child(node, 'typeName');
  return typeName?.type === 'Identifier' ? text(typeName, 'name') : undefined;
}

/** Whether values of the type are always objects, as WeakRef requires. */
function isObjectType(node: AstNode | undefined, typeParams: Map<string, AstNode | undefined>, depth = 0): boolean {
  const type = unwrapParens(node);
  if (!type || depth > 8) return false;
  if (OBJECT_TYPE_NODES.has(type.type)) return true;
  switch (type.type) {
    case 'TSTypeReference': {
      const name = typeReferenceName(type);
      if (name === undefined) return true; // qualified names: namespaces export classes far more than primitives
      if (PRIMITIVE_WRAPPERS.has(name)) return false;
      if (typeParams.has(name)) {
        const constraint = typeParams.get(name);
        return constraint !== undefined && isObjectType(constraint, typeParams, depth + 1);
      }
      return true;
    }
    case 'TSIntersectionType':
      return children(type, 'types').some((part) => isObjectType(part, typeParams, depth + 1));
    case 'TSUnionType':
      return children(type, 'types').every((part) => isObjectType(part, typeParams, depth + 1));
    case 'TSTypeOperator':
      return text(type, 'operator') === 'readonly' && isObjectType(child(type, 'typeAnnotation'), typeParams, depth + 1);
    default:
      return false;
  }
}

function isWeakRefType(node: AstNode | undefined): boolean {
  const type = unwrapParens(node);
  if (type?.type !== 'TSTypeReference') return false;
  const name = typeReferenceName(type);
  return name === 'WeakRef';
}

function analyseType(
  source: string,
  annotation: AstNode | undefined,
  optional: boolean,
  typeParams: Map<string, AstNode | undefined>,
): TypeVerdict {
  const type = unwrapParens(child(annotation, 'typeAnnotation'));
  if (!type) {
    return { ok: false, silent: false, reason: 'it has no declared type, so the getter and the store cannot be typed' };
  }
  const parts = type.type === 'TSUnionType' ? children(type, 'types').map((part) => unwrapParens(part) ?? part) : [type];
  let nullable = false;
  let undefinable = optional;
  const targets: AstNode[] = [];
  for (const part of parts) {
    if (part.type === 'TSNullKeyword') nullable = true;
    else if (part.type === 'TSUndefinedKeyword') undefinable = true;
    else targets.push(part);
  }
  if (targets.some(isWeakRefType)) return { ok: false, silent: true, reason: 'it already holds a WeakRef' };
  if (targets.length === 0 || !targets.every((target) => isObjectType(target, typeParams))) {
    const typeText = source.slice(start(type), end(type));
    return {
      ok: false,
      silent: false,
      reason: `its type \`${typeText}\` is not known to hold only objects, and a WeakRef can only refer to an object`,
    };
  }
  const textParts = targets.map((target) => source.slice(start(target), end(target)));
  return { ok: true, type: { text: textParts.join(' | '), nullable, undefinable } };
}

// ------------------------------------------------------------------------- formatting helpers

function detectEol(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

function detectIndentUnit(source: string): string {
  let smallest = Infinity;
  const lines = source.split('\n', 400);
  for (const line of lines) {
    const match = /^([ \t]+)(\S)/.exec(line);
    if (!match) continue;
    const [, lead = '', first] = match;
    if (first === '*') continue; // continuation lines of block comments
    if (lead.startsWith('\t')) return '\t';
    smallest = Math.min(smallest, lead.length);
  }
  return smallest === Infinity || smallest < 2 ? '  ' : ' '.repeat(Math.min(smallest, 8));
}

function lineIndent(source: string, offset: number): { indent: string; alone: boolean } {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const prefix = source.slice(lineStart, offset);
  const indent = /^[ \t]*/.exec(prefix)?.[0] ?? '';
  return { indent, alone: indent.length === prefix.length };
}

/**
 * Start of a member including the comments right above it, so that inserted members go above
 * them. Read from the text, because not every parser attaches comments to nodes.
 */
function startWithComments(source: string, node: AstNode): number {
  let position = start(node);
  for (;;) {
    let before = position;
    while (before > 0 && /\s/.test(source.charAt(before - 1))) before -= 1;
    if (source.startsWith('*/', before - 2)) {
      const open = source.lastIndexOf('/*', before - 2);
      // Only a comment on lines of its own; one that ends a line of code belongs to that code.
      if (open === -1 || !lineIndent(source, open).alone) break;
      position = open;
      continue;
    }
    const lineStart = source.lastIndexOf('\n', before - 1) + 1;
    if (before > lineStart && source.slice(lineStart, before).trimStart().startsWith('//')) {
      position = lineStart + (/^[ \t]*/.exec(source.slice(lineStart, before))?.[0].length ?? 0);
      continue;
    }
    break;
  }
  return position;
}

// ---------------------------------------------------------------------------------- the rewrite

/** Rewrites every target field of every class in an already parsed file. */
export function rewriteWeakParents(source: string, program: AstNode, context: RewriteContext): WeakParentResult {
  const edits: Edit[] = [];
  const reports: WeakParentReport[] = [];
  const eol = detectEol(source);
  const unit = detectIndentUnit(source);
  let rewritten = 0;
  let seq = 0;
  const addEdit = (editStart: number, editEnd: number, editText: string): void => {
    edits.push({ start: editStart, end: editEnd, text: editText, seq: seq++ });
  };

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
  for (const info of classes) {
    if (info.ambient) continue;
    const members = children(child(info.node, 'body'), 'body');
    const typeParams = new Map<string, AstNode | undefined>();
    for (const param of children(child(info.node, 'typeParameters'), 'params')) {
      const name = typeParameterName(param);
      if (name !== undefined) typeParams.set(name, child(param, 'constraint'));
    }
    const constructorMember = members.find(
      (member) => METHOD_TYPES.has(member.type) && methodKind(member) === 'constructor' && child(methodFunction(member), 'body'),
    );

    for (const fieldName of context.fields) {
      const storeName = weakParentStoreName(fieldName, context.storage);
      const instanceMembers = members.filter((member) => !flag(member, 'static'));
      const named = instanceMembers.filter((member) => memberName(member) === fieldName);
      const accessors = named.filter((member) => METHOD_TYPES.has(member.type));
      // Our own output: a getter that reads the store. A second run leaves it as it is.
      if (
        accessors.some(
          (member) => methodKind(member) === 'get' && source.slice(start(member), end(member)).includes(`this.${storeName}`),
        )
      ) {
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
      const leaveAlone = (reason: string, at: AstNode = subject): void => {
        reports.push({ line: lineOf(at), message: `${info.name}.${fieldName} left alone: ${reason}.` });
      };

      const chain = chains.verdict(info, fieldName);
      if (chain?.kind === 'inherited') continue;
      if (chain) {
        leaveAlone(
          `its ${chain.relation} ${chain.other.name} at line ${String(lineOf(chain.other.node))} has \`${fieldName}\` too (${chain.how}), and an accessor and a field cannot override each other, so no class of this chain is rewritten for \`${fieldName}\`; make one class own the field (remove the other declarations), then rerun`,
        );
        continue;
      }

      if (children(declaration, 'decorators').length > 0 || children(parameterProperty, 'decorators').length > 0) {
        leaveAlone('it is decorated, and a decorator may rely on it being a plain field; rewrite it by hand if the decorator allows');
        continue;
      }
      if (declaration && (declaration.type === 'ClassAccessorProperty' || declaration.type === 'AccessorProperty')) {
        leaveAlone('it is an `accessor` field; rewrite it by hand');
        continue;
      }
      if (flag(declaration, 'override') || flag(parameterProperty, 'override')) {
        leaveAlone('it overrides a field of a base class, and an accessor cannot override a property; rewrite the base class field first');
        continue;
      }
      if (accessors.length > 0) {
        leaveAlone(`the class already has a \`${fieldName}\` method or accessor`);
        continue;
      }
      const clash = members.find((member) =>
        storeName.startsWith('#') ? memberPrivateName(member) === storeName.slice(1) : memberName(member) === storeName,
      );
      if (clash || (!storeName.startsWith('#') && usage.touched.has(storeName))) {
        leaveAlone(`the class already uses the name \`${storeName}\`, which the rewrite needs for the WeakRef store`, clash ?? subject);
        continue;
      }
      const byName = reflective.get(fieldName);
      if (byName) {
        leaveAlone(
          `line ${String(lineOf(byName))} looks for an own property named '${fieldName}' (comparing a key or asking for own properties), and after the rewrite \`${fieldName}\` is no longer an own property; review that code, then rewrite by hand`,
        );
        continue;
      }
      const deletion = usage.deletes.get(fieldName)?.[0];
      if (deletion) {
        leaveAlone(
          `\`delete this.${fieldName}\` at line ${String(lineOf(deletion))} would no longer empty it once it is an accessor; set it to null/undefined instead, then rerun`,
        );
        continue;
      }
      const enumeration = usage.enumerations[0];
      if (enumeration) {
        leaveAlone(
          `the class enumerates or copies its own properties (\`${enumeration.what}\` at line ${String(lineOf(enumeration.node))}), and after the rewrite \`${fieldName}\` is no longer an own property; review that code, then rewrite by hand`,
        );
        continue;
      }
      if (writes.some((write) => isNewWeakRef(child(write, 'right'))) || isNewWeakRef(child(declaration, 'value'))) {
        continue; // already a hand-made WeakRef
      }

      let type: TargetType | undefined;
      if (context.typescript) {
        const typed = parameterProperty ? parameterIdentifier(parameterProperty) : declaration;
        const verdict = analyseType(source, child(typed, 'typeAnnotation'), flag(typed, 'optional'), typeParams);
        if (!verdict.ok) {
          if (!verdict.silent) leaveAlone(verdict.reason);
          continue;
        }
        type = verdict.type;
      } else {
        const primitive = [child(declaration, 'value'), ...writes.map((write) => child(write, 'right'))].find(isPrimitiveLiteral);
        if (primitive) {
          leaveAlone(`it is given a primitive value at line ${String(lineOf(primitive))}, and a WeakRef can only refer to an object`);
          continue;
        }
      }

      const readonly = flag(declaration, 'readonly') || flag(parameterProperty, 'readonly');
      const constructorWrites = readonly && constructorMember ? writesIn(constructorMember, fieldName) : [];
      if (readonly && constructorWrites.some((write) => text(write, 'operator') !== '=')) {
        leaveAlone('its constructor updates it with a compound assignment, which a getter-only accessor cannot take');
        continue;
      }

      const accessibility = text(declaration ?? parameterProperty, 'accessibility');
      const value = child(declaration, 'value');
      const field: WeakParentField = {
        className: info.name,
        fieldName,
        nullable: type ? type.nullable : true,
        undefinable: type ? type.undefinable : true,
        readonly,
        storage: context.storage,
        typescript: context.typescript,
        declareStore: context.storage === 'private' || context.typescript || !assignedOnly,
      };
      if (type) field.targetType = type.text;
      if (accessibility === 'public' || accessibility === 'protected' || accessibility === 'private') {
        field.accessibility = accessibility;
      }
      if (value) field.initializer = source.slice(start(value), end(value));

      if (declaration) {
        const { indent } = lineIndent(source, start(declaration));
        addEdit(start(declaration), end(declaration), renderWeakParentMembers(field, indent, eol, unit));
        for (const write of constructorWrites) {
          const right = child(write, 'right');
          if (right) addEdit(start(write), end(write), renderWeakParentStoreWrite(field, source.slice(start(right), end(right))));
        }
      } else if (parameterProperty && constructorMember) {
        const parameter = child(parameterProperty, 'parameter');
        const body = child(methodFunction(constructorMember), 'body');
        if (!parameter || !body) continue;
        const placement = storeWritePlacement(info.node, body);
        if (!placement) {
          leaveAlone('the constructor calls `super()` inside another statement, so there is no safe place to store the parameter');
          continue;
        }
        const insertAt = startWithComments(source, constructorMember);
        const { indent } = lineIndent(source, insertAt);
        addEdit(insertAt, insertAt, renderWeakParentMembers(field, indent, eol, unit) + eol + eol + indent);
        addEdit(start(parameterProperty), end(parameterProperty), source.slice(start(parameter), end(parameter)));
        const parameterName = text(parameterIdentifier(parameterProperty), 'name') ?? fieldName;
        const write = `${renderWeakParentStoreWrite(field, parameterName)};`;
        placeStoreWrite(source, body, placement, write, indent, unit, eol, addEdit);
        // A readonly parameter property may still be assigned again in the constructor.
        for (const constructorWrite of constructorWrites) {
          const right = child(constructorWrite, 'right');
          if (right) {
            addEdit(start(constructorWrite), end(constructorWrite), renderWeakParentStoreWrite(field, source.slice(start(right), end(right))));
          }
        }
      } else {
        const anchor = constructorMember ?? members[0];
        if (!anchor) continue;
        const insertAt = startWithComments(source, anchor);
        const { indent } = lineIndent(source, insertAt);
        addEdit(insertAt, insertAt, renderWeakParentMembers(field, indent, eol, unit) + eol + eol + indent);
      }
      rewritten += 1;
    }
  }

  return { output: applyEdits(source, edits), reports, rewritten };
}

const EQUALITY_OPERATORS = new Set(['===', '==', '!==', '!=']);
const OWN_PROPERTY_CALLS = /(?:^|\.)(?:hasOwnProperty|hasOwn|getOwnPropertyDescriptor|propertyIsEnumerable)$/;

/**
 * Code that treats a field as an own property by its name, such as a copy loop that checks
 * `key === 'parent'` or `hasOwnProperty('parent')`. Such code usually walks instances through
 * another variable, so the per-class `this` checks cannot see it.
 */
function reflectiveUses(program: AstNode, fields: readonly string[]): Map<string, AstNode> {
  const found = new Map<string, AstNode>();
  const visit = (node: AstNode): void => {
    let candidates: AstNode[] = [];
    if (node.type === 'BinaryExpression' && EQUALITY_OPERATORS.has(text(node, 'operator') ?? '')) {
      candidates = [child(node, 'left'), child(node, 'right')].filter((operand) => operand !== undefined);
    } else if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
      const callee = child(node, 'callee');
      const property = child(callee, 'property');
      const name = callee?.type === 'Identifier' ? text(callee, 'name') : text(property, 'name');
      if (name !== undefined && OWN_PROPERTY_CALLS.test(name)) candidates = children(node, 'arguments');
    }
    for (const candidate of candidates) {
      const value = stringValue(candidate);
      if (value !== undefined && fields.includes(value) && !found.has(value)) found.set(value, candidate);
    }
    forEachChild(node, visit);
  };
  visit(program);
  return found;
}

/** How a class holds a target field itself, for the inheritance check. */
interface FieldHold {
  how: string;
  /** Only `this.name = …` writes in a JS class, without a declaration. */
  assignedOnly: boolean;
}

/** A class of the same file, above or below this one, that holds the same field. */
type ChainVerdict = { kind: 'inherited' } | { kind: 'conflict'; other: ClassInfo; relation: 'base class' | 'subclass'; how: string };

/**
 * Same-file inheritance: which classes extend which (by the base class's name; every class of
 * that name counts, since scopes are not resolved), and which classes hold a field themselves.
 * An accessor and a field of the same name cannot override each other (TypeScript rejects it;
 * in JS a base constructor's write reaches the subclass's setter before the subclass's private
 * store exists), so a chain where two classes hold the field is left alone as a whole.
 */
class InheritanceChains {
  private readonly bases = new Map<ClassInfo, ClassInfo[]>();
  private readonly subclasses = new Map<ClassInfo, ClassInfo[]>();
  private readonly holds = new Map<string, FieldHold | undefined>();
  private readonly ids = new Map<ClassInfo, number>();

  constructor(
    classes: readonly ClassInfo[],
    private readonly typescript: boolean,
    private readonly storeNames: ReadonlyMap<string, string>,
    private readonly usageOf: (info: ClassInfo) => ClassUsage,
  ) {
    const byName = new Map<string, ClassInfo[]>();
    classes.forEach((info, index) => {
      this.ids.set(info, index);
      const list = byName.get(info.name);
      if (list) list.push(info);
      else byName.set(info.name, [info]);
    });
    for (const info of classes) {
      const superClass = child(info.node, 'superClass');
      const baseName = superClass?.type === 'Identifier' ? text(superClass, 'name') : undefined;
      const bases = (baseName === undefined ? [] : (byName.get(baseName) ?? [])).filter((base) => base !== info);
      this.bases.set(info, bases);
      for (const base of bases) {
        const list = this.subclasses.get(base);
        if (list) list.push(info);
        else this.subclasses.set(base, [info]);
      }
    }
  }

  verdict(info: ClassInfo, fieldName: string): ChainVerdict | undefined {
    const own = this.hold(info, fieldName);
    if (!own) return undefined;
    const base = this.nearest(info, this.bases, (other) => this.hold(other, fieldName) !== undefined);
    // `this.parent = …` in a JS subclass writes the base class's field: nothing of its own to rewrite.
    if (base && own.assignedOnly) return { kind: 'inherited' };
    if (base) return { kind: 'conflict', other: base, relation: 'base class', how: this.hold(base, fieldName)?.how ?? '' };
    const subclass = this.nearest(info, this.subclasses, (other) => this.hold(other, fieldName)?.assignedOnly === false);
    if (subclass) {
      return { kind: 'conflict', other: subclass, relation: 'subclass', how: this.hold(subclass, fieldName)?.how ?? '' };
    }
    return undefined;
  }

  /** Breadth first, so the closest related class is named; cycles in broken code end the walk. */
  private nearest(
    from: ClassInfo,
    edges: ReadonlyMap<ClassInfo, ClassInfo[]>,
    test: (other: ClassInfo) => boolean,
  ): ClassInfo | undefined {
    const seen = new Set<ClassInfo>([from]);
    let layer = edges.get(from) ?? [];
    while (layer.length > 0) {
      const next: ClassInfo[] = [];
      for (const other of layer) {
        if (seen.has(other)) continue;
        seen.add(other);
        if (test(other)) return other;
        next.push(...(edges.get(other) ?? []));
      }
      layer = next;
    }
    return undefined;
  }

  private hold(info: ClassInfo, fieldName: string): FieldHold | undefined {
    const key = `${String(this.ids.get(info))}:${fieldName}`;
    if (this.holds.has(key)) return this.holds.get(key);
    const found = this.findHold(info, fieldName);
    this.holds.set(key, found);
    return found;
  }

  private findHold(info: ClassInfo, fieldName: string): FieldHold | undefined {
    const members = children(child(info.node, 'body'), 'body').filter((member) => !flag(member, 'static'));
    const isAbstract = (member: AstNode): boolean =>
      flag(member, 'abstract') || member.type === 'TSAbstractPropertyDefinition' || member.type === 'TSAbstractMethodDefinition';
    // An abstract member has no runtime half: an accessor or a field can implement it.
    const named = members.filter((member) => memberName(member) === fieldName && !isAbstract(member));
    const storeName = this.storeNames.get(fieldName) ?? '';
    if (named.some((member) => METHOD_TYPES.has(member.type) && methodKind(member) === 'get' && this.readsStore(member, storeName))) {
      return { how: 'as the accessor of an earlier run of this codemod', assignedOnly: false };
    }
    const field = named.find((member) => FIELD_TYPES.has(member.type));
    if (field) return { how: flag(field, 'declare') ? 'as a `declare` field' : 'as a field', assignedOnly: false };
    if (named.some((member) => METHOD_TYPES.has(member.type))) return { how: 'as a method or accessor', assignedOnly: false };
    const constructorMember = members.find((member) => METHOD_TYPES.has(member.type) && methodKind(member) === 'constructor');
    if (constructorMember && findParameterProperty(constructorMember, fieldName)) {
      return { how: 'as a parameter property', assignedOnly: false };
    }
    if (!this.typescript && (this.usageOf(info).writes.get(fieldName)?.length ?? 0) > 0) {
      return { how: `by assigning \`this.${fieldName}\``, assignedOnly: true };
    }
    return undefined;
  }

  private readsStore(getter: AstNode, storeName: string): boolean {
    let found = false;
    const visit = (node: AstNode): void => {
      if (found) return;
      if (thisMemberName(node) === storeName) found = true;
      else forEachChild(node, visit);
    };
    visit(getter);
    return found;
  }
}

function isNewWeakRef(node: AstNode | undefined): boolean {
  if (node?.type !== 'NewExpression') return false;
  const callee = child(node, 'callee');
  return callee?.type === 'Identifier' && text(callee, 'name') === 'WeakRef';
}

function isPrimitiveLiteral(node: AstNode | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'BigIntLiteral':
    case 'TemplateLiteral':
      return true;
    case 'Literal': {
      const value = get(node, 'value');
      return value !== null && typeof value !== 'object';
    }
    default:
      return false;
  }
}

function parameterIdentifier(parameterProperty: AstNode): AstNode | undefined {
  const parameter = child(parameterProperty, 'parameter');
  return parameter?.type === 'AssignmentPattern' ? child(parameter, 'left') : parameter;
}

function findParameterProperty(constructorMember: AstNode, fieldName: string): AstNode | undefined {
  return children(methodFunction(constructorMember), 'params').find(
    (param) => param.type === 'TSParameterProperty' && text(parameterIdentifier(param), 'name') === fieldName,
  );
}

/** Top-level `this.name = …` statements of a constructor. */
function writesIn(constructorMember: AstNode, fieldName: string): AstNode[] {
  const found: AstNode[] = [];
  const visit = (node: AstNode): void => {
    if (FUNCTION_TYPES.has(node.type) || CLASS_TYPES.has(node.type) || node.type === 'ArrowFunctionExpression') return;
    if (node.type === 'AssignmentExpression' && thisMemberName(child(node, 'left')) === fieldName) found.push(node);
    forEachChild(node, visit);
  };
  const body = child(methodFunction(constructorMember), 'body');
  if (body) forEachChild(body, visit);
  return found;
}

type Placement = { kind: 'start' } | { kind: 'after'; statement: AstNode };

/** TypeScript stores parameter properties right after `super()`, or first thing without a base. */
function storeWritePlacement(classNode: AstNode, body: AstNode): Placement | undefined {
  if (!child(classNode, 'superClass')) return { kind: 'start' };
  const statement = children(body, 'body').find((candidate) => {
    const expression = candidate.type === 'ExpressionStatement' ? child(candidate, 'expression') : undefined;
    return expression?.type === 'CallExpression' && child(expression, 'callee')?.type === 'Super';
  });
  return statement ? { kind: 'after', statement } : undefined;
}

function placeStoreWrite(
  source: string,
  body: AstNode,
  placement: Placement,
  write: string,
  memberIndent: string,
  unit: string,
  eol: string,
  addEdit: (editStart: number, editEnd: number, editText: string) => void,
): void {
  if (placement.kind === 'after') {
    const { indent } = lineIndent(source, start(placement.statement));
    addEdit(end(placement.statement), end(placement.statement), eol + indent + write);
    return;
  }
  const statements = children(body, 'body');
  const directives = children(body, 'directives');
  const lastDirective = directives[directives.length - 1];
  const first = statements[0];
  if (lastDirective) {
    const { indent } = lineIndent(source, start(lastDirective));
    addEdit(end(lastDirective), end(lastDirective), eol + indent + write);
  } else if (first) {
    const { indent, alone } = lineIndent(source, start(first));
    addEdit(start(first), start(first), alone ? write + eol + indent : `${write} `);
  } else {
    const inner = source.slice(start(body) + 1, end(body) - 1);
    if (inner.trim() === '') {
      addEdit(start(body) + 1, end(body) - 1, eol + memberIndent + unit + write + eol + memberIndent);
    } else {
      // Only comments in the body: keep them, write first.
      addEdit(start(body) + 1, start(body) + 1, eol + memberIndent + unit + write);
    }
  }
}

function applyEdits(source: string, edits: Edit[]): string {
  if (edits.length === 0) return source;
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end || b.seq - a.seq);
  let output = source;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) {
      throw new Error(`weak-parent produced overlapping edits at offset ${String(edit.start)}; please report this file.`);
    }
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
    limit = edit.start;
  }
  return output;
}
