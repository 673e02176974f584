/** The options of the `weak-parent` transform, as the CLI and plain jscodeshift pass them. */
import type { WeakParentAccessor, WeakParentOnCollected, WeakParentStorage } from '../../src/weak-parent-rewrite.js';

export const DEFAULT_FIELDS: readonly string[] = ['parent'];

/** Field names from the `fields` option: a comma-separated string or an array; absent means `parent`. */
export function parseFieldsOption(value: unknown): string[] {
  let names: string[];
  if (value === undefined || value === null) return [...DEFAULT_FIELDS];
  if (Array.isArray(value)) names = value.map(String);
  else if (typeof value === 'string') names = value.split(',');
  else throw new TypeError('The `fields` option must be a comma-separated list of field names.');
  names = names.map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new TypeError('The `fields` option is empty; name at least one field, e.g. --fields=parent.');
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new TypeError(`The field name ${JSON.stringify(name)} is not a JavaScript identifier.`);
    }
  }
  return names;
}

/** `private`, `underscore`, or undefined: chosen per file from what the project can build. */
export function parseStorageOption(value: unknown): WeakParentStorage | undefined {
  if (value === undefined || value === null || value === '' || value === 'auto') return undefined;
  if (value === 'private' || value === 'underscore') return value;
  throw new TypeError('The `storage` option must be `auto`, `private` or `underscore`.');
}

export function parseOnCollectedOption(value: unknown): WeakParentOnCollected {
  if (value === undefined || value === null || value === '' || value === 'throw') return 'throw';
  if (value === 'undefined') return 'undefined';
  throw new TypeError('The `on-collected` option must be `throw` or `undefined`.');
}

export function parseAccessorOption(value: unknown): WeakParentAccessor {
  if (value === undefined || value === null || value === '' || value === 'prototype') return 'prototype';
  if (value === 'own') return 'own';
  throw new TypeError('The `accessor` option must be `prototype` or `own`.');
}

/** Cheap text test run before parsing: can the file contain one of the fields at all? */
export function mentionsField(source: string, fields: readonly string[]): boolean {
  return fields.some((name) => {
    let index = source.indexOf(name);
    while (index !== -1) {
      const before = index === 0 ? '' : source.charAt(index - 1);
      const after = source.charAt(index + name.length);
      if (!/[\w$]/.test(before) && !/[\w$]/.test(after)) return true;
      index = source.indexOf(name, index + 1);
    }
    return false;
  });
}

export interface WeakParentOptions {
  fields: string[];
  storage: WeakParentStorage | undefined;
  onCollected: WeakParentOnCollected;
  accessor: WeakParentAccessor;
  /** Read tsconfig, package.json and formatter settings near the file (default true). */
  projectAware: boolean;
}

/** All options at once; throws TypeError with a message for the user on a bad value. */
export function parseOptions(options: Record<string, unknown>): WeakParentOptions {
  return {
    fields: parseFieldsOption(options.fields),
    storage: parseStorageOption(options.storage),
    onCollected: parseOnCollectedOption(options['on-collected'] ?? options.onCollected),
    accessor: parseAccessorOption(options.accessor),
    projectAware: options.project !== false && options.project !== 'false',
  };
}
