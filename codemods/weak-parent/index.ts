/**
 * jscodeshift transform `weak-parent`: turns strong `parent` fields of classes into a private
 * WeakRef store behind an accessor, shaped by what the file's project builds and how it formats.
 *
 * The source is parsed once; the rewrite is applied as text edits on the original source, so
 * everything outside the rewritten members stays byte for byte as it was. Each job lives in a
 * module of this folder; the shared kit (parsing, edits, style, project settings) in ../lib/.
 */
import type { API, FileInfo, Options } from 'jscodeshift';

import { typeCheckPragma } from '../../src/ts-check-pragma.js';
import type { WeakParentStyle } from '../../src/weak-parent-rewrite.js';
import { isDeclarationFile, isTypeScriptPath, parserFor, parserForPath } from '../lib/parse.js';
import { projectConfig, strictness } from '../lib/project-config.js';
import { formatterSettings } from '../lib/project-style.js';
import { snapshotListing } from '../lib/snapshots.js';
import { DEFAULT_STYLE, detectCodeHabits, detectEol, detectIndentUnit } from '../lib/style.js';
import { mentionsField, parseOptions } from './options.js';
import { type CheckedJs, type FieldTarget, rewriteWeakParents, type RewriteContext, type WeakParentResult } from './rewrite.js';
import { shown, targetVerdict } from './target.js';

export { SourceParseError as WeakParentParseError, isDeclarationFile, parserForPath } from '../lib/parse.js';
export { DEFAULT_FIELDS, mentionsField, parseFieldsOption, parseOptions, parseStorageOption } from './options.js';
export type { FieldTarget, WeakParentReport, WeakParentResult } from './rewrite.js';

/**
 * The rewrite with its reports, for callers that want both (the CLI, tests). `targets`, when
 * given, limits the rewrite to those fields.
 */
export function transformWithReports(
  file: { path: string; source: string },
  options: Record<string, unknown>,
  targets?: RewriteContext['targets'],
): WeakParentResult & { notes: string[] } {
  const parsed = parseOptions(options);
  const unchanged = { output: file.source, reports: [], rewritten: 0, notes: [] };
  if (isDeclarationFile(file.path) || !mentionsField(file.source, parsed.fields)) return unchanged;
  const parse = parserFor(file.path, options.parser);
  const program = parse(file.source);
  const typescript = isTypeScriptPath(file.path);

  const verdict = parsed.projectAware
    ? targetVerdict(file.path, typescript, parsed.storage)
    : { ok: true as const, storage: parsed.storage ?? 'private', sharing: parsed.storage === 'underscore' ? undefined : ('slot' as const), notes: [] };
  // Flow's parser does not read `#slot in object`, which the slot form of the sharing helper uses.
  if (verdict.ok && verdict.sharing === 'slot' && parserForPath(file.path, options.parser) === 'flow') verdict.sharing = 'map';
  const formatter = parsed.projectAware ? formatterSettings(file.path) : undefined;
  const habits = detectCodeHabits(file.source, program);
  const indentUnit = detectIndentUnit(file.source) ?? formatter?.indentUnit ?? DEFAULT_STYLE.indentUnit;
  const style: WeakParentStyle = {
    quote: habits.quote ?? formatter?.quote ?? DEFAULT_STYLE.quote,
    semicolons: habits.semicolons ?? formatter?.semicolons ?? DEFAULT_STYLE.semicolons,
    printWidth: formatter?.printWidth ?? DEFAULT_STYLE.printWidth,
    tabWidth: indentUnit === '\t' ? 2 : indentUnit.length,
    trailingCommaInCalls: formatter?.trailingCommaInCalls ?? DEFAULT_STYLE.trailingCommaInCalls,
    trailingCommaInObjects: formatter?.trailingCommaInObjects ?? DEFAULT_STYLE.trailingCommaInObjects,
    // Formatters (Prettier, Biome) never write spaces inside parentheses, so only the file says so.
    spaceInParens: habits.spaceInParens ?? DEFAULT_STYLE.spaceInParens,
  };
  const context: RewriteContext = {
    path: file.path,
    fields: parsed.fields,
    storage: verdict.ok ? verdict.storage : 'private',
    typescript,
    sharing: verdict.ok ? verdict.sharing : undefined,
    onCollected: parsed.onCollected,
    accessor: parsed.accessor,
    style,
    eol: detectEol(file.source),
    indentUnit,
  };
  if (typescript) {
    if (parsed.projectAware) context.strictNullChecks = strictness(projectConfig(file.path)).strictNullChecks;
  } else {
    const checked = typeCheckOf(file.path, file.source, parsed.projectAware);
    if (checked !== undefined) {
      context.checkedJs = checked;
      context.strictNullChecks = checked.strictNullChecks;
    }
  }
  if (!verdict.ok) context.refuseAll = verdict.refusal;
  if (parsed.projectAware) context.snapshotListing = (fieldName) => snapshotListing(file.path, fieldName);
  if (targets) context.targets = targets;
  const result = rewriteWeakParents(file.source, program, context);
  // Never hand back text that does not parse: the file would be left broken on disk.
  if (result.output !== file.source) parse(result.output, 'the rewritten text does not parse (please report this file): ');
  return { ...result, notes: verdict.ok && result.rewritten > 0 ? verdict.notes : [] };
}

/**
 * Whether TypeScript type-checks a JavaScript file (`// @ts-check`, or `checkJs` in the project's
 * tsconfig.json / jsconfig.json), what makes it so as refusals name it, and with which checks.
 */
function typeCheckOf(path: string, source: string, projectAware: boolean): CheckedJs | undefined {
  const pragma = typeCheckPragma(source);
  if (pragma === false) return undefined;
  // Without reading the project, a `// @ts-check` file is taken to be checked with every check on.
  const config = projectAware ? projectConfig(path) : undefined;
  if (pragma === true) return { from: '`// @ts-check`', ...strictness(config ?? { strictFlags: {} }) };
  if (config?.checkJs !== true || config.tsconfig === undefined) return undefined;
  return { from: `checkJs in ${shown(config.tsconfig)}`, ...strictness(config) };
}

/**
 * The fields chosen for `path` by the CLI's type-aware mode (`--project`): `options.targets` maps
 * file paths to fields; a file it does not list has no field to rewrite.
 */
function targetsOf(options: Options, path: string): RewriteContext['targets'] {
  const targets: unknown = options.targets;
  if (targets === undefined || targets === null || typeof targets !== 'object') return undefined;
  const forFile: unknown = (targets as Record<string, unknown>)[path];
  return Array.isArray(forFile) ? (forFile as FieldTarget[]) : [];
}

export default function transform(file: FileInfo, api: Pick<API, 'report'>, options: Options): string | undefined {
  const result = transformWithReports(file, options, targetsOf(options, file.path));
  for (const note of result.notes) api.report(`${file.path}:1: note: ${note}`);
  for (const report of result.reports) api.report(`${file.path}:${String(report.line)}: ${report.message}`);
  return result.output === file.source ? undefined : result.output;
}
