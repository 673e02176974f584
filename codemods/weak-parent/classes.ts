/** The classes of a file, with the names reports use for them. */
import { CLASS_TYPES, child, flag, forEachChild, text, type AstNode } from '../lib/ast.js';

/** A class of the file being rewritten. */
export interface ClassInfo {
  node: AstNode;
  name: string;
  /** The class has a name its own members can use at run time (a declaration, or a named expression). */
  selfNamed: boolean;
  ambient: boolean;
}

export function collectClasses(program: AstNode): ClassInfo[] {
  const classes: ClassInfo[] = [];
  const visit = (node: AstNode, parent: AstNode | undefined, ambient: boolean): void => {
    let inAmbient = ambient;
    if ((node.type === 'TSModuleDeclaration' || node.type === 'TSDeclareFunction') && flag(node, 'declare')) {
      inAmbient = true;
    }
    if (CLASS_TYPES.has(node.type)) {
      classes.push({
        node,
        name: className(node, parent),
        selfNamed: text(child(node, 'id'), 'name') !== undefined,
        ambient: inAmbient || flag(node, 'declare'),
      });
    }
    forEachChild(node, (childNode) => {
      visit(childNode, node, inAmbient);
    });
  };
  visit(program, undefined, false);
  return classes;
}

export function className(node: AstNode, parent: AstNode | undefined): string {
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

