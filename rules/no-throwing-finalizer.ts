import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { createRule, ruleDocsUrl } from '../src/create-rule.js';
import { getParserServices } from '../src/parser-services.js';
import { getCleanupCallback, mayInvolveFinalizationRegistry } from '../src/finalization-registry.js';
import type { CleanupFunction } from '../src/finalization-registry.js';
import { ALLOW_PATTERN_SOURCE, createThrowAnalyzer, describeSite } from '../src/throw-analysis.js';
import type { ThrowSite, ThrowSiteKind } from '../src/throw-analysis.js';

export type MessageIds =
  | 'addCatchHandler'
  | 'asyncCallback'
  | 'awaitExpression'
  | 'floatingPromise'
  | 'helperCall'
  | 'nonNullAssertion'
  | 'nullableAccess'
  | 'nullableCall'
  | 'throwStatement'
  | 'unsafeCall'
  | 'unsafeNew'
  | 'wrapInTryCatch';

export type Options = [
  {
    allow?: string[];
    maxDepth?: number;
    checkUntypedCalls?: boolean;
  },
];

/** Callees that cannot throw for any argument a cleanup callback would pass them. */
export const DEFAULT_ALLOW: readonly string[] = [
  'console.*',
  'clearImmediate',
  'clearInterval',
  'clearTimeout',
  // The built-in collections; the callbacks that forEach, map, filter and the like call are
  // checked as part of the cleanup callback.
  'Array#*',
  'ReadonlyArray#*',
  'Map#*',
  'ReadonlyMap#*',
  'Set#*',
  'ReadonlySet#*',
  'WeakMap#*',
  'WeakSet#*',
  'WeakRef#deref',
  // Chaining a promise never throws; a rejection that nobody handles is checked on its own.
  'Promise#catch',
  'Promise#finally',
  'Promise#then',
  // Taking a listener off, ending a worker (Node's `terminate()` promise does not reject).
  'EventTarget#removeEventListener',
  'EventEmitter#off',
  'EventEmitter#removeAllListeners',
  'EventEmitter#removeListener',
  'Worker#terminate',
];

export const DEFAULT_MAX_DEPTH = 3;

const MESSAGE_OF_KIND: Record<ThrowSiteKind, Exclude<MessageIds, 'addCatchHandler' | 'asyncCallback' | 'wrapInTryCatch'>> = {
  await: 'awaitExpression',
  call: 'unsafeCall',
  floating: 'floatingPromise',
  helper: 'helperCall',
  new: 'unsafeNew',
  nonNull: 'nonNullAssertion',
  nullableAccess: 'nullableAccess',
  nullableCall: 'nullableCall',
  throw: 'throwStatement',
};

const IGNORE_REJECTION = '.catch(() => {\n  // Empty on purpose: a rejection that escapes a cleanup callback is unhandled, which ends a Node process.\n})';

const CATCH_COMMENT = '// Empty on purpose: an error that escapes a cleanup callback is an uncaught exception, which ends a Node process.';


export default createRule<Options, MessageIds>({
  name: 'no-throwing-finalizer',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow code that can throw in FinalizationRegistry cleanup callbacks',
      url: ruleDocsUrl('no-throwing-finalizer'),
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            description:
              'Callees known not to throw; replaces the default list. `name` (a function or constructor), `a.b` or `a.*` (a dotted callee path, `*` = any last name), `Type#method` or `Type#*` (a method declared by the interface or class `Type`).',
            items: { type: 'string', pattern: ALLOW_PATTERN_SOURCE },
            uniqueItems: true,
          },
          maxDepth: {
            type: 'integer',
            description:
              'How many levels of calls to functions of the same file are followed into; 0 reports every such call as a call that may throw.',
            minimum: 0,
            maximum: 10,
          },
          checkUntypedCalls: {
            type: 'boolean',
            description:
              'Also report calls, `new` and tagged templates whose callee is typed `any` (untyped JavaScript, an untyped import): nothing tells whether they throw. Off by default: they are taken as safe, while `throw`, non-null assertions, `await` and async callbacks are still reported.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [...DEFAULT_ALLOW], maxDepth: DEFAULT_MAX_DEPTH, checkUntypedCalls: false }],
    messages: {
      addCatchHandler: 'Add a `.catch(...)` handler that swallows the rejection.',
      asyncCallback:
        'This cleanup callback is async, so an error inside it becomes an unhandled rejection; make it synchronous, or catch every error inside it.',
      awaitExpression: 'This `await` rethrows a rejection of `{{name}}` out of a cleanup callback, where nothing handles it; catch it inside the callback.',
      floatingPromise:
        'The promise from `{{name}}` is neither awaited nor handled in a cleanup callback, so its rejection would go unhandled; add `.catch(…)`.',
      helperCall: '`{{name}}` can throw ({{inner}}), and its error would escape the cleanup callback; catch it there, or make `{{name}}` safe.',
      nonNullAssertion:
        'The non-null assertion on `{{name}}` hides a value that may be nullish, and the TypeError would escape the cleanup callback; check the value instead.',
      nullableAccess: '`{{name}}` may be null or undefined, so this access can throw out of the cleanup callback; check it first or use `?.`.',
      nullableCall: '`{{name}}` may be null or undefined, so calling it can throw out of the cleanup callback; check it first or call it with `?.()`.',
      throwStatement: 'This `throw` escapes the cleanup callback as an uncaught exception; handle the problem without throwing, or catch it inside the callback.',
      unsafeCall:
        'The call of `{{name}}` may throw out of the cleanup callback; wrap it in try/catch, or add the callee to `allow` if it cannot throw.',
      unsafeNew: '`new {{name}}` may throw out of the cleanup callback; wrap it in try/catch, or add the constructor to `allow` if it cannot throw.',
      wrapInTryCatch: 'Wrap the whole callback body in try/catch so that no error escapes the cleanup callback.',
    },
    languages: ['js/js'],
  },
  create(context, [options]) {
    const services = getParserServices(context);
    const sourceCode = context.sourceCode;
    // Files that never mention a registry cost one regular-expression test.
    if (!mayInvolveFinalizationRegistry(sourceCode.text)) return {};

    const analyzer = createThrowAnalyzer(services, sourceCode, {
      allow: options.allow ?? DEFAULT_ALLOW,
      maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
      checkUntypedCalls: options.checkUntypedCalls === true,
    });
    const checked = new Set<CleanupFunction>();

    function check(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      const callback = getCleanupCallback(node, services);
      if (!callback || checked.has(callback)) return;
      checked.add(callback);
      const sites = analyzer.sitesOf(callback);
      if (sites.length === 0) return;
      const wrap: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [
        { messageId: 'wrapInTryCatch', fix: (fixer) => wrapBody(fixer, callback, sourceCode) },
      ];
      if (callback.async) {
        context.report({ loc: headOf(callback), messageId: 'asyncCallback', suggest: wrap });
      }
      for (const site of sites) report(site, suggestionsFor(site, wrap));
    }

    /** A try/catch cannot stop a rejection that happens later; only a handler on the promise can. */
    function suggestionsFor(
      site: ThrowSite,
      wrap: TSESLint.SuggestionReportDescriptor<MessageIds>[],
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (site.kind === 'floating') {
        return [{ messageId: 'addCatchHandler', fix: (fixer) => fixer.insertTextAfter(site.node, catchHandler(site.node, sourceCode)) }];
      }
      return site.escapesTry === true ? [] : wrap;
    }

    function report(site: ThrowSite, suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[]): void {
      context.report({
        node: site.node,
        messageId: MESSAGE_OF_KIND[site.kind],
        data: { name: site.name, inner: site.inner ? describeSite(site.inner) : '' },
        suggest,
      });
    }

    return {
      NewExpression: check,
      // `super(cb)` in a registry subclass, and factories that return a registry made with `cb`.
      CallExpression: check,
    };
  },
});

/** From the start of the function (or its method key) to the start of its body. */
function headOf(fn: CleanupFunction): TSESTree.SourceLocation {
  const parent = fn.parent;
  const owner =
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property) && parent.value === fn
      ? parent
      : fn;
  return { start: owner.loc.start, end: fn.body.loc.start };
}

/** `.catch(() => { … })`, indented like the line the promise starts on. */
function catchHandler(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const base = indentOfLine(sourceCode, node.loc.start.line);
  return IGNORE_REJECTION.replaceAll('\n', `\n${base}`);
}

function indentOfLine(sourceCode: Readonly<TSESLint.SourceCode>, line: number): string {
  const text = sourceCode.lines[line - 1] ?? '';
  return /^\s*/.exec(text)?.[0] ?? '';
}

function wrapBody(
  fixer: TSESLint.RuleFixer,
  fn: CleanupFunction,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.RuleFix {
  const base = indentOfLine(sourceCode, fn.body.loc.start.line);
  const unit = '  ';
  const inner = base + unit;
  const body = fn.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const content = sourceCode.text.slice(body.range[0] + 1, body.range[1] - 1);
    const statements = reindent(content, inner + unit);
    const text = `{\n${inner}try {\n${statements}\n${inner}} catch {\n${inner}${unit}${CATCH_COMMENT}\n${inner}}\n${base}}`;
    return fixer.replaceText(body, text);
  }
  // Expression body: keep any parentheses around it so object literals stay expressions.
  const arrow = sourceCode.getTokenBefore(body, { filter: (token) => token.value === '=>' });
  const first = arrow ? sourceCode.getTokenAfter(arrow) : null;
  const start = first ? first.range[0] : body.range[0];
  const end = Math.max(fn.range[1], body.range[1]);
  let expression = sourceCode.text.slice(start, end);
  if (/^(?:function\b|class\b|let\s*\[|\{)/.test(expression)) expression = `(${expression})`;
  const statements = reindent(`${expression};`, inner + unit);
  const text = `{\n${inner}try {\n${statements}\n${inner}} catch {\n${inner}${unit}${CATCH_COMMENT}\n${inner}}\n${base}}`;
  return fixer.replaceTextRange([start, end], text);
}

/**
 * Moves a block's statements one level deeper. A one-line body gets `indent`; the lines of a
 * multi-line body keep their relative indentation and gain one extra level.
 */
function reindent(content: string, indent: string): string {
  const lines = content.split('\n');
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  if (lines.length === 1) return indent + (lines[0] ?? '').trim();
  const common = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0));
  return lines.map((line) => (line.trim() === '' ? '' : indent + line.slice(common))).join('\n');
}
