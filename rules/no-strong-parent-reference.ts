import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { ancestorsOf } from '../src/ast/ancestors.js';
import { memberKey, propertyKeyText } from '../src/ast/member-names.js';
import { getThisScope } from '../src/ast/this-scope.js';
import { createRule, ruleDocsUrl } from '../src/create-rule.js';
import { getParserServices } from '../src/parser-services.js';
import { symbolDisplayName, type TypeGraph, typeGraphFor } from '../src/type-graph.js';
import { renderWeakParentMembers, type WeakParentField, weakParentStoreName } from '../src/weak-parent-rewrite.js';

export type Options = [
  {
    backReferenceNames?: string[];
    ignore?: string[];
    checkDeclarationFiles?: boolean;
    maxDepth?: number;
  },
];

export type MessageIds = 'strongParent' | 'strongPeer' | 'useWeakRef';

export const DEFAULT_MAX_DEPTH = 4;

export const DEFAULT_BACK_REFERENCE_NAMES = ['parent', 'parentNode', 'owner', 'ownerDocument', 'container', 'host'];

/** A property that can be the upward half of a strong bidirectional reference. */
interface Candidate {
  /** Where the report goes: the property's name. */
  reportLoc: TSESTree.SourceLocation;
  /** The TypeScript declaration of the property (field, parameter, signature or `this.x` assignment). */
  declaration: ts.Node;
  /** The property's own name node, for the checker. */
  nameNode: ts.Node;
  propertyName: string;
  owner: ts.Symbol;
  ownerName: string;
  /** The ESTree field, when the suggestion can rewrite it. */
  field?: TSESTree.PropertyDefinition;
  /** Type names as written in the annotation (an import may rename what the checker calls it). */
  writtenNames?: readonly string[];
}

/** The downward half found for a candidate. */
interface Finding {
  targetName: string;
  downOwner: string;
  downProperty: string;
  heldName: string;
  viaCollection: boolean;
}

const JS_FILE = /\.(?:c|m)?jsx?$/;
const DECLARATION_FILE = /\.d\.(?:c|m)?ts$|\.d\.[^.]+\.ts$/;

export default createRule<Options, MessageIds>({
  name: 'no-strong-parent-reference',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow strong back references from a child to the object that holds it',
      url: ruleDocsUrl('no-strong-parent-reference'),
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          backReferenceNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Property names that mark the upward side when both sides are single references (1:1, no collection).',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Type names (classes, interfaces, type aliases, also from node_modules) whose properties are not reported and which are never treated as a parent.',
          },
          checkDeclarationFiles: {
            type: 'boolean',
            description: 'Also check declarations inside `.d.ts` files.',
          },
          maxDepth: {
            type: 'integer',
            minimum: 1,
            maximum: 16,
            description: 'How many nested collection layers to look through (`Map<string, Child[]>` is two).',
          },
        },
      },
    ],
    defaultOptions: [
      {
        backReferenceNames: DEFAULT_BACK_REFERENCE_NAMES,
        ignore: [],
        checkDeclarationFiles: false,
        maxDepth: DEFAULT_MAX_DEPTH,
      },
    ],
    messages: {
      strongParent:
        '`{{owner}}.{{property}}` holds its parent `{{target}}` strongly, and `{{downOwner}}.{{downProperty}}` holds `{{held}}`: any child that stays reachable keeps the whole tree alive. Hold the back reference in a WeakRef.',
      strongPeer:
        '`{{owner}}.{{property}}` holds `{{target}}` strongly, and `{{downOwner}}.{{downProperty}}` holds `{{held}}` back: whichever object stays reachable keeps the other alive, and neither side owns the other. Hold the back reference in a WeakRef.',
      useWeakRef:
        'Keep `{{property}}` in a WeakRef behind a getter and setter; the getter throws a ReferenceError once the parent has been collected.',
    },
    languages: ['js/js'],
  },
  create(context, [options]) {
    const filename = context.filename;
    if (DECLARATION_FILE.test(filename) && options.checkDeclarationFiles !== true) return {};

    const services = getParserServices(context);
    const checker = services.program.getTypeChecker();
    const graph = typeGraphFor(services.program, options.maxDepth ?? DEFAULT_MAX_DEPTH);
    const backReferenceNames = new Set(options.backReferenceNames ?? DEFAULT_BACK_REFERENCE_NAMES);
    const ignored = new Set(options.ignore ?? []);
    const isJs = JS_FILE.test(filename);
    const sourceCode = context.sourceCode;
    // `this.x = …` members of JS classes, reported once per class and name.
    const reportedJsMembers = new WeakMap<TSESTree.Node, Set<string>>();

    const check = (candidate: Candidate): void => {
      if (ignored.has(candidate.ownerName)) return;
      if (candidate.writtenNames?.some((name) => ignored.has(name)) === true) return;
      const finding = findDownwardHalf(graph, checker, candidate, backReferenceNames, ignored);
      if (finding === undefined) return;
      const suggestion = candidate.field === undefined ? undefined : buildSuggestion(candidate.field, candidate);
      context.report({
        loc: candidate.reportLoc,
        messageId: finding.viaCollection ? 'strongParent' : 'strongPeer',
        data: {
          owner: candidate.ownerName,
          property: candidate.propertyName,
          target: finding.targetName,
          downOwner: finding.downOwner,
          downProperty: finding.downProperty,
          held: finding.heldName,
        },
        suggest: suggestion === undefined ? [] : [suggestion],
      });
    };

    const buildSuggestion = (
      field: TSESTree.PropertyDefinition,
      candidate: Candidate,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined => {
      // Declarations in a .d.ts file have no bodies to put the accessors' code in.
      if (DECLARATION_FILE.test(filename)) return undefined;
      const text = renderField(field, candidate, isJs, sourceCode, checker, services.esTreeNodeToTSNodeMap);
      if (text === undefined) return undefined;
      return {
        messageId: 'useWeakRef',
        data: { property: candidate.propertyName },
        fix: (fixer) => fixer.replaceText(field, text),
      };
    };

    const ownerOfClass = (classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): [ts.Symbol, string] | undefined => {
      const tsClass = services.esTreeNodeToTSNodeMap.get(classNode);
      const symbol = checker.getTypeAtLocation(tsClass).getSymbol();
      if (symbol === undefined) return undefined;
      return [symbol, classNode.id?.name ?? classNameFromContext(classNode) ?? '(anonymous class)'];
    };

    return {
      // A declared field and an auto-accessor (`accessor parent: Node`) are checked alike; only a
      // field can take the WeakRef rewrite as a suggestion.
      'PropertyDefinition, AccessorProperty'(node: TSESTree.PropertyDefinition | TSESTree.AccessorProperty): void {
        const propertyName = plainName(node);
        if (node.static || propertyName === undefined) return;
        if (isSkippableAnnotation(node.typeAnnotation?.typeAnnotation)) return;
        const owner = ownerOfClass(node.parent.parent);
        if (owner === undefined) return;
        const declaration = services.esTreeNodeToTSNodeMap.get(node);
        check({
          reportLoc: node.key.loc,
          declaration,
          nameNode: declaration.name,
          propertyName,
          owner: owner[0],
          ownerName: owner[1],
          field: node.type === AST_NODE_TYPES.PropertyDefinition ? node : undefined,
          writtenNames: writtenTypeNames(node.typeAnnotation?.typeAnnotation),
        });
      },
      TSParameterProperty(node): void {
        if (node.static) return;
        const parameter = node.parameter.type === AST_NODE_TYPES.AssignmentPattern ? node.parameter.left : node.parameter;
        if (isSkippableAnnotation(parameter.typeAnnotation?.typeAnnotation)) return;
        // constructor function → MethodDefinition → ClassBody → class
        const classNode = node.parent.parent.parent?.parent;
        if (
          classNode?.type !== AST_NODE_TYPES.ClassDeclaration &&
          classNode?.type !== AST_NODE_TYPES.ClassExpression
        ) {
          return;
        }
        const owner = ownerOfClass(classNode);
        if (owner === undefined) return;
        const declaration = services.esTreeNodeToTSNodeMap.get(node);
        check({
          // The identifier's range includes its type annotation; the report covers the name only.
          reportLoc: {
            start: parameter.loc.start,
            end: { line: parameter.loc.start.line, column: parameter.loc.start.column + parameter.name.length },
          },
          declaration,
          nameNode: declaration.name,
          propertyName: parameter.name,
          owner: owner[0],
          ownerName: owner[1],
          writtenNames: writtenTypeNames(parameter.typeAnnotation?.typeAnnotation),
        });
      },
      TSPropertySignature(node): void {
        const propertyName = plainName(node);
        if (node.static || propertyName === undefined) return;
        if (isSkippableAnnotation(node.typeAnnotation?.typeAnnotation)) return;
        const container = node.parent;
        let ownerNode: ts.Node;
        let ownerName: string;
        if (container.type === AST_NODE_TYPES.TSInterfaceBody) {
          ownerNode = services.esTreeNodeToTSNodeMap.get(container.parent);
          ownerName = container.parent.id.name;
        } else if (container.parent.type === AST_NODE_TYPES.TSTypeAliasDeclaration) {
          ownerNode = services.esTreeNodeToTSNodeMap.get(container);
          ownerName = container.parent.id.name;
        } else {
          return;
        }
        const owner = checker.getTypeAtLocation(ownerNode).getSymbol();
        if (owner === undefined) return;
        const declaration = services.esTreeNodeToTSNodeMap.get(node);
        check({
          reportLoc: node.key.loc,
          declaration,
          nameNode: declaration.name,
          propertyName,
          owner,
          ownerName,
          writtenNames: writtenTypeNames(node.typeAnnotation?.typeAnnotation),
        });
      },
      'AssignmentExpression > MemberExpression.left[object.type="ThisExpression"]'(node: TSESTree.MemberExpression): void {
        if (!isJs || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return;
        const scope = getThisScope(node);
        // Only the instance's own members: `this` inside a (non-static) method or the constructor.
        if (scope.kind !== 'instance' || scope.method === undefined) return;
        const classNode = scope.classNode;
        const name = node.property.name;
        const declaredInBody = classNode.body.body.some(
          (member) =>
            (member.type === AST_NODE_TYPES.PropertyDefinition ||
              member.type === AST_NODE_TYPES.MethodDefinition ||
              member.type === AST_NODE_TYPES.AccessorProperty) &&
            plainName(member) === name,
        );
        if (declaredInBody) return;
        let seen = reportedJsMembers.get(classNode);
        if (seen === undefined) {
          seen = new Set();
          reportedJsMembers.set(classNode, seen);
        }
        if (seen.has(name)) return;
        seen.add(name);
        const owner = ownerOfClass(classNode);
        if (owner === undefined) return;
        const access = services.esTreeNodeToTSNodeMap.get(node);
        if (!ts.isPropertyAccessExpression(access)) return;
        check({
          reportLoc: node.property.loc,
          declaration: access.parent,
          nameNode: access.name,
          propertyName: name,
          owner: owner[0],
          ownerName: owner[1],
        });
      },
    };
  },
});

/**
 * Looks for the downward half of a strong pair: the type the candidate points at (or a base
 * type or intersection member of it) holds the candidate's owner, one of its bases or one of
 * its subtypes through another property.
 */
function findDownwardHalf(
  graph: TypeGraph,
  checker: ts.TypeChecker,
  candidate: Candidate,
  backReferenceNames: ReadonlySet<string>,
  ignored: ReadonlySet<string>,
): Finding | undefined {
  const symbol = checker.getSymbolAtLocation(candidate.nameNode);
  if (symbol === undefined) return undefined;
  const ownDeclarations = new Set<ts.Node>(symbol.declarations ?? []);
  ownDeclarations.add(candidate.declaration);
  const declared = checker.getTypeOfSymbol(symbol);
  if (declared.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;

  const targets = graph.objectTargets(checker.getNonNullableType(declared));
  const named = hasBackReferenceName(candidate.propertyName, backReferenceNames);
  let single: Finding | undefined;
  for (const target of targets) {
    // The collection half (`children: Child[]`) and weak references are the other side of the pair.
    if (graph.isWeakContainer(target) || graph.collectionElements(target) !== undefined) continue;
    if (ignored.size > 0 && typeNames(checker, graph, target).some((name) => ignored.has(name))) continue;
    for (const [held, edges] of graph.heldBy(target)) {
      if (!graph.related(held, candidate.owner)) continue;
      // In a tree of one kind of node (the property can point at the owner's kind, or at the kind
      // the collection holds), types cannot tell up from down or sideways: `Object3D.parent` and
      // `ArrowHelper.cone` both point at an Object3D that holds Object3D children. There only a
      // back-reference name marks the upward edge.
      if (!named && isHomogeneous(graph, targets, target, held, candidate.owner)) continue;
      // A collection of a base class of the owner (`bones: Object3D[]`) is weaker evidence than a
      // single reference from the target to the owner's family (`handModel: Object3D`): that makes
      // the two a 1:1 pair, which only a name can orient.
      const discountBase =
        held !== candidate.owner &&
        graph.basesOf(candidate.owner).has(held) &&
        hasSingleEdgeTo(graph, target, candidate.owner, ownDeclarations);
      for (const edge of edges) {
        if (edge.property.declarations?.some((declaration) => ownDeclarations.has(declaration)) === true) continue;
        if (discountBase && edge.viaCollection) continue;
        const targetName = displayName(checker, target, candidate.writtenNames);
        const finding: Finding = {
          targetName,
          downOwner: edge.declaringTypeName.startsWith('(anonymous type') ? targetName : edge.declaringTypeName,
          downProperty: edge.property.getName(),
          heldName: symbolDisplayName(held),
          viaCollection: edge.viaCollection,
        };
        if (edge.viaCollection) return finding;
        single ??= finding;
      }
    }
  }
  // 1:1: with no collection, nothing says which side owns the other but the name.
  return named ? single : undefined;
}

/**
 * `parent`, `parentNode`, `_parentage`, `#owner`: the name, without leading `_` or `#`, starts
 * with one of the configured back-reference names.
 */
function hasBackReferenceName(name: string, backReferenceNames: ReadonlySet<string>): boolean {
  const bare = name.replace(/^[_#]+/, '');
  if (backReferenceNames.has(name) || backReferenceNames.has(bare)) return true;
  for (const candidate of backReferenceNames) {
    if (bare.startsWith(candidate)) return true;
  }
  return false;
}

/**
 * In a tree of one kind of node, types cannot tell up from down or sideways: `Object3D.parent`
 * and `ArrowHelper.cone` both point at an Object3D that holds Object3D children, and an AST
 * node's `left: Statement` points at nodes that hold Statements. The tree is of one kind when the
 * property can point at the owner's kind or at the kind the target holds, or when the target
 * holds its own kind.
 */
function isHomogeneous(
  graph: TypeGraph,
  targets: readonly ts.Type[],
  target: ts.Type,
  held: ts.Symbol,
  owner: ts.Symbol,
): boolean {
  if (targets.some((other) => typeRelatedTo(graph, other, held) || typeRelatedTo(graph, other, owner))) return true;
  for (const [symbol, edges] of graph.heldBy(target)) {
    if (edges.some((edge) => edge.viaCollection) && typeRelatedTo(graph, target, symbol)) return true;
  }
  return false;
}

/** The target holds something of the owner's family through a single (non-collection) property. */
function hasSingleEdgeTo(
  graph: TypeGraph,
  target: ts.Type,
  owner: ts.Symbol,
  ownDeclarations: ReadonlySet<ts.Node>,
): boolean {
  for (const [symbol, edges] of graph.heldBy(target)) {
    if (!graph.related(symbol, owner)) continue;
    const single = edges.some(
      (edge) =>
        !edge.viaCollection &&
        edge.property.declarations?.some((declaration) => ownDeclarations.has(declaration)) !== true,
    );
    if (single) return true;
  }
  return false;
}

function typeRelatedTo(graph: TypeGraph, type: ts.Type, symbol: ts.Symbol): boolean {
  const parts = type.isIntersection() ? type.types : [type];
  return parts.some((part) => {
    const own = part.getSymbol();
    return own !== undefined && graph.related(own, symbol);
  });
}

/** Names a type can be listed under in `ignore`: its own, its alias, its bases', its intersection members'. */
function typeNames(checker: ts.TypeChecker, graph: TypeGraph, type: ts.Type): string[] {
  // The name as written in code can differ from the declaration's (postcss declares `Container_`
  // and exports it as `Container`), so the printed name counts too.
  const names: string[] = [printedName(checker, type)];
  const parts = type.isIntersection() ? [type, ...type.types] : [type];
  for (const part of parts) {
    const symbol = part.getSymbol();
    if (symbol !== undefined) {
      names.push(symbol.getName());
      // A listed class covers its subclasses (ignoring `AsyncScheduler` covers `AsapScheduler`).
      for (const base of graph.basesOf(symbol)) names.push(base.getName());
    }
    const aliasName = part.aliasSymbol?.getName();
    if (aliasName !== undefined) names.push(aliasName);
  }
  return names;
}

function displayName(checker: ts.TypeChecker, type: ts.Type, writtenNames: readonly string[] = []): string {
  if (type.aliasSymbol !== undefined) return type.aliasSymbol.getName();
  const symbol = type.getSymbol();
  if (symbol !== undefined && !type.isIntersection()) {
    const name = symbolDisplayName(symbol);
    // An object literal type without a name of its own is shown as written.
    if (!name.startsWith('(anonymous type')) return name;
  }
  // An instantiated generic alias loses its name in the checker; the annotation still has it.
  const [written] = writtenNames;
  if (writtenNames.length === 1 && written !== undefined) return written;
  return checker.typeToString(type);
}

/** `TreeNode<T>` → `TreeNode`, as the type is written where it is used. */
function printedName(checker: ts.TypeChecker, type: ts.Type): string {
  const text = checker.typeToString(type);
  const angle = text.indexOf('<');
  return angle === -1 ? text : text.slice(0, angle);
}

/** `Parent | null`, `A & B`, `ns.Parent<T>`: the referenced type names at the top of an annotation. */
function writtenTypeNames(annotation: TSESTree.TypeNode | undefined): string[] {
  if (annotation === undefined) return [];
  switch (annotation.type) {
    case AST_NODE_TYPES.TSUnionType:
    case AST_NODE_TYPES.TSIntersectionType:
      return annotation.types.flatMap(writtenTypeNames);
    case AST_NODE_TYPES.TSTypeReference:
      return [
        annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName
          ? annotation.typeName.right.name
          : annotation.typeName.type === AST_NODE_TYPES.Identifier
            ? annotation.typeName.name
            : 'this',
      ];
    default:
      return [];
  }
}

/** A member's name when it is a plain or private name (`parent`, `'parent'`, `#parent`); computed symbol keys give undefined. */
function plainName(member: Parameters<typeof memberKey>[0]): string | undefined {
  const key = memberKey(member);
  return key === undefined || key.kind === 'symbol' ? undefined : propertyKeyText(key);
}

/** Annotations that can never name an object type holding something: spares the checker. */
function isSkippableAnnotation(annotation: TSESTree.TypeNode | undefined): boolean {
  if (annotation === undefined) return false;
  switch (annotation.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSSymbolKeyword:
    case AST_NODE_TYPES.TSAnyKeyword:
    case AST_NODE_TYPES.TSUnknownKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSVoidKeyword:
    case AST_NODE_TYPES.TSNeverKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSFunctionType:
    case AST_NODE_TYPES.TSConstructorType:
      return true;
    case AST_NODE_TYPES.TSTypeReference:
      return (
        annotation.typeName.type === AST_NODE_TYPES.Identifier &&
        (annotation.typeName.name === 'WeakRef' ||
          annotation.typeName.name === 'WeakMap' ||
          annotation.typeName.name === 'WeakSet')
      );
    default:
      return false;
  }
}

/** `const Foo = class { … }` names its class `Foo`. */
function classNameFromContext(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | undefined {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  return undefined;
}

/**
 * The replacement text for a declared field, or undefined where the rewrite cannot be
 * expressed cleanly (the rule then reports without a suggestion).
 */
function renderField(
  field: TSESTree.PropertyDefinition,
  candidate: Candidate,
  isJs: boolean,
  sourceCode: Readonly<TSESLint.SourceCode>,
  checker: ts.TypeChecker,
  nodeMap: { get(node: TSESTree.Node): ts.Node },
): string | undefined {
  if (field.key.type !== AST_NODE_TYPES.Identifier || field.computed || field.declare) return undefined;
  if (field.decorators.length > 0 || field.override) return undefined;
  const classNode = field.parent.parent;
  // Ambient classes have no bodies to put the accessors' code in.
  if (isAmbient(classNode)) return undefined;
  const fieldName = field.key.name;
  // A readonly field without initializer is written by the constructor: that write would need rewriting too.
  if (field.readonly && field.value === null) return undefined;

  let nullable: boolean;
  let undefinable = field.optional;
  let targetType: string | undefined;
  const annotation = field.typeAnnotation?.typeAnnotation;
  if (isJs) {
    // A JSDoc type above the field would end up on the WeakRef store and break checkJs.
    const comments = sourceCode.getCommentsBefore(field);
    if (comments.some((comment) => comment.value.includes('@type'))) return undefined;
    const type = checker.getTypeAtLocation(nodeMap.get(field));
    nullable = typeAdmits(type, ts.TypeFlags.Null);
    undefinable ||= typeAdmits(type, ts.TypeFlags.Undefined);
  } else {
    if (annotation === undefined) return undefined;
    const members = annotation.type === AST_NODE_TYPES.TSUnionType ? annotation.types : [annotation];
    nullable = members.some((member) => member.type === AST_NODE_TYPES.TSNullKeyword);
    undefinable ||= members.some((member) => member.type === AST_NODE_TYPES.TSUndefinedKeyword);
    const rest = members.filter(
      (member) => member.type !== AST_NODE_TYPES.TSNullKeyword && member.type !== AST_NODE_TYPES.TSUndefinedKeyword,
    );
    if (rest.length === 0) return undefined;
    targetType = rest.map((member) => sourceCode.getText(member)).join(' | ');
  }

  // The store must not collide with a member, and an accessor may not override an inherited field.
  const store = weakParentStoreName(fieldName, 'private');
  const collides = classNode.body.body.some(
    (member) =>
      member !== field &&
      (member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.AccessorProperty) &&
      (plainName(member) === store || plainName(member) === fieldName),
  );
  if (collides) return undefined;
  if (classNode.superClass !== null) {
    const tsClass = nodeMap.get(classNode);
    if (ts.isClassLike(tsClass)) {
      const instance = checker.getTypeAtLocation(tsClass);
      const baseTypes = instance.isClassOrInterface() ? checker.getBaseTypes(instance) : [];
      if (baseTypes.some((base) => base.getProperty(fieldName) !== undefined)) return undefined;
    }
  }

  // WeakRef only takes objects: a type parameter that may stand for a primitive cannot be stored.
  const declared = checker.getNonNullableType(checker.getTypeAtLocation(nodeMap.get(field)));
  if (!onlyObjects(declared)) return undefined;

  const accessibility = field.accessibility;
  const description: WeakParentField = {
    className: candidate.ownerName,
    fieldName,
    nullable,
    undefinable,
    readonly: field.readonly,
    storage: 'private',
    typescript: !isJs,
    ...(targetType === undefined ? {} : { targetType }),
    ...(accessibility === undefined ? {} : { accessibility }),
    ...(field.value === null ? {} : { initializer: sourceCode.getText(field.value) }),
  };
  const line = sourceCode.lines[field.loc.start.line - 1] ?? '';
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const eol = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
  return renderWeakParentMembers(description, indent, eol);
}

function isAmbient(node: TSESTree.Node): boolean {
  return [node, ...ancestorsOf(node)].some(
    (current) =>
      (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.TSModuleDeclaration) && current.declare,
  );
}

function onlyObjects(type: ts.Type, guard = 0): boolean {
  if (guard > 8) return false;
  if (type.isUnion()) return type.types.every((member) => onlyObjects(member, guard + 1));
  if (type.isIntersection()) return type.types.some((member) => onlyObjects(member, guard + 1));
  if (type.flags & ts.TypeFlags.TypeParameter) {
    const constraint = type.getConstraint();
    return constraint !== undefined && onlyObjects(constraint, guard + 1);
  }
  return (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.NonPrimitive)) !== 0;
}

function typeAdmits(type: ts.Type, flag: ts.TypeFlags): boolean {
  return type.isUnion() ? type.types.some((member) => (member.flags & flag) !== 0) : (type.flags & flag) !== 0;
}
