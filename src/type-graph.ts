import ts from 'typescript';

/**
 * Type queries about who holds whom strongly, answered through the TypeScript checker.
 *
 * Every answer is memoized per `ts.Type` or `ts.Symbol` in WeakMaps that hang off one
 * `TypeGraph` per program (and option set), so the type graph of a program is walked once no
 * matter how many properties ask about the same types, and nothing outlives the program.
 */

/** One strong edge from a type to a class-like symbol. */
export interface HeldEdge {
  /** The property that carries the edge. */
  property: ts.Symbol;
  /** Display name of the type that declares the property, e.g. `Parent`. */
  declaringTypeName: string;
  /** The edge goes through an array, tuple, Set, Map, record or index signature. */
  viaCollection: boolean;
}

/** Class-like symbols held strongly by a type's properties, with the edges that hold them. */
export type HeldSymbols = ReadonlyMap<ts.Symbol, readonly HeldEdge[]>;

/** What a property type points at: class-like symbols, each flagged when reached through a collection. */
type References = ReadonlyMap<ts.Symbol, boolean>;

const WEAK_CONTAINERS = new Set(['WeakRef', 'WeakMap', 'WeakSet']);
const KEYED_COLLECTIONS = new Set(['Set', 'ReadonlySet', 'Map', 'ReadonlyMap']);
const EMPTY: References = new Map();

export class TypeGraph {
  private readonly referencesCache = new WeakMap<ts.Type, References>();
  private readonly heldCache = new WeakMap<ts.Type, HeldSymbols>();
  private readonly basesCache = new WeakMap<ts.Symbol, ReadonlySet<ts.Symbol>>();

  constructor(
    readonly checker: ts.TypeChecker,
    /** How many collection layers to look through (`Map<string, C[]>` is two). */
    private readonly maxDepth: number,
  ) {}

  /** The type holds nothing strongly because it is a WeakRef, WeakMap or WeakSet. */
  isWeakContainer(type: ts.Type): boolean {
    const name = type.getSymbol()?.getName();
    return name !== undefined && WEAK_CONTAINERS.has(name) && isFromDeclarationFile(type.getSymbol());
  }

  /** Element types when the type is an array, tuple, (readonly) Set/Map, record or index-signature object. */
  collectionElements(type: ts.Type): readonly ts.Type[] | undefined {
    const { checker } = this;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      return checker.getTypeArguments(type as ts.TypeReference);
    }
    const symbol = type.getSymbol();
    if (symbol !== undefined && KEYED_COLLECTIONS.has(symbol.getName()) && isFromDeclarationFile(symbol)) {
      return isReference(type) ? checker.getTypeArguments(type) : [];
    }
    if (isObject(type) && !hasSignatures(checker, type)) {
      const infos = checker.getIndexInfosOfType(type);
      if (infos.length > 0 && type.getProperties().length === 0) return infos.map((info) => info.type);
    }
    return undefined;
  }

  /**
   * The object types a declared type can stand for, once null, undefined, unions and type
   * parameters are taken apart. Primitives, functions, constructors, any and unknown give none.
   */
  objectTargets(type: ts.Type): ts.Type[] {
    const out: ts.Type[] = [];
    this.collectTargets(type, out, 0);
    return out;
  }

  private collectTargets(type: ts.Type, out: ts.Type[], guard: number): void {
    if (guard > 8) return;
    if (type.isUnion()) {
      for (const member of type.types) this.collectTargets(member, out, guard + 1);
      return;
    }
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      if (constraint !== undefined && constraint !== type) this.collectTargets(constraint, out, guard + 1);
      return;
    }
    if (type.isIntersection()) {
      if (type.types.some((member) => isObject(member) || (member.flags & ts.TypeFlags.TypeParameter) !== 0)) out.push(type);
      return;
    }
    if (isObject(type) && !hasSignatures(this.checker, type)) out.push(type);
  }

  /** Every class-like symbol that `type` holds strongly through one of its properties. */
  heldBy(type: ts.Type): HeldSymbols {
    let held = this.heldCache.get(type);
    if (held === undefined) {
      held = this.computeHeld(type);
      this.heldCache.set(type, held);
    }
    return held;
  }

  private computeHeld(type: ts.Type): HeldSymbols {
    const held = new Map<ts.Symbol, HeldEdge[]>();
    if (this.isWeakContainer(type)) return held;
    const parts = type.isIntersection() ? type.types : [type];
    for (const part of parts) {
      const resolved = part.flags & ts.TypeFlags.TypeParameter ? this.checker.getBaseConstraintOfType(part) : part;
      if (resolved === undefined || !isObject(resolved) || this.isWeakContainer(resolved)) continue;
      for (const property of this.checker.getPropertiesOfType(resolved)) {
        if (!isStrongProperty(property)) continue;
        const references = this.referencesOf(this.checker.getTypeOfSymbol(property));
        if (references.size === 0) continue;
        const declaringTypeName = declaringName(property, resolved);
        for (const [symbol, viaCollection] of references) {
          const edges = held.get(symbol) ?? [];
          edges.push({ property, declaringTypeName, viaCollection });
          held.set(symbol, edges);
        }
      }
    }
    return held;
  }

  /** Class-like symbols a property type points at, directly or through nested collections. */
  referencesOf(type: ts.Type): References {
    let references = this.referencesCache.get(type);
    if (references === undefined) {
      const found = new Map<ts.Symbol, boolean>();
      this.collectReferences(type, false, 0, found, 0);
      references = found.size === 0 ? EMPTY : found;
      this.referencesCache.set(type, references);
    }
    return references;
  }

  private collectReferences(
    type: ts.Type,
    viaCollection: boolean,
    depth: number,
    found: Map<ts.Symbol, boolean>,
    guard: number,
  ): void {
    if (guard > 16) return;
    if (type.isUnionOrIntersection()) {
      for (const member of type.types) this.collectReferences(member, viaCollection, depth, found, guard + 1);
      return;
    }
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      if (constraint !== undefined && constraint !== type) {
        this.collectReferences(constraint, viaCollection, depth, found, guard + 1);
      }
      return;
    }
    if (!isObject(type) || hasSignatures(this.checker, type) || this.isWeakContainer(type)) return;
    const elements = this.collectionElements(type);
    if (elements !== undefined) {
      if (depth >= this.maxDepth) return;
      for (const element of elements) this.collectReferences(element, true, depth + 1, found, guard + 1);
      return;
    }
    const symbol = type.getSymbol();
    if (symbol === undefined || !isClassLike(symbol)) return;
    found.set(symbol, (found.get(symbol) ?? false) || viaCollection);
  }

  /** Base classes, extended interfaces and implemented interfaces of a class-like symbol, transitively. */
  basesOf(symbol: ts.Symbol): ReadonlySet<ts.Symbol> {
    let bases = this.basesCache.get(symbol);
    if (bases === undefined) {
      const found = new Set<ts.Symbol>();
      // Seed the cache first so a circular heritage clause (a type error, but possible) ends.
      this.basesCache.set(symbol, found);
      this.collectBases(symbol, found);
      bases = found;
    }
    return bases;
  }

  private collectBases(symbol: ts.Symbol, found: Set<ts.Symbol>): void {
    const direct: ts.Symbol[] = [];
    if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) {
      const declared = this.checker.getDeclaredTypeOfSymbol(symbol);
      if (declared.isClassOrInterface()) {
        for (const base of this.checker.getBaseTypes(declared)) {
          const baseSymbol = base.getSymbol();
          if (baseSymbol !== undefined) direct.push(baseSymbol);
        }
      }
      for (const declaration of symbol.declarations ?? []) {
        if (!ts.isClassLike(declaration)) continue;
        for (const clause of declaration.heritageClauses ?? []) {
          if (clause.token !== ts.SyntaxKind.ImplementsKeyword) continue;
          for (const implemented of clause.types) {
            const implementedSymbol = this.checker.getTypeAtLocation(implemented).getSymbol();
            if (implementedSymbol !== undefined) direct.push(implementedSymbol);
          }
        }
      }
    }
    for (const base of direct) {
      if (found.has(base) || base === symbol) continue;
      found.add(base);
      for (const indirect of this.basesOf(base)) found.add(indirect);
    }
  }

  /** The two symbols are the same class-like type, or one derives from the other. */
  related(a: ts.Symbol, b: ts.Symbol): boolean {
    return a === b || this.basesOf(a).has(b) || this.basesOf(b).has(a);
  }
}

const graphs = new WeakMap<ts.Program, Map<number, TypeGraph>>();

/** The memoized type graph of a program for one `maxDepth`. */
export function typeGraphFor(program: ts.Program, maxDepth: number): TypeGraph {
  let byDepth = graphs.get(program);
  if (byDepth === undefined) {
    byDepth = new Map();
    graphs.set(program, byDepth);
  }
  let graph = byDepth.get(maxDepth);
  if (graph === undefined) {
    graph = new TypeGraph(program.getTypeChecker(), maxDepth);
    byDepth.set(maxDepth, graph);
  }
  return graph;
}

function isObject(type: ts.Type): type is ts.ObjectType {
  return (type.flags & ts.TypeFlags.Object) !== 0;
}

function isReference(type: ts.Type): type is ts.TypeReference {
  return isObject(type) && (type.objectFlags & ts.ObjectFlags.Reference) !== 0;
}

function hasSignatures(checker: ts.TypeChecker, type: ts.Type): boolean {
  return (
    checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0 ||
    checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length > 0
  );
}

function isFromDeclarationFile(symbol: ts.Symbol | undefined): boolean {
  const declarations = symbol?.declarations ?? [];
  return declarations.length === 0 || declarations.some((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/** Classes, interfaces and object type literals: the shapes a back reference can point at. */
function isClassLike(symbol: ts.Symbol): boolean {
  return (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral)) !== 0;
}

/** A data property: not a method, and not an accessor (an accessor holds nothing by itself). */
function isStrongProperty(property: ts.Symbol): boolean {
  if (property.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Accessor)) return false;
  const declarations = property.declarations ?? [];
  return !declarations.some(
    (declaration) =>
      ts.isMethodDeclaration(declaration) ||
      ts.isMethodSignature(declaration) ||
      ts.isGetAccessorDeclaration(declaration) ||
      ts.isSetAccessorDeclaration(declaration),
  );
}

function declaringName(property: ts.Symbol, fallback: ts.Type): string {
  const declaration = property.declarations?.[0];
  if (declaration !== undefined) {
    // JS `this.x = …` declarations sit inside a method of the class.
    const container = ts.findAncestor(
      declaration.parent,
      (node) => ts.isClassLike(node) || ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node),
    );
    if (container !== undefined) {
      const name = declarationName(container);
      if (name !== undefined) return name;
    }
  }
  const symbol = fallback.aliasSymbol ?? fallback.getSymbol();
  return symbol === undefined ? 'the target' : symbolDisplayName(symbol);
}

/** The name a class, interface or object literal type goes by: its own, or its variable's or alias's. */
function declarationName(node: ts.Node): string | undefined {
  if ((ts.isClassLike(node) || ts.isInterfaceDeclaration(node)) && node.name !== undefined) return node.name.text;
  const named = ts.findAncestor(node.parent, (ancestor) => {
    if (ts.isTypeAliasDeclaration(ancestor) || ts.isVariableDeclaration(ancestor)) return true;
    // Stop at anything that would make the name belong to something else.
    return ts.isBlock(ancestor) || ts.isSourceFile(ancestor) || ts.isClassLike(ancestor) ? 'quit' : false;
  });
  if (named !== undefined && (ts.isTypeAliasDeclaration(named) || ts.isVariableDeclaration(named))) {
    return ts.isIdentifier(named.name) ? named.name.text : undefined;
  }
  return undefined;
}

/** A symbol's name for messages; anonymous classes and literals (`__class`, `__type`) borrow their variable's or alias's. */
export function symbolDisplayName(symbol: ts.Symbol): string {
  const name = symbol.getName();
  if (!name.startsWith('__')) return name;
  for (const declaration of symbol.declarations ?? []) {
    const borrowed = declarationName(declaration);
    if (borrowed !== undefined) return borrowed;
  }
  return ts.SymbolFlags.Class & symbol.flags ? '(anonymous class)' : '(anonymous type)';
}
