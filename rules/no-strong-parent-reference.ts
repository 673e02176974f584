import type { TSESLint } from '@typescript-eslint/utils';

import {
  type BackReference,
  DEFAULT_BACK_REFERENCE_NAMES,
  DEFAULT_IN_FLIGHT_NAMES,
  DEFAULT_MAX_DEPTH,
  findBackReferences,
} from '../src/back-references.js';
import { createRule, ruleDocsUrl } from '../src/create-rule.js';
import { getParserServices } from '../src/parser-services.js';

export type Options = [
  {
    backReferenceNames?: string[];
    ignore?: string[];
    inFlightNames?: string[];
    checkDeclarationFiles?: boolean;
    maxDepth?: number;
  },
];

export type MessageIds = 'strongParent' | 'strongPeer' | 'useWeakRef';

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
          inFlightNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Words that mark a collection of work in flight or of registrations (`pickQueue`, `activeCalls`, `observers`): its elements need their holder to work, so it is not a parent of theirs.',
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
        backReferenceNames: [...DEFAULT_BACK_REFERENCE_NAMES],
        ignore: [],
        inFlightNames: [...DEFAULT_IN_FLIGHT_NAMES],
        checkDeclarationFiles: false,
        maxDepth: DEFAULT_MAX_DEPTH,
      },
    ],
    messages: {
      strongParent:
        '`{{owner}}.{{property}}` holds the `{{target}}` whose `{{downOwner}}.{{downProperty}}` holds it, so one reachable child keeps the whole tree alive; hold it in a WeakRef.',
      strongPeer:
        '`{{owner}}.{{property}}` and `{{downOwner}}.{{downProperty}}` hold each other strongly, so either object keeps the other alive; hold one side in a WeakRef.',
      useWeakRef: 'Hold `{{property}}` in a WeakRef behind a getter that throws a ReferenceError once the parent is collected.',
    },
    languages: ['js/js'],
  },
  create(context, [options]) {
    if (DECLARATION_FILE.test(context.filename) && options.checkDeclarationFiles !== true) return {};

    const services = getParserServices(context);
    const { program } = services;
    const sourceCode = context.sourceCode;

    const report = (reference: BackReference): void => {
      const { rewrite } = reference;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = rewrite.offered
        ? [
            {
              messageId: 'useWeakRef',
              data: { property: reference.property },
              fix: (fixer) => fixer.replaceTextRange([rewrite.start, rewrite.end], rewrite.text),
            },
          ]
        : [];
      const sourceFile = reference.name.getSourceFile();
      context.report({
        loc: {
          start: sourceCode.getLocFromIndex(reference.name.getStart(sourceFile)),
          end: sourceCode.getLocFromIndex(reference.name.getEnd()),
        },
        messageId: reference.kind === 'parent' ? 'strongParent' : 'strongPeer',
        data: {
          owner: reference.owner,
          property: reference.property,
          target: reference.downward.target,
          downOwner: reference.downward.holder,
          downProperty: reference.downward.property,
          held: reference.downward.held,
        },
        suggest,
      });
    };

    return {
      // At the end of the file: the other rules of a typed lint have asked the checker about most
      // of the file's types by then, and the answers are cached.
      'Program:exit'(node): void {
        const sourceFile = services.esTreeNodeToTSNodeMap.get(node);
        const references = findBackReferences(program, sourceFile, {
          backReferenceNames: options.backReferenceNames ?? DEFAULT_BACK_REFERENCE_NAMES,
          ignore: options.ignore ?? [],
          inFlightNames: options.inFlightNames ?? DEFAULT_IN_FLIGHT_NAMES,
          maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
        });
        for (const reference of references) report(reference);
      },
    };
  },
});
