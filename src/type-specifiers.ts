import { type TypeOrValueSpecifier, typeMatchesSomeSpecifier } from '@typescript-eslint/type-utils';
import type { JSONSchema } from '@typescript-eslint/utils';
import ts from 'typescript';

import { isTypeReference } from './type-graph.js';

/**
 * JSON schema of a list of typescript-eslint `TypeOrValueSpecifier`s (a name, or
 * `{ from: 'file' | 'lib' | 'package', name, path?, package? }`), the format users already know
 * from typescript-eslint's own options. Same shape as `typeOrValueSpecifiersSchema` from
 * @typescript-eslint/type-utils, with a description on every property so that the generated docs
 * and editors can explain each field.
 */
export function typeOrValueSpecifiersSchema(description: string): JSONSchema.JSONSchema4ArraySchema {
  const name: JSONSchema.JSONSchema4 = {
    description: 'The type or value name, or several of them.',
    oneOf: [
      { type: 'string' },
      { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
    ],
  };
  return {
    type: 'array',
    description,
    items: {
      oneOf: [
        { type: 'string', description: 'A type or value name, wherever it is declared.' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'name'],
          properties: {
            from: { type: 'string', enum: ['file'], description: 'Declared in a file of this project.' },
            name,
            path: { type: 'string', description: 'The file, relative to the project root; any file when left out.' },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'name'],
          properties: {
            from: { type: 'string', enum: ['lib'], description: "Declared in TypeScript's built-in lib files." },
            name,
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'name', 'package'],
          properties: {
            from: { type: 'string', enum: ['package'], description: 'Declared in an npm package (or its @types package).' },
            name,
            package: { type: 'string', description: 'The package name, e.g. `@types/node` or `pg`.' },
          },
        },
      ],
    },
  };
}

/**
 * A test of "this type, or one of its base classes or interfaces, matches one of these
 * specifiers" (typescript-eslint's `typeMatchesSomeSpecifier` looks at the type alone), for
 * options that name a family of types by its root: `{ from: 'lib', name: 'EventTarget' }` covers
 * `HTMLElement` and `Window`, `{ from: 'package', package: '@types/node', name: 'EventEmitter' }`
 * covers `Readable` and `process`. `null` and `undefined` are left out of unions (an optional
 * value is the type once it is there) and every other member must match; a type parameter is
 * its constraint. One matcher per program and specifier list, its answers cached per type.
 */
export type BaseTypeMatcher = (type: ts.Type) => boolean;

const matchers = new WeakMap<ts.Program, Map<string, BaseTypeMatcher>>();
const MAX_BASE_DEPTH = 12;

export function baseTypeMatcher(program: ts.Program, specifiers: readonly TypeOrValueSpecifier[]): BaseTypeMatcher {
  let byList = matchers.get(program);
  if (byList === undefined) {
    byList = new Map();
    matchers.set(program, byList);
  }
  const key = JSON.stringify(specifiers);
  let matcher = byList.get(key);
  if (matcher === undefined) {
    matcher = createBaseTypeMatcher(program, specifiers);
    byList.set(key, matcher);
  }
  return matcher;
}

function createBaseTypeMatcher(program: ts.Program, specifiers: readonly TypeOrValueSpecifier[]): BaseTypeMatcher {
  const checker = program.getTypeChecker();
  const answers = new WeakMap<ts.Type, boolean>();
  const list = [...specifiers];

  const declaredMatches = (type: ts.Type, depth: number): boolean => {
    const cached = answers.get(type);
    if (cached !== undefined) return cached;
    // A class that derives from itself through a broken program must not loop.
    answers.set(type, false);
    let answer = list.length > 0 && typeMatchesSomeSpecifier(type, list, program);
    if (!answer && depth < MAX_BASE_DEPTH) {
      const declared: ts.Type = isTypeReference(type) ? type.target : type;
      if (declared !== type) answer = declaredMatches(declared, depth + 1);
      if (!answer && declared.isClassOrInterface()) {
        answer = checker.getBaseTypes(declared).some((base) => declaredMatches(base, depth + 1));
      }
    }
    answers.set(type, answer);
    return answer;
  };

  return (type: ts.Type): boolean => {
    if (list.length === 0) return false;
    const parts = (type.isUnion() ? type.types : [type]).filter(
      (part) => (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) === 0,
    );
    if (parts.length === 0) return false;
    return parts.every((part) => {
      let concrete = part;
      if (concrete.flags & ts.TypeFlags.TypeParameter) {
        const constraint = checker.getBaseConstraintOfType(concrete);
        if (constraint === undefined || constraint === concrete) return false;
        concrete = constraint;
      }
      if (concrete.isIntersection()) return concrete.types.some((member) => declaredMatches(member, 0));
      return declaredMatches(concrete, 0);
    });
  };
}
