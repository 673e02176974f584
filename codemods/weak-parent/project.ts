/**
 * The type-aware mode of weak-parent (`--project tsconfig.json`): the fields to rewrite are the
 * ones `lifetime/no-strong-parent-reference` reports in that TypeScript program, found by the
 * rule's own analysis (src/back-references.ts), and every field the rule reports but cannot
 * rewrite is left alone with the rule's reason. A `parent` field that is no back reference (a
 * cursor, a linked list) is not touched.
 */
import { dirname, resolve } from 'node:path';

import ts from 'typescript';

import { type BackReferenceOptions, findBackReferences } from '../../src/back-references.js';
import { parseFieldsOption } from './options.js';
import type { ProjectFile, ProjectSelection, SelectWithProject } from '../registry.js';

/**
 * The rule defers these two to the codemod (its suggestion cannot rewrite a constructor's
 * parameter list or the writes of a JavaScript member); here they are rewritten.
 */
const REWRITTEN_BY_THE_CODEMOD = new Set(['parameter-property', 'assigned-in-method']);

/** A tsconfig that cannot be read or parsed, with TypeScript's own message. */
export class ProjectError extends Error {
  override name = 'ProjectError';
}

function diagnosticText(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
}

/** The program of `tsconfigPath`, as `tsc -p` would build it (without emitting). */
export function programOf(tsconfigPath: string): ts.Program {
  const path = resolve(tsconfigPath);
  const read = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
  if (read.error) throw new ProjectError(`${tsconfigPath}: ${diagnosticText(read.error)}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path), undefined, path);
  // "No inputs were found" is the one error worth stopping for; others (an unknown option of a
  // newer TypeScript) do not keep the program from answering.
  const fatal = parsed.errors.find((error) => error.code === 18003);
  if (fatal) throw new ProjectError(`${tsconfigPath}: ${diagnosticText(fatal)}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true }, projectReferences: parsed.projectReferences });
}

/**
 * For each file of the program, the fields `no-strong-parent-reference` reports there (files
 * outside the program are left out). `fields`, when given
 * (`--fields`), replaces the rule's back-reference names, as its `backReferenceNames` option does.
 */
export function selectFields(program: ts.Program, files: readonly string[], options: { fields?: string; storage?: string } = {}): ProjectSelection {
  const analysis: BackReferenceOptions = {};
  if (options.fields !== undefined) analysis.backReferenceNames = parseFieldsOption(options.fields);
  if (options.storage === 'private' || options.storage === 'underscore') analysis.storage = options.storage;
  const selection: ProjectSelection = new Map();
  for (const file of files) {
    const sourceFile = program.getSourceFile(resolve(file));
    if (sourceFile === undefined) continue;
    const found: ProjectFile = { targets: [], leftAlone: [] };
    for (const reference of findBackReferences(program, sourceFile, analysis)) {
      if (reference.declaration.getSourceFile() !== sourceFile) continue;
      const { rewrite } = reference;
      if (rewrite.offered || REWRITTEN_BY_THE_CODEMOD.has(rewrite.refusal)) {
        found.targets.push({ fieldName: reference.property, start: reference.declaration.getStart(sourceFile) });
      } else {
        const line = sourceFile.getLineAndCharacterOfPosition(reference.name.getStart(sourceFile)).line + 1;
        found.leftAlone.push({ line, message: `${reference.owner}.${reference.property} left alone: ${rewrite.reason}` });
      }
    }
    selection.set(file, found);
  }
  return selection;
}

/** `programOf` and `selectFields` in one call: what the CLI's `--project` runs. */
export const selectWithProject: SelectWithProject = (tsconfigPath, files, options) => selectFields(programOf(tsconfigPath), files, options);
