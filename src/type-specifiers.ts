import type { JSONSchema } from '@typescript-eslint/utils';

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
