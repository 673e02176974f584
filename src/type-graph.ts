import ts from 'typescript';

import { propertyKeyText, tsSymbolPropertyKey } from './ast/member-names.js';
import { skipOuterTsExpressions } from './ast/wrappers.js';

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
  /**
   * Properties of plain data objects between `property` and the held value: for
   * `s: { servers: Map<string, Server> }` the edge to `Server` is `s` with the path `servers`.
   * Empty when `property` holds the value itself (directly or in collections).
   */
  path: readonly ts.Symbol[];
  /** Display name of the type that declares the property, e.g. `Parent`. */
  declaringTypeName: string;
  /** The edge goes through an array, tuple, Set, Map, record or index signature. */
  viaCollection: boolean;
}

/** Class-like symbols held strongly by a type's properties, with the edges that hold them. */
export type HeldSymbols = ReadonlyMap<ts.Symbol, readonly HeldEdge[]>;

/** How a property type reaches a class-like symbol. */
interface Reference {
  viaCollection: boolean;
  path: readonly ts.Symbol[];
}

/** What a property type points at: class-like symbols and how each is reached. */
type References = ReadonlyMap<ts.Symbol, Reference>;

/** How `a` relates to `b` in the class and interface hierarchy. */
export type Relation = 'same' | 'subtype' | 'supertype';

const WEAK_CONTAINERS = new Set(['WeakRef', 'WeakMap', 'WeakSet']);
const KEYED_COLLECTIONS = new Set(['Set', 'ReadonlySet', 'Map', 'ReadonlyMap']);
const EMPTY: References = new Map();
/** Names of the lib's types that hold what their type arguments say (or hold weakly): never read from an annotation alone. */
const BUILT_IN_HOLDERS = new Set(['Array', 'ReadonlyArray', ...KEYED_COLLECTIONS, ...WEAK_CONTAINERS]);
/** How the checker names the property keyed by the well-known `Symbol.iterator`. */
const ITERATOR_KEY = /^__@iterator@\d+$/;
/** How many plain data objects deep a property is looked into (`s.servers` is one, `s.state.servers` two). */
const MAX_PLAIN_DATA_DEPTH = 1;
/** Subclasses followed below a class (a subclass of a subclass is two). */
const MAX_SUBCLASS_DEPTH = 4;

export class TypeGraph {
  private readonly referencesCache = new WeakMap<ts.Type, References>();
  private readonly heldCache = new WeakMap<ts.Type, HeldSymbols>();
  private readonly basesCache = new WeakMap<ts.Symbol, ReadonlySet<ts.Symbol>>();
  private readonly subclassCache = new WeakMap<ts.Symbol, readonly ts.Symbol[]>();
  private readonly implementerCache = new WeakMap<ts.Symbol, readonly ts.Symbol[]>();
  private readonly iterableCache = new WeakMap<ts.Type, readonly ts.Type[] | null>();
  private readonly plainDataCache = new WeakMap<ts.Symbol, boolean>();
  private readonly projectFileCache = new WeakMap<ts.SourceFile, boolean>();
  private readonly signatureDeclarationCache = new WeakMap<ts.Symbol, boolean>();
  private readonly propertyDeclarationCache = new WeakMap<ts.Symbol, boolean>();
  private readonly inheritedIteratorCache = new WeakMap<ts.Symbol, boolean>();
  private readonly declaredReferenceCache = new WeakMap<ts.Symbol, ts.Symbol | null | undefined>();
  private readonly classChainCache = new WeakMap<ts.Symbol, boolean>();
  /** Class and interface declarations of the project's own files by the names their heritage clauses use. */
  private heritageIndex: Map<string, (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[]> | undefined;

  constructor(
    readonly checker: ts.TypeChecker,
    /** How many collection layers to look through (`Map<string, C[]>` is two). */
    private readonly maxDepth: number,
    /** The program, for telling the project's own files from libraries; without it every file counts as the project's. */
    private readonly program?: ts.Program,
  ) {}

  /** The type is callable or constructible: a function, a method, a class constructor. */
  private hasSignatures(type: ts.Type): boolean {
    // Asking the checker for signatures resolves every member of the type, which most types here
    // are never asked about otherwise: instances of a class have none, and an interface or object
    // type literal that extends nothing has the ones it declares.
    if (isClassInstance(type)) return false;
    const symbol = type.getSymbol();
    if (symbol !== undefined) {
      if (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method)) return true;
      // An interface that only inherits its signatures (`interface Handler extends Callable {}`)
      // is taken for an object: that costs nothing but a look at its properties.
      if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral) && !(symbol.flags & ts.SymbolFlags.Class)) {
        // Every instantiation of a generic interface asks again; the declarations are the same.
        let declares = this.signatureDeclarationCache.get(symbol);
        if (declares === undefined) {
          declares = symbol.declarations?.some(declaresSignatures) === true;
          this.signatureDeclarationCache.set(symbol, declares);
        }
        return declares;
      }
    }
    return (
      this.checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0 ||
      this.checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length > 0
    );
  }

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
      return isTypeReference(type) ? checker.getTypeArguments(type) : [];
    }
    // A class with an index signature and no properties is as rare as it gets; not asking spares
    // resolving the members of every class instance type seen.
    if (isObject(type) && !isClassInstance(type) && !this.declaresProperties(type) && !this.hasSignatures(type)) {
      const infos = checker.getIndexInfosOfType(type);
      if (infos.length > 0 && type.getProperties().length === 0) return infos.map((info) => info.type);
    }
    return undefined;
  }

  /**
   * The type's interface or object type literal declares a property by name, so it is no
   * record: asking for its index signatures would resolve every member, inherited ones too, of
   * types (option interfaces above all) that are never asked about otherwise.
   */
  private declaresProperties(type: ts.Type): boolean {
    const symbol = type.getSymbol();
    if (symbol === undefined || !(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral))) return false;
    let declares = this.propertyDeclarationCache.get(symbol);
    if (declares === undefined) {
      declares = symbol.declarations?.some(declaresNamedProperty) === true;
      this.propertyDeclarationCache.set(symbol, declares);
    }
    return declares;
  }

  /**
   * Element types of a class or interface that is iterable (`[Symbol.iterator]()`) without
   * being one of the built-in collections: a `NodeList<Node>`, a class that extends `Map`. What
   * it iterates over is taken from the iterator's type argument.
   */
  iterableElements(type: ts.Type): readonly ts.Type[] | undefined {
    let elements = this.iterableCache.get(type);
    if (elements === undefined) {
      elements = this.computeIterableElements(type) ?? null;
      this.iterableCache.set(type, elements);
    }
    return elements ?? undefined;
  }

  private computeIterableElements(type: ts.Type): readonly ts.Type[] | undefined {
    if (!isObject(type) || this.collectionElements(type) !== undefined) return undefined;
    const symbol = type.getSymbol();
    if (symbol === undefined || !(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) return undefined;
    // The declarations say whether there is an iterator at all (a class's own, or its base
    // class's when it extends one); only then are the members resolved.
    const declarations = symbol.declarations ?? [];
    if (!declarations.some(declaresIterator) && !(declarations.some(extendsAClass) && this.mayInheritIterator(symbol))) return undefined;
    const iterator = this.checker.getPropertiesOfType(type).find((property) => ITERATOR_KEY.test(property.escapedName as string));
    if (iterator === undefined) return undefined;
    const elements: ts.Type[] = [];
    for (const signature of this.checker.getSignaturesOfType(this.checker.getTypeOfSymbol(iterator), ts.SignatureKind.Call)) {
      const returned = signature.getReturnType();
      const [element] = isTypeReference(returned) ? this.checker.getTypeArguments(returned) : [];
      if (element !== undefined) elements.push(element);
    }
    return elements.length > 0 ? elements : undefined;
  }

  /**
   * The class or interface, or one of its bases, may declare `[Symbol.iterator]`: an instance
   * member whose computed name is the well-known symbol (or any unique symbol named `iterator`,
   * which is what the property's key says), or a base that is not a plain class or interface (a
   * mixin), which could bring anything. Base types and the type of a key are cheap to ask for,
   * the members of a class with a deep hierarchy (an event emitter's, a stream's) are not.
   */
  private mayInheritIterator(symbol: ts.Symbol): boolean {
    let may = this.inheritedIteratorCache.get(symbol);
    if (may !== undefined) return may;
    // Seeded first so that a circular heritage clause (a type error, but possible) ends.
    this.inheritedIteratorCache.set(symbol, false);
    may = (symbol.declarations ?? []).some((declaration) => this.declaresIteratorKey(declaration));
    if (!may) {
      const declared = this.checker.getDeclaredTypeOfSymbol(symbol);
      if (declared.isClassOrInterface()) {
        may = this.checker.getBaseTypes(declared).some((base) => {
          const baseSymbol = base.isIntersection() ? undefined : base.getSymbol();
          if (baseSymbol === undefined || !(baseSymbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) return true;
          return this.mayInheritIterator(baseSymbol);
        });
      } else {
        may = true;
      }
    }
    this.inheritedIteratorCache.set(symbol, may);
    return may;
  }

  private declaresIteratorKey(declaration: ts.Declaration): boolean {
    return (
      classOrInterfaceMembers(declaration)?.some((member) => {
        const name = member.name;
        if (name === undefined || !ts.isComputedPropertyName(name)) return false;
        if (ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) return false;
        const key = this.checker.getTypeAtLocation(name.expression);
        // Only a unique symbol makes a symbol key; its name is the name of the symbol it was declared as.
        return !(key.flags & ts.TypeFlags.UniqueESSymbol) || key.getSymbol()?.getName() === 'iterator';
      }) === true
    );
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
    if (isObject(type) && !this.hasSignatures(type)) out.push(type);
  }

  /**
   * Every class-like symbol that `type` holds strongly through one of its properties. A mapped
   * type (`Partial<T>`, `{ [K in keyof T]?: … }`) holds nothing here, and neither does a mapped
   * member of an intersection: a tree's parent and child kinds are declared as classes or
   * interfaces, and working out a mapped type's property types is costly.
   */
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
    if (this.isWeakContainer(type) || isMapped(type)) return held;
    if (type.isIntersection()) {
      // What an intersection holds is what its members hold, each asked once for all the
      // intersections it is part of.
      for (const part of type.types) {
        const resolved = part.flags & ts.TypeFlags.TypeParameter ? this.checker.getBaseConstraintOfType(part) : part;
        if (resolved === undefined || resolved.isIntersection()) continue;
        for (const [symbol, edges] of this.heldBy(resolved)) held.set(symbol, [...(held.get(symbol) ?? []), ...edges]);
      }
      return held;
    }
    const resolved = type.flags & ts.TypeFlags.TypeParameter ? this.checker.getBaseConstraintOfType(type) : type;
    if (resolved === undefined || !isObject(resolved) || isMapped(resolved) || this.isWeakContainer(resolved)) return held;
    for (const property of this.checker.getPropertiesOfType(resolved)) {
      if (!isStrongProperty(property) || isDeclaredPrimitive(property) || isSelfReference(property)) continue;
      const declared = this.declaredReferenceIn(property, resolved);
      if (declared === null) continue;
      if (declared !== undefined) {
        const edges = held.get(declared) ?? [];
        edges.push({ property, path: [], declaringTypeName: declaringName(property, resolved), viaCollection: false });
        held.set(declared, edges);
        continue;
      }
      const references = this.referencesOf(this.checker.getTypeOfSymbol(property));
      if (references.size === 0) continue;
      const declaringTypeName = declaringName(property, resolved);
      for (const [symbol, reference] of references) {
        const edges = held.get(symbol) ?? [];
        edges.push({ property, path: reference.path, declaringTypeName, viaCollection: reference.viaCollection });
        held.set(symbol, edges);
      }
    }
    return held;
  }

  /** Class-like symbols a property type points at, directly, through nested collections or inside plain data objects. */
  referencesOf(type: ts.Type): References {
    let references = this.referencesCache.get(type);
    if (references === undefined) {
      const found = new Map<ts.Symbol, Reference>();
      this.collectReferences(type, { viaCollection: false, depth: 0, path: [], inside: [] }, found, 0);
      references = found.size === 0 ? EMPTY : found;
      this.referencesCache.set(type, references);
    }
    return references;
  }

  private collectReferences(
    type: ts.Type,
    state: { viaCollection: boolean; depth: number; path: readonly ts.Symbol[]; inside: readonly ts.Type[] },
    found: Map<ts.Symbol, Reference>,
    guard: number,
  ): void {
    if (guard > 16) return;
    if (type.isUnionOrIntersection()) {
      for (const member of type.types) this.collectReferences(member, state, found, guard + 1);
      return;
    }
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      if (constraint !== undefined && constraint !== type) this.collectReferences(constraint, state, found, guard + 1);
      return;
    }
    if (!isObject(type) || this.hasSignatures(type) || this.isWeakContainer(type)) return;
    const elements = this.collectionElements(type);
    if (elements !== undefined) {
      if (state.depth >= this.maxDepth) return;
      const inner = { ...state, viaCollection: true, depth: state.depth + 1 };
      for (const element of elements) this.collectReferences(element, inner, found, guard + 1);
      return;
    }
    // A mapped type that is no record (`Partial<Options>`, a filter over a schema's keys) is a
    // view of a declared type, whose property types the checker would have to work out one by
    // one: it is neither a reference nor looked into.
    if (isMapped(type)) return;
    const symbol = type.getSymbol();
    if (symbol === undefined || !isClassLike(symbol)) return;
    // Inside a plain data object only collections count: a single reference in an options or
    // state object (`args.parentEditor`) is as likely to point elsewhere as back.
    if (state.path.length === 0 || state.viaCollection) {
      const known = found.get(symbol);
      if (known === undefined || (!known.viaCollection && state.viaCollection)) {
        found.set(symbol, { viaCollection: state.viaCollection, path: state.path });
      }
    }
    // A collection class (`NodeList<Node>`) holds what it iterates over, as an array would.
    const iterated = this.isClosedLibraryType(type) ? undefined : this.iterableElements(type);
    if (iterated !== undefined && state.depth < this.maxDepth) {
      const inner = { ...state, viaCollection: true, depth: state.depth + 1 };
      for (const element of iterated) this.collectReferences(element, inner, found, guard + 1);
    }
    // A plain data object in a field is part of its holder: what it holds, the holder holds. One
    // that is an element of a collection is a child of its own, and what it points at is its own.
    if (state.viaCollection || state.path.length >= MAX_PLAIN_DATA_DEPTH || state.inside.includes(type) || !this.isPlainData(symbol)) return;
    for (const property of this.checker.getPropertiesOfType(type)) {
      if (!isStrongProperty(property) || isDeclaredPrimitive(property)) continue;
      // Inside plain data only collections count, and a single reference is none.
      if (this.declaredReferenceIn(property, type) !== undefined) continue;
      this.collectReferences(
        this.checker.getTypeOfSymbol(property),
        { ...state, path: [...state.path, property], inside: [...state.inside, type] },
        found,
        guard + 1,
      );
    }
  }

  /**
   * What a property holds, read from its annotation where that alone decides it, so that the
   * checker need not work out the property's type (with whatever the type refers to): `null`
   * when it holds no object (`mode: Mode`, an enum or an alias of primitives), the class or
   * interface when it holds exactly one reference to it (`client: MongoClient | null`), and
   * `undefined` when only the checker can tell (anything generic, a collection, plain data, an
   * instantiated or mapped property, whose type is not its annotation's).
   */
  private declaredReferenceIn(property: ts.Symbol, holder: ts.Type): ts.Symbol | null | undefined {
    if (!(property.flags & ts.SymbolFlags.Transient)) return this.declaredReference(property);
    // In a class or interface whose bases are all classes and interfaces, a transient property is
    // an instantiation of a declared one (never a mapped type's), and instantiating `Client<T>`
    // or `Mode | null` leaves what it refers to as it is.
    if (!this.isClassChain(holder)) return undefined;
    const roots = this.checker.getRootSymbols(property);
    const root = roots.length === 1 ? roots[0] : undefined;
    if (root === undefined || root === property || root.flags & ts.SymbolFlags.Transient) return undefined;
    return this.declaredReference(root);
  }

  /** A class or interface (or an instantiation of one) whose bases, all the way up, are classes and interfaces. */
  private isClassChain(type: ts.Type): boolean {
    const target = isTypeReference(type) ? type.target : type;
    if (!isObject(target) || !(target.objectFlags & ts.ObjectFlags.ClassOrInterface)) return false;
    const symbol = target.getSymbol();
    if (symbol === undefined) return false;
    let chain = this.classChainCache.get(symbol);
    if (chain === undefined) {
      // Seeded first so that a circular heritage clause (a type error, but possible) ends.
      this.classChainCache.set(symbol, false);
      chain = this.checker.getBaseTypes(target as ts.InterfaceType).every((base) => this.isClassChain(base));
      this.classChainCache.set(symbol, chain);
    }
    return chain;
  }

  private declaredReference(property: ts.Symbol): ts.Symbol | null | undefined {
    if (this.declaredReferenceCache.has(property)) return this.declaredReferenceCache.get(property);
    const answer = this.computeDeclaredReference(property);
    this.declaredReferenceCache.set(property, answer);
    return answer;
  }

  private computeDeclaredReference(property: ts.Symbol): ts.Symbol | null | undefined {
    // A transient symbol is an instantiated or mapped copy: its type is not its declaration's annotation.
    if (property.flags & ts.SymbolFlags.Transient) return undefined;
    const [declaration, ...more] = property.declarations ?? [];
    if (declaration === undefined || more.length > 0) return undefined;
    if (!ts.isPropertyDeclaration(declaration) && !ts.isPropertySignature(declaration) && !ts.isParameter(declaration)) return undefined;
    if (cannotHoldObjects(declaration.type)) return null;
    const reference = singleTypeReference(declaration.type);
    if (reference === undefined) return undefined;
    let symbol = this.checker.getSymbolAtLocation(ts.isQualifiedName(reference.typeName) ? reference.typeName.right : reference.typeName);
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    if (symbol === undefined) return undefined;
    if (symbol.flags & (ts.SymbolFlags.Enum | ts.SymbolFlags.EnumMember)) return null;
    if (symbol.flags & ts.SymbolFlags.Class) return this.isPlainClass(symbol) ? symbol : undefined;
    if (symbol.flags & ts.SymbolFlags.Interface) return this.isPlainInterface(symbol) ? symbol : undefined;
    if (symbol.flags & ts.SymbolFlags.TypeAlias && !(symbol.flags & ts.SymbolFlags.Value)) {
      const declarations = symbol.declarations ?? [];
      const alias = declarations.length === 1 ? declarations[0] : undefined;
      return alias !== undefined && ts.isTypeAliasDeclaration(alias) && alias.typeParameters === undefined && cannotHoldObjects(alias.type)
        ? null
        : undefined;
    }
    return undefined;
  }

  /** A class whose instances are neither a built-in collection nor iterable: a reference to one holds it and nothing else. */
  private isPlainClass(symbol: ts.Symbol): boolean {
    if (BUILT_IN_HOLDERS.has(symbol.getName())) return false;
    const declarations = symbol.declarations ?? [];
    return !declarations.some(declaresIterator) && !(declarations.some(extendsAClass) && this.mayInheritIterator(symbol));
  }

  /**
   * An interface that extends nothing and declares no index signature, call signature or
   * computed member, and that is not plain data (whose collections its holder would hold).
   */
  private isPlainInterface(symbol: ts.Symbol): boolean {
    if (BUILT_IN_HOLDERS.has(symbol.getName()) || symbol.flags & ts.SymbolFlags.TypeLiteral) return false;
    const declarations = symbol.declarations ?? [];
    const simple = declarations.every(
      (declaration) =>
        ts.isInterfaceDeclaration(declaration) &&
        declaration.heritageClauses === undefined &&
        declaration.members.every(
          (member) =>
            !ts.isIndexSignatureDeclaration(member) &&
            !ts.isCallSignatureDeclaration(member) &&
            !ts.isConstructSignatureDeclaration(member) &&
            !(member.name !== undefined && ts.isComputedPropertyName(member.name)),
        ),
    );
    return declarations.length > 0 && simple && !this.isPlainData(symbol);
  }

  /**
   * Object literals, object type literals and interfaces that no class implements, declared in
   * the project's own files: shapes of plain data objects, which belong to whoever holds them.
   */
  isPlainData(symbol: ts.Symbol): boolean {
    let plain = this.plainDataCache.get(symbol);
    if (plain === undefined) {
      plain = this.computePlainData(symbol);
      this.plainDataCache.set(symbol, plain);
    }
    return plain;
  }

  private computePlainData(symbol: ts.Symbol): boolean {
    const declarations = symbol.declarations ?? [];
    if (declarations.length === 0 || !declarations.every((declaration) => this.isProjectFile(declaration.getSourceFile()))) return false;
    if (symbol.flags & (ts.SymbolFlags.ObjectLiteral | ts.SymbolFlags.TypeLiteral)) return true;
    if (symbol.flags & ts.SymbolFlags.Class || !(symbol.flags & ts.SymbolFlags.Interface)) return false;
    return this.heritageUsers(symbol).length === 0;
  }

  /**
   * A type of TypeScript's lib or of a package, without type arguments (`HTMLElement`,
   * `net.Socket`): whatever its properties hold is declared by libraries too, so it holds no class
   * of the project except through the library's own types.
   */
  isClosedLibraryType(type: ts.Type): boolean {
    if (type.isIntersection() || type.aliasTypeArguments !== undefined) return false;
    if (isTypeReference(type) && this.checker.getTypeArguments(type).length > 0) return false;
    const declarations = type.getSymbol()?.declarations ?? [];
    return declarations.length > 0 && !declarations.some((declaration) => this.isProjectFile(declaration.getSourceFile()));
  }

  /** A file of the project itself, as opposed to TypeScript's lib files and packages the project imports. */
  isProjectFile(file: ts.SourceFile): boolean {
    const { program } = this;
    if (program === undefined) return true;
    let own = this.projectFileCache.get(file);
    if (own === undefined) {
      own = !program.isSourceFileDefaultLibrary(file) && !program.isSourceFileFromExternalLibrary(file);
      this.projectFileCache.set(file, own);
    }
    return own;
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
    return this.relation(a, b) !== undefined;
  }

  /** `a` is `b`, derives from it (`subtype`), or is one of its bases (`supertype`). */
  relation(a: ts.Symbol, b: ts.Symbol): Relation | undefined {
    if (a === b) return 'same';
    if (this.basesOf(a).has(b)) return 'subtype';
    if (this.basesOf(b).has(a)) return 'supertype';
    return undefined;
  }

  /**
   * Classes of the project's own files that extend `symbol`, directly or through other
   * subclasses (a few levels deep). Only for classes declared in the project's own files.
   */
  subclassesOf(symbol: ts.Symbol): readonly ts.Symbol[] {
    let subclasses = this.subclassCache.get(symbol);
    if (subclasses === undefined) {
      const found: ts.Symbol[] = [];
      if (symbol.flags & ts.SymbolFlags.Class && this.declaredInProject(symbol)) this.collectSubclasses(symbol, found, 0);
      subclasses = found;
      this.subclassCache.set(symbol, subclasses);
    }
    return subclasses;
  }

  private collectSubclasses(symbol: ts.Symbol, found: ts.Symbol[], depth: number): void {
    if (depth >= MAX_SUBCLASS_DEPTH) return;
    for (const user of this.heritageUsers(symbol, ts.SyntaxKind.ExtendsKeyword)) {
      if (!(user.flags & ts.SymbolFlags.Class) || found.includes(user) || user === symbol) continue;
      found.push(user);
      this.collectSubclasses(user, found, depth + 1);
    }
  }

  /** Classes of the project's own files that name the interface `symbol` in their `implements` clause. */
  implementersOf(symbol: ts.Symbol): readonly ts.Symbol[] {
    let implementers = this.implementerCache.get(symbol);
    if (implementers === undefined) {
      implementers =
        symbol.flags & ts.SymbolFlags.Interface && !(symbol.flags & ts.SymbolFlags.Class) && this.declaredInProject(symbol)
          ? this.heritageUsers(symbol, ts.SyntaxKind.ImplementsKeyword).filter((user) => (user.flags & ts.SymbolFlags.Class) !== 0)
          : [];
      this.implementerCache.set(symbol, implementers);
    }
    return implementers;
  }

  private declaredInProject(symbol: ts.Symbol): boolean {
    const declarations = symbol.declarations ?? [];
    return declarations.length > 0 && declarations.some((declaration) => this.isProjectFile(declaration.getSourceFile()));
  }

  /** Classes and interfaces whose heritage clauses (of the given kind, or any) name `symbol`. */
  private heritageUsers(symbol: ts.Symbol, token?: ts.SyntaxKind.ExtendsKeyword | ts.SyntaxKind.ImplementsKeyword): ts.Symbol[] {
    const index = this.buildHeritageIndex();
    const names = new Set<string>([symbol.getName()]);
    for (const declaration of symbol.declarations ?? []) {
      const name = ts.getNameOfDeclaration(declaration);
      if (name !== undefined && ts.isIdentifier(name)) names.add(name.text);
    }
    const users: ts.Symbol[] = [];
    for (const name of names) {
      for (const declaration of index.get(name) ?? []) {
        for (const clause of declaration.heritageClauses ?? []) {
          if (token !== undefined && clause.token !== token) continue;
          for (const heritage of clause.types) {
            if (heritageName(heritage) !== name) continue;
            // The name only preselects; the checker says what the clause really refers to.
            const referenced = this.checker.getTypeAtLocation(heritage).getSymbol();
            const user = declarationSymbol(this.checker, declaration);
            if (referenced === symbol && user !== undefined && !users.includes(user)) users.push(user);
          }
        }
      }
    }
    return users;
  }

  private buildHeritageIndex(): Map<string, (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[]> {
    if (this.heritageIndex !== undefined) return this.heritageIndex;
    const index = new Map<string, (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[]>();
    this.heritageIndex = index;
    const add = (declaration: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): void => {
      for (const clause of declaration.heritageClauses ?? []) {
        for (const heritage of clause.types) {
          const name = heritageName(heritage);
          if (name === undefined) continue;
          const list = index.get(name) ?? [];
          list.push(declaration);
          index.set(name, list);
        }
      }
    };
    // Declarations at the top of a file or a namespace, and classes assigned to a variable there;
    // classes declared inside functions are not indexed.
    const visitStatements = (statements: readonly ts.Statement[]): void => {
      for (const statement of statements) {
        if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
          add(statement);
        } else if (ts.isModuleDeclaration(statement)) {
          let body = statement.body;
          while (body !== undefined && ts.isModuleDeclaration(body)) body = body.body;
          if (body !== undefined && ts.isModuleBlock(body)) visitStatements(body.statements);
        } else if (ts.isVariableStatement(statement)) {
          for (const variable of statement.declarationList.declarations) {
            if (variable.initializer !== undefined && ts.isClassExpression(variable.initializer)) add(variable.initializer);
          }
        }
      }
    };
    for (const file of this.program?.getSourceFiles() ?? []) {
      if (this.isProjectFile(file)) visitStatements(file.statements);
    }
    return index;
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
    graph = new TypeGraph(program.getTypeChecker(), maxDepth, program);
    byDepth.set(maxDepth, graph);
  }
  return graph;
}

/** Annotations that can never name an object type holding something: spares the checker. */
export function cannotHoldObjects(annotation: ts.TypeNode | undefined): boolean {
  if (annotation === undefined) return false;
  if (ts.isUnionTypeNode(annotation)) return annotation.types.every(isPrimitiveTypeNode);
  if (ts.isParenthesizedTypeNode(annotation)) return cannotHoldObjects(annotation.type);
  switch (annotation.kind) {
    case ts.SyntaxKind.StringKeyword:
    case ts.SyntaxKind.NumberKeyword:
    case ts.SyntaxKind.BooleanKeyword:
    case ts.SyntaxKind.BigIntKeyword:
    case ts.SyntaxKind.SymbolKeyword:
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.UndefinedKeyword:
    case ts.SyntaxKind.VoidKeyword:
    case ts.SyntaxKind.NeverKeyword:
    case ts.SyntaxKind.LiteralType:
    case ts.SyntaxKind.FunctionType:
    case ts.SyntaxKind.ConstructorType:
      return true;
    case ts.SyntaxKind.TypeReference: {
      const { typeName } = annotation as ts.TypeReferenceNode;
      return ts.isIdentifier(typeName) && (typeName.text === 'WeakRef' || typeName.text === 'WeakMap' || typeName.text === 'WeakSet');
    }
    default:
      return false;
  }
}

/**
 * `Client`, `ns.Client<T>`, `Client | null`, `(Client | undefined)`: an annotation that names
 * one type, beside null and undefined.
 */
function singleTypeReference(annotation: ts.TypeNode | undefined): ts.TypeReferenceNode | undefined {
  let node = annotation;
  while (node !== undefined && ts.isParenthesizedTypeNode(node)) node = node.type;
  if (node === undefined) return undefined;
  if (ts.isTypeReferenceNode(node)) return node;
  if (!ts.isUnionTypeNode(node)) return undefined;
  let found: ts.TypeReferenceNode | undefined;
  for (const member of node.types) {
    let inner = member;
    while (ts.isParenthesizedTypeNode(inner)) inner = inner.type;
    if (inner.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(inner) && inner.literal.kind === ts.SyntaxKind.NullKeyword)) continue;
    if (!ts.isTypeReferenceNode(inner) || found !== undefined) return undefined;
    found = inner;
  }
  return found;
}

/** `string`, `'a'`, `null`, `() => void`, `(number)`: a member of a union that holds no object. */
function isPrimitiveTypeNode(node: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(node)) return isPrimitiveTypeNode(node.type);
  return node.kind !== ts.SyntaxKind.TypeReference && cannotHoldObjects(node);
}

/** `Parent.children`, `Topology.s.servers`, `Node.[kChildNodes]`: an edge's properties as written. */
export function edgeText(edge: HeldEdge): string {
  return [edge.property, ...edge.path].map((property) => propertyKeyText(tsSymbolPropertyKey(property))).join('.');
}

function heritageName(heritage: ts.ExpressionWithTypeArguments): string | undefined {
  const expression = heritage.expression;
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name)) return expression.name.text;
  return undefined;
}

function declarationSymbol(checker: ts.TypeChecker, declaration: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): ts.Symbol | undefined {
  if (declaration.name !== undefined) return checker.getSymbolAtLocation(declaration.name);
  return checker.getTypeAtLocation(declaration).getSymbol();
}

function isObject(type: ts.Type): type is ts.ObjectType {
  return (type.flags & ts.TypeFlags.Object) !== 0;
}

/** A mapped type or an instantiation of one (`Partial<T>`, `Record<K, V>`, `{ [K in keyof T]: … }`). */
function isMapped(type: ts.Type): boolean {
  return isObject(type) && (type.objectFlags & ts.ObjectFlags.Mapped) !== 0;
}

/** A reference to a class, interface, array or tuple type, generic or not (`Map<K, V>`, `Node`). */
export function isTypeReference(type: ts.Type): type is ts.TypeReference {
  return isObject(type) && (type.objectFlags & ts.ObjectFlags.Reference) !== 0;
}


function extendsAClass(declaration: ts.Declaration): boolean {
  return ts.isClassLike(declaration) && declaration.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword) === true;
}

function classOrInterfaceMembers(declaration: ts.Declaration): readonly (ts.ClassElement | ts.TypeElement)[] | undefined {
  return ts.isClassLike(declaration) || ts.isInterfaceDeclaration(declaration) ? declaration.members : undefined;
}

/** A class or interface declaration with a `[Symbol.iterator]` member. */
function declaresIterator(declaration: ts.Declaration): boolean {
  return (
    classOrInterfaceMembers(declaration)?.some((member) => {
      const name = member.name;
      return (
        name !== undefined &&
        ts.isComputedPropertyName(name) &&
        ts.isPropertyAccessExpression(name.expression) &&
        ts.isIdentifier(name.expression.expression) &&
        name.expression.expression.text === 'Symbol' &&
        name.expression.name.text === 'iterator'
      );
    }) === true
  );
}

/** An interface or object type literal with a property or method whose name is written out (`a`, `'a'`, `0`). */
function declaresNamedProperty(declaration: ts.Declaration): boolean {
  const members = ts.isInterfaceDeclaration(declaration) || ts.isTypeLiteralNode(declaration) ? declaration.members : undefined;
  return (
    members?.some(
      (member) =>
        (ts.isPropertySignature(member) || ts.isMethodSignature(member)) &&
        (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) || ts.isNumericLiteral(member.name)),
    ) === true
  );
}

function declaresSignatures(declaration: ts.Declaration): boolean {
  const members = ts.isInterfaceDeclaration(declaration) || ts.isTypeLiteralNode(declaration) ? declaration.members : undefined;
  return members?.some((member) => ts.isCallSignatureDeclaration(member) || ts.isConstructSignatureDeclaration(member)) === true;
}

function isClassInstance(type: ts.Type): boolean {
  if (!isObject(type)) return false;
  const target = isTypeReference(type) ? type.target : type;
  return (target.objectFlags & ts.ObjectFlags.Class) !== 0;
}

function isFromDeclarationFile(symbol: ts.Symbol | undefined): boolean {
  const declarations = symbol?.declarations ?? [];
  return declarations.length === 0 || declarations.some((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/** Classes, interfaces and object types: the shapes a back reference can point at. */
function isClassLike(symbol: ts.Symbol): boolean {
  return (
    (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral | ts.SymbolFlags.ObjectLiteral)) !== 0
  );
}

/**
 * Every declaration of the property is annotated with a type that holds no object (`string`,
 * `number`, a literal, a function type): its type need not be asked for. Most properties of
 * options and state objects are such. Unions are left to `declaredReference`, which reads them
 * only where the type is the annotation's (a mapped copy of `mode: 'a' | 'b'` can be anything).
 */
function isDeclaredPrimitive(property: ts.Symbol): boolean {
  const declarations = property.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every(
      (declaration) =>
        (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration)) &&
        declaration.type !== undefined &&
        !ts.isUnionTypeNode(declaration.type) &&
        !ts.isParenthesizedTypeNode(declaration.type) &&
        cannotHoldObjects(declaration.type),
    )
  );
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

/**
 * Every declaration of the property stores the object itself (`rootNode = this` in the class at
 * the root of a tree): the property holds no other object, whatever its type says.
 */
function isSelfReference(property: ts.Symbol): boolean {
  const declarations = property.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      if (ts.isPropertyDeclaration(declaration)) return declaration.type === undefined && isThisExpression(declaration.initializer);
      if (ts.isBinaryExpression(declaration)) return isThisExpression(declaration.right);
      return false;
    })
  );
}

function isThisExpression(node: ts.Expression | undefined): boolean {
  return node !== undefined && skipOuterTsExpressions(node).kind === ts.SyntaxKind.ThisKeyword;
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

/**
 * A symbol's name for messages. Anonymous classes and literals (`__class`, `__type`) borrow
 * their variable's or alias's name, and a default export (`default`) its declaration's.
 */
export function symbolDisplayName(symbol: ts.Symbol): string {
  const name = symbol.getName();
  if (!name.startsWith('__') && name !== 'default') return name;
  for (const declaration of symbol.declarations ?? []) {
    const borrowed = declarationName(declaration);
    if (borrowed !== undefined) return borrowed;
  }
  return ts.SymbolFlags.Class & symbol.flags ? '(anonymous class)' : '(anonymous type)';
}
