/** Constructors: parameter properties, the writes of a field, and where a store write goes. */
import { CLASS_TYPES, FUNCTION_TYPES, child, children, end, forEachChild, get, methodFunction, start, text, thisMemberName, type AstNode } from '../lib/ast.js';
import { lineIndent } from '../lib/positions.js';
import type { TextEdits } from '../lib/text-edits.js';

export function isNewWeakRef(node: AstNode | undefined): boolean {
  if (node?.type !== 'NewExpression') return false;
  const callee = child(node, 'callee');
  return callee?.type === 'Identifier' && text(callee, 'name') === 'WeakRef';
}

export function isPrimitiveLiteral(node: AstNode | undefined): boolean {
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

export function parameterIdentifier(parameterProperty: AstNode): AstNode | undefined {
  const parameter = child(parameterProperty, 'parameter');
  return parameter?.type === 'AssignmentPattern' ? child(parameter, 'left') : parameter;
}

export function findParameterProperty(constructorMember: AstNode, fieldName: string): AstNode | undefined {
  return children(methodFunction(constructorMember), 'params').find(
    (param) => param.type === 'TSParameterProperty' && text(parameterIdentifier(param), 'name') === fieldName,
  );
}

/** Top-level `this.name = …` statements of a constructor. */
export function writesIn(constructorMember: AstNode, fieldName: string): AstNode[] {
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

export type Placement = { kind: 'start' } | { kind: 'after'; statement: AstNode };

/** TypeScript stores parameter properties right after `super()`, or first thing without a base. */
export function storeWritePlacement(classNode: AstNode, body: AstNode): Placement | undefined {
  if (!child(classNode, 'superClass')) return { kind: 'start' };
  const statement = children(body, 'body').find((candidate) => {
    const expression = candidate.type === 'ExpressionStatement' ? child(candidate, 'expression') : undefined;
    return expression?.type === 'CallExpression' && child(expression, 'callee')?.type === 'Super';
  });
  return statement ? { kind: 'after', statement } : undefined;
}

export function placeStoreWrite(
  source: string,
  body: AstNode,
  placement: Placement,
  write: string,
  memberIndent: string,
  unit: string,
  eol: string,
  edits: TextEdits,
): void {
  if (placement.kind === 'after') {
    const { indent } = lineIndent(source, start(placement.statement));
    edits.add(end(placement.statement), end(placement.statement), eol + indent + write);
    return;
  }
  const statements = children(body, 'body');
  const directives = children(body, 'directives');
  const lastDirective = directives[directives.length - 1];
  const first = statements[0];
  if (lastDirective) {
    const { indent } = lineIndent(source, start(lastDirective));
    edits.add(end(lastDirective), end(lastDirective), eol + indent + write);
  } else if (first) {
    const { indent, alone } = lineIndent(source, start(first));
    edits.add(start(first), start(first), alone ? write + eol + indent : `${write} `);
  } else {
    const inner = source.slice(start(body) + 1, end(body) - 1);
    if (inner.trim() === '') {
      edits.add(start(body) + 1, end(body) - 1, eol + memberIndent + unit + write + eol + memberIndent);
    } else {
      // Only comments in the body: keep them, write first.
      edits.add(start(body) + 1, start(body) + 1, eol + memberIndent + unit + write);
    }
  }
}

