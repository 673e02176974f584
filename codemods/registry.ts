/**
 * The transforms the CLI offers. Each entry says what the CLI needs to know without loading the
 * transform: its name and summary, its options (for parsing and --help), and a pre-filter that
 * tells from a file's text alone whether parsing it can be worth it. A new transform is an
 * entry here; the CLI itself does not change.
 */

import { mentionsField, parseAccessorOption, parseFieldsOption, parseOnCollectedOption, parseStorageOption } from './weak-parent/options.js';

export interface TransformOption {
  name: string;
  /** Shown after the flag in --help, e.g. `LIST`. */
  value: string;
  description: string;
  /** Throws TypeError with a message for the user on a bad value. */
  validate?: (value: string) => void;
}

/** What a transform's type-aware mode says about one file. */
export interface ProjectFile {
  /** Fields to rewrite: name and start offset of the declaration (the transform's own checks still apply). */
  targets: { fieldName: string; start: number }[];
  /** Fields reported but not to be rewritten, as `line` + `Owner.field left alone: reason`. */
  leftAlone: { line: number; message: string }[];
}

/** By path, the files of the program among those asked about; a file it lacks is not in the program. */
export type ProjectSelection = Map<string, ProjectFile>;

/** The export of a transform's `project` module; throws an Error named `ProjectError` for a tsconfig it cannot use. */
export type SelectWithProject = (tsconfig: string, files: readonly string[], options: Record<string, string>) => ProjectSelection;

export interface TransformEntry {
  name: string;
  summary: string;
  /** The module with the transform as default export, relative to this file (as built). */
  module: string;
  options: readonly TransformOption[];
  /** From the transform's options, a test of a file's text; false means "skip without parsing". */
  prefilter: (options: Record<string, string>) => { reason: string; test: (source: string) => boolean };
  /** Lines for --help after the options: examples of use. */
  examples: readonly string[];
  /**
   * The type-aware mode (`--project tsconfig.json`), when the transform has one: a module,
   * relative to this file, whose `selectWithProject(tsconfig, files, options)` says per file
   * which fields to rewrite and which to leave alone (see codemods/weak-parent/project.ts).
   */
  project?: string;
}

export const TRANSFORMS: readonly TransformEntry[] = [
  {
    name: 'weak-parent',
    summary: 'turn `parent` fields of classes into a WeakRef store behind an accessor, so a kept child no longer keeps its tree alive',
    module: './weak-parent/index.js',
    project: './weak-parent/project.js',
    options: [
      { name: 'fields', value: 'LIST', description: 'field names to rewrite (default: parent)', validate: (value) => void parseFieldsOption(value) },
      {
        name: 'storage',
        value: 'KIND',
        description: 'auto (default: #private where the target has it, else underscore), private (#parent) or underscore (_parentRef)',
        validate: (value) => void parseStorageOption(value),
      },
      {
        name: 'on-collected',
        value: 'WHAT',
        description: 'what reading the field does once the parent is collected: throw (default, a ReferenceError) or undefined',
        validate: (value) => void parseOnCollectedOption(value),
      },
      {
        name: 'accessor',
        value: 'WHERE',
        description:
          'prototype (default: a getter/setter pair; fields that the class enumerates or the project\'s test snapshots print are left alone) or own (also an own, enumerable property of each instance, so Object.keys, spread, JSON, snapshots and toEqual still see the field; slower to construct)',
        validate: (value) => void parseAccessorOption(value),
      },
    ],
    prefilter: (options) => {
      const fields = parseFieldsOption(options.fields);
      return {
        reason: `without ${fields.map((name) => `\`${name}\``).join(' or ')} in their text (not parsed)`,
        test: (source) => mentionsField(source, fields),
      };
    },
    examples: [
      'weak-parent --dry --diff src/          show what would change, write nothing',
      'weak-parent src/                       rewrite in place (needs a clean git tree, or --force)',
      'weak-parent --fields=parent,owner --on-collected=undefined --json report.json src/',
      'weak-parent --project tsconfig.json src/  rewrite exactly what lifetime/no-strong-parent-reference reports',
    ],
  },
];

export function findTransform(name: string): TransformEntry | undefined {
  return TRANSFORMS.find((entry) => entry.name === name);
}

/** Where a transform's type-aware selection is, as a file URL, when it has one. */
export function projectUrl(entry: TransformEntry): URL | undefined {
  return entry.project === undefined ? undefined : new URL(entry.project, import.meta.url);
}

/** Where a transform's module is, as a file URL (works from the sources and from dist/). */
export function transformUrl(entry: TransformEntry): URL {
  return new URL(entry.module, import.meta.url);
}
