import { AST_NODE_TYPES, ESLintUtils } from '@typescript-eslint/utils';
import ts from 'typescript';

import { resolveFunction, resolveFunctionOfTsExpression } from '../../src/ast/resolve-function.js';
import { runRuleTests } from '../rule-tester.js';

/**
 * A probe rule: at every call `probe(x)`, reports the function `x` means, or, when it means a
 * function of another file, the call itself with `elsewhere`.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    schema: [],
    messages: { resolved: 'Resolved.', elsewhere: 'Resolved to {{name}} in another file.' },
    defaultOptions: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    return {
      CallExpression(node): void {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
        const [argument] = node.arguments;
        if (argument === undefined) return;
        const fn = resolveFunction(argument, services);
        if (fn !== undefined) {
          context.report({ node: fn, messageId: 'resolved' });
          return;
        }
        const declaration = resolveFunctionOfTsExpression(services.esTreeNodeToTSNodeMap.get(argument) as ts.Expression, checker);
        if (declaration !== undefined && declaration.getSourceFile().fileName !== context.filename) {
          const name = declaration.name !== undefined && ts.isIdentifier(declaration.name) ? declaration.name.text : '(anonymous)';
          context.report({ node, messageId: 'elsewhere', data: { name } });
        }
      },
    };
  },
});

const preamble = 'declare function probe(value: unknown): void;\n';

runRuleTests('resolve-function', probe, {
  valid: [
    // A `let` may be reassigned before the call.
    `${preamble}let later = () => {};\nprobe(later);`,
    // A whole module is no function.
    `${preamble}import * as helpers from './resolve-function.js';\nprobe(helpers);`,
    // Declarations without a body.
    `${preamble}declare function ambient(): void;\nprobe(ambient);`,
    `${preamble}interface Shape { m(): void }\ndeclare const shape: Shape;\nprobe(shape.m);`,
    // Two bodies for one name: which one runs is not known here.
    `${preamble}function twice(): void {}\nfunction twice(): void {}\nprobe(twice);`,
    // Not a reference to a function at all.
    `${preamble}probe(1 + 2);\nprobe(probe(0));`,
  ],
  invalid: [
    {
      name: 'inline functions and declarations',
      code: `${preamble}probe(() => {});
probe(function () {});
function declared(): void {}
probe(declared);`,
      errors: [
        { messageId: 'resolved', line: 2, column: 7 },
        { messageId: 'resolved', line: 3, column: 7 },
        { messageId: 'resolved', line: 4, column: 1 },
      ],
    },
    {
      name: 'const chains, wrappers and bind',
      code: `${preamble}const first = (held: number): void => { void held; };
const second = first;
const wrapped = (first as (held: number) => void);
probe(second);
probe(wrapped.bind(null));`,
      errors: [
        { messageId: 'resolved', line: 2, column: 15 },
        { messageId: 'resolved', line: 2, column: 15 },
      ],
    },
    {
      name: 'the implementation of an overload set',
      code: `${preamble}function over(value: number): void;
function over(value: string): void;
function over(value: unknown): void { void value; }
probe(over);`,
      errors: [{ messageId: 'resolved', line: 4, column: 1 }],
    },
    {
      name: 'methods, arrow fields and object literal properties',
      code: `${preamble}class Owner {
  field = (): void => {};
  method(): void {}
  run(): void { probe(this.method); probe(this.field); }
}
const table = { entry: function (): void {}, short() {} };
probe(table.entry);
probe(table['short']);
const entry = table.entry;
probe({ entry }.entry);`,
      errors: [
        { messageId: 'resolved', line: 3, column: 11 },
        { messageId: 'resolved', line: 4, column: 9 },
        // Reports come sorted by place: \`table.entry\` and \`{ entry }.entry\`, then \`table['short']\`.
        { messageId: 'resolved', line: 7, column: 24 },
        { messageId: 'resolved', line: 7, column: 24 },
        { messageId: 'resolved', line: 7, column: 51 },
      ],
    },
    {
      name: 'imports followed to the other file',
      code: `${preamble}import byDefault, { elsewhere } from './resolve-function.js';
probe(elsewhere);
probe(byDefault);`,
      errors: [
        { messageId: 'elsewhere', data: { name: 'elsewhere' }, line: 3, column: 1 },
        { messageId: 'elsewhere', data: { name: 'byDefault' }, line: 4, column: 1 },
      ],
    },
  ],
});
