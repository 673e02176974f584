import { FIELD_TYPES, METHOD_TYPES, child, children, flag, forEachChild, memberName, methodKind, text, thisMemberName, type AstNode } from '../lib/ast.js';
import type { ClassInfo } from './classes.js';
import { findParameterProperty } from './constructor.js';
import type { ClassUsage } from './usage.js';


/** How a class holds a target field itself, for the inheritance check. */
interface FieldHold {
  how: string;
  /** Only `this.name = …` writes in a JS class, without a declaration. */
  assignedOnly: boolean;
}

/** A class of the same file, above or below this one, that holds the same field. */
export type ChainVerdict = { kind: 'inherited' } | { kind: 'conflict'; other: ClassInfo; relation: 'base class' | 'subclass'; how: string };

/**
 * Same-file inheritance: which classes extend which (by the base class's name; every class of
 * that name counts, since scopes are not resolved), and which classes hold a field themselves.
 * An accessor and a field of the same name cannot override each other (TypeScript rejects it;
 * in JS a base constructor's write reaches the subclass's setter before the subclass's private
 * store exists), so a chain where two classes hold the field is left alone as a whole.
 */
export class InheritanceChains {
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

