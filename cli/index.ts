#!/usr/bin/env node
/**
 * `eslint-plugin-lifetime <transform> <paths…>`: runs one of the package's codemods, listed in
 * codemods/registry.ts, over files and folders.
 *
 * Order of a run: check the arguments; refuse a git tree with uncommitted changes (unless --dry
 * or --force); list the files and skip, unparsed, those whose text the transform's pre-filter
 * rules out; transform the rest without writing; tell the user what each rewrite means for its
 * callers; then write (atomically, keeping modes, never a read-only file). stdout carries only
 * --diff or --print output; the summary goes to stderr, a machine-readable report to --json.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

import {
  findTransform,
  type ProjectSelection,
  projectUrl,
  type SelectWithProject,
  TRANSFORMS,
  transformUrl,
  type TransformEntry,
} from '../codemods/registry.js';
import { isDeclarationFile, KNOWN_PARSERS, SOURCE_EXTENSIONS } from '../codemods/lib/parse.js';
import { packageJson } from '../src/package-info.js';
import { unifiedDiff } from './diff.js';
import { listFiles } from './files.js';
import { uncommittedChanges } from './git.js';
import { runTransform, IN_BAND_LIMIT, type FileResult } from './run.js';
import { COMMON_OPTIONS } from './options.js';
import { isReadOnly, writeAtomically } from './write.js';

const PROGRAM = 'eslint-plugin-lifetime';
const DEFAULT_IGNORES = ['node_modules/', 'dist/'];

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}

function helpText(): string {
  const transforms = TRANSFORMS.map((entry) => `  ${entry.name.padEnd(24)}${entry.summary}`).join('\n');
  const transformOptions = TRANSFORMS.map(
    (entry) =>
      `Options of ${entry.name}:\n${entry.options.map((option) => formatOption(`--${option.name}=${option.value}`, option.description)).join('\n')}`,
  ).join('\n\n');
  const examples = TRANSFORMS.flatMap((entry) => entry.examples.map((example) => `  ${PROGRAM} ${example}`)).join('\n');
  return `Usage: ${PROGRAM} <transform> [options] <paths...>

Transforms:
${transforms}

Options:
${[
  formatOption('-d, --dry', 'write nothing; report what would change'),
  formatOption('    --diff', 'print a unified diff of each changed file to stdout (files are still written unless --dry)'),
  formatOption('-p, --print', 'print each changed file to stdout, after a `==> file <==` header (files are still written unless --dry)'),
  formatOption('    --json=FILE', 'write a report to FILE: per file changed, unchanged, skipped, failed or left alone, with reasons and lines'),
  formatOption('    --force', 'write even where git shows uncommitted changes under the paths (checked unless --dry)'),
  formatOption('    --project=TSCONFIG', 'type-aware: rewrite exactly the fields lifetime/no-strong-parent-reference reports in this TypeScript project (its back-reference names, or --fields), and leave the ones it reports but cannot rewrite alone with its reason'),
  formatOption('    --parser=NAME', `parser for every file (${KNOWN_PARSERS.join(', ')}); default: per file, ts for .ts/.mts/.cts, tsx for .tsx, babel for JS`),
  formatOption('    --extensions=LIST', `file extensions to process (default: ${SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',')})`),
  formatOption('    --ignore-pattern=GLOB', 'skip matching files or folders, relative to each path given; repeatable (node_modules/ and dist/ are always skipped)'),
  formatOption('-c, --cpus=N', `worker threads (default: cores - 1); runs with at most ${String(IN_BAND_LIMIT)} files to parse stay in one thread`),
  formatOption('    --run-in-band', 'one thread, no workers'),
  formatOption('-v, --verbose', 'list unchanged and skipped files too'),
  formatOption('-V, --version', 'print the version'),
  formatOption('-h, --help', 'show this help'),
].join('\n')}

${transformOptions}

Output: stdout carries only --diff or --print output; the summary goes to stderr.
Exit status: 0 when no file failed, 1 when a file failed, 2 on a usage error or uncommitted changes.

Examples:
${examples}
`;
}

function formatOption(flag: string, description: string): string {
  const words = description.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + word.length + 1 > 64) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  const head = `  ${flag}`;
  return lines.map((text, index) => (index === 0 ? `${head.padEnd(30)}${text}` : `${' '.repeat(30)}${text}`)).join('\n');
}

class UsageError extends Error {}

interface CliOptions {
  entry: TransformEntry;
  paths: string[];
  dry: boolean;
  print: boolean;
  diff: boolean;
  json: string | undefined;
  force: boolean;
  parser: string | undefined;
  extensions: Set<string>;
  ignore: string[];
  cpus: number;
  verbose: boolean;
  transformOptions: Record<string, string>;
  project: string | undefined;
}

function parseCommandLine(argv: string[]): CliOptions | 'help' | 'version' {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { ...COMMON_OPTIONS };
  for (const entry of TRANSFORMS) for (const option of entry.options) options[option.name] = { type: 'string' };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help === true) return 'help';
  if (values.version === true) return 'version';
  const [name, ...paths] = parsed.positionals;
  if (name === undefined) throw new UsageError(`Name a transform: ${TRANSFORMS.map((entry) => entry.name).join(', ')}.`);
  const entry = findTransform(name);
  if (!entry) throw new UsageError(`Unknown transform \`${name}\`. Known transforms: ${TRANSFORMS.map((known) => known.name).join(', ')}.`);
  if (paths.length === 0) throw new UsageError('Give at least one file or folder to transform.');
  const parser = typeof values.parser === 'string' ? values.parser : undefined;
  if (parser !== undefined && !KNOWN_PARSERS.includes(parser)) {
    throw new UsageError(`Unknown parser \`${parser}\`. Use one of: ${KNOWN_PARSERS.join(', ')}.`);
  }
  let cpus = Math.max(1, availableParallelism() - 1);
  if (typeof values.cpus === 'string') {
    cpus = Number(values.cpus);
    if (!Number.isInteger(cpus) || cpus < 1) throw new UsageError('--cpus takes a whole number of at least 1.');
  }
  if (values['run-in-band'] === true) cpus = 1;
  const extensionList = typeof values.extensions === 'string' ? values.extensions : SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',');
  const extensions = new Set(
    extensionList
      .split(',')
      .map((extension) => extension.trim().replace(/^\./, '').toLowerCase())
      .filter((extension) => extension !== '')
      .map((extension) => `.${extension}`),
  );
  if (extensions.size === 0) throw new UsageError('--extensions needs at least one extension.');
  if (typeof values.json === 'string' && values.json.trim() === '') throw new UsageError('--json needs a file name.');
  if (values.diff === true && values.print === true) throw new UsageError('--diff and --print both write to stdout; choose one.');
  const project = typeof values.project === 'string' ? values.project : undefined;
  if (project !== undefined) {
    if (entry.project === undefined) throw new UsageError(`${entry.name} has no type-aware mode; drop --project.`);
    if (project.trim() === '') throw new UsageError('--project needs a tsconfig file.');
    try {
      if (!statSync(project).isFile()) throw new UsageError(`--project ${project} is not a file; name the tsconfig.json itself.`);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`--project ${project} does not exist.`);
    }
  }
  const transformOptions: Record<string, string> = {};
  for (const other of TRANSFORMS) {
    for (const option of other.options) {
      const value = values[option.name];
      if (typeof value !== 'string') continue;
      if (other !== entry) throw new UsageError(`--${option.name} is an option of ${other.name}, not of ${entry.name}.`);
      try {
        option.validate?.(value);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      transformOptions[option.name] = value;
    }
  }
  for (const path of paths) {
    try {
      statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new UsageError(`The path ${path} is a loop of symbolic links.`);
      if (code === 'EACCES') throw new UsageError(`The path ${path} cannot be read (permission denied).`);
      throw new UsageError(`The path ${path} does not exist.`);
    }
  }
  return {
    entry,
    paths,
    dry: values.dry === true,
    print: values.print === true,
    diff: values.diff === true,
    json: typeof values.json === 'string' ? values.json : undefined,
    force: values.force === true,
    parser,
    extensions,
    ignore: [...DEFAULT_IGNORES, ...(Array.isArray(values['ignore-pattern']) ? values['ignore-pattern'] : [])],
    cpus,
    verbose: values.verbose === true,
    transformOptions,
    project,
  };
}

// --------------------------------------------------------------------------------- the run

type Status = 'changed' | 'unchanged' | 'skipped' | 'failed' | 'left alone';

interface Reason {
  line?: number;
  kind: 'left alone' | 'notice' | 'note' | 'skipped' | 'failed';
  message: string;
}

interface FileRecord {
  file: string;
  status: Status;
  reasons: Reason[];
  linesAdded?: number;
  linesRemoved?: number;
}

/** `path:line: text` lines from the transform, sorted into what they say. */
function parseReport(file: string, line: string): Reason {
  const rest = line.startsWith(`${file}:`) ? line.slice(file.length + 1) : line;
  const located = /^(\d+): ([\s\S]*)$/.exec(rest);
  const message = located?.[2] ?? rest;
  const reason: Reason = { kind: 'notice', message };
  if (located) reason.line = Number(located[1]);
  if (message.startsWith('note: ')) {
    reason.kind = 'note';
    reason.message = message.slice('note: '.length);
  } else if (message.includes(' left alone: ')) reason.kind = 'left alone';
  return reason;
}

/** A one-line reason with its line from a transform's error text. */
function failureReason(file: string, message: string): Reason {
  const firstLine = message.split('\n', 1)[0] ?? '';
  const located = /^(.*?):(\d+):(\d+): ([\s\S]*)$/.exec(firstLine);
  if (located?.[1] === file) return { kind: 'failed', line: Number(located[2]), message: located[4] ?? '' };
  return { kind: 'failed', message: firstLine };
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

function where(record: FileRecord, reason: Reason): string {
  return `${record.file}${reason.line === undefined ? '' : `:${String(reason.line)}`}: ${reason.message}`;
}

/** The transform's type-aware selection of fields (`--project`), or the message of a tsconfig it cannot use. */
async function selectWithProject(
  entry: TransformEntry,
  tsconfig: string,
  files: readonly string[],
  transformOptions: Record<string, string>,
): Promise<ProjectSelection | string> {
  const url = projectUrl(entry);
  if (url === undefined) return `${entry.name} has no type-aware mode`;
  const module = (await import(url.href)) as { selectWithProject: SelectWithProject };
  try {
    return module.selectWithProject(tsconfig, files, transformOptions);
  } catch (error) {
    if (error instanceof Error && error.name === 'ProjectError') return error.message;
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${PROGRAM}: ${error.message}\nRun \`${PROGRAM} --help\` for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(helpText());
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  const { entry } = options;

  if (!options.dry && !options.force) {
    const dirty = uncommittedChanges(options.paths);
    if (dirty.length > 0) {
      const shown = dirty.slice(0, 10).map((line) => `  ${line}`);
      if (dirty.length > 10) shown.push(`  … and ${String(dirty.length - 10)} more`);
      process.stderr.write(
        `${PROGRAM}: git shows uncommitted changes under the paths given, which the rewrite would mix into its diff:\n${shown.join('\n')}\n` +
          'Commit or stash them first (or look first with --dry --diff), or rerun with --force.\n',
      );
      return 2;
    }
  }

  const { files, notSource } = listFiles(options.paths, options.extensions, options.ignore);
  const records: FileRecord[] = [];
  for (const file of notSource) {
    records.push({ file, status: 'skipped', reasons: [{ kind: 'skipped', message: `not a source file (its extension is not one of ${[...options.extensions].join(' ')})` }] });
  }
  if (files.length === 0 && notSource.length === 0) {
    // Not an error (a tree may simply have no sources), but say why nothing happened.
    process.stderr.write(
      `${PROGRAM}: no file under ${options.paths.join(', ')} has one of the extensions ${[...options.extensions].join(' ')}` +
        ` (node_modules/, dist/ and --ignore-pattern matches are skipped); check the paths and --extensions.\n`,
    );
  }
  const prefilter = entry.prefilter(options.transformOptions);
  const candidates: string[] = [];
  for (const file of files) {
    if (isDeclarationFile(file)) {
      records.push({ file, status: 'skipped', reasons: [{ kind: 'skipped', message: 'declaration file (.d.ts): no code to rewrite' }] });
      continue;
    }
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      records.push({ file, status: 'failed', reasons: [{ kind: 'failed', message: `cannot read: ${error instanceof Error ? error.message : String(error)}` }] });
      continue;
    }
    // The type-aware mode asks the program instead of the text.
    if (options.project !== undefined || prefilter.test(source)) candidates.push(file);
    else records.push({ file, status: 'skipped', reasons: [{ kind: 'skipped', message: prefilter.reason }] });
  }

  const transformOptions: Record<string, unknown> = { ...options.transformOptions };
  if (options.parser !== undefined) transformOptions.parser = options.parser;
  let toTransform = candidates;
  const leftAloneByProject = new Map<string, Reason[]>();
  if (options.project !== undefined) {
    const selected = await selectWithProject(entry, options.project, candidates, options.transformOptions);
    if (typeof selected === 'string') {
      process.stderr.write(`${PROGRAM}: ${selected}\n`);
      return 2;
    }
    toTransform = [];
    const targets: Record<string, unknown> = {};
    const names = new Set<string>();
    for (const file of candidates) {
      const found = selected.get(file);
      if (found === undefined) {
        records.push({ file, status: 'skipped', reasons: [{ kind: 'skipped', message: `not in the program of ${options.project}` }] });
        continue;
      }
      const leftAlone = found.leftAlone.map((item): Reason => ({ kind: 'left alone', line: item.line, message: item.message }));
      if (found.targets.length === 0) {
        if (leftAlone.length > 0) records.push({ file, status: 'left alone', reasons: leftAlone });
        else records.push({ file, status: 'skipped', reasons: [{ kind: 'skipped', message: 'no-strong-parent-reference reports no field here' }] });
        continue;
      }
      toTransform.push(file);
      targets[file] = found.targets;
      for (const target of found.targets) names.add(target.fieldName);
      if (leftAlone.length > 0) leftAloneByProject.set(file, leftAlone);
    }
    transformOptions.targets = targets;
    if (names.size > 0) transformOptions.fields = [...names].join(',');
  }
  const results = await runTransform(transformUrl(entry).href, toTransform, transformOptions, options.cpus);
  const changes: { record: FileRecord; result: FileResult }[] = [];
  for (const result of results) {
    const reasons = [...(leftAloneByProject.get(result.file) ?? []), ...result.reports.map((line) => parseReport(result.file, line))];
    const record: FileRecord = { file: result.file, status: 'unchanged', reasons };
    if (result.error !== undefined) {
      record.status = 'failed';
      record.reasons = [failureReason(result.file, result.error)];
    } else if (result.output !== undefined && isReadOnly(result.file)) {
      record.status = 'failed';
      record.reasons.push({ kind: 'failed', message: 'read-only file (left untouched; make it writable, then rerun)' });
    } else if (result.output !== undefined) {
      record.status = 'changed';
      const diff = unifiedDiff(display(result.file), result.source, result.output);
      record.linesAdded = diff.stats.added;
      record.linesRemoved = diff.stats.removed;
      changes.push({ record, result });
    } else if (reasons.some((reason) => reason.kind === 'left alone')) {
      record.status = 'left alone';
    }
    records.push(record);
  }

  // What each rewrite means for callers, before anything is written.
  const notices = changes.flatMap(({ record }) => record.reasons.filter((reason) => reason.kind !== 'left alone').map((reason) => where(record, reason)));
  if (notices.length > 0) {
    process.stderr.write(`${entry.name}: ${options.dry ? 'would rewrite' : 'rewriting'} ${plural(changes.length, 'file')}:\n${notices.map((line) => `  ${line}`).join('\n')}\n`);
  }
  for (const { record, result } of changes) {
    if (options.diff) process.stdout.write(unifiedDiff(display(result.file), result.source, result.output ?? result.source).text);
    if (options.print) process.stdout.write(`==> ${display(result.file)} <==\n${result.output ?? ''}`);
    if (options.dry) continue;
    try {
      writeAtomically(result.file, result.output ?? result.source);
    } catch (error) {
      record.status = 'failed';
      record.reasons.push({ kind: 'failed', message: `cannot write: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  printSummary(options, records);
  if (options.json !== undefined) {
    const byStatus = (status: Status): number => records.filter((record) => record.status === status).length;
    const report = {
      tool: PROGRAM,
      version: packageJson.version,
      transform: entry.name,
      dry: options.dry,
      options: options.transformOptions,
      totals: {
        files: records.length,
        changed: byStatus('changed'),
        unchanged: byStatus('unchanged'),
        leftAlone: byStatus('left alone'),
        skipped: byStatus('skipped'),
        failed: byStatus('failed'),
      },
      files: [...records].sort((a, b) => a.file.localeCompare(b.file)),
    };
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  return records.some((record) => record.status === 'failed') ? 1 : 0;
}

function printSummary(options: CliOptions, records: readonly FileRecord[]): void {
  const lines: string[] = [];
  const of = (status: Status): FileRecord[] => records.filter((record) => record.status === status).sort((a, b) => a.file.localeCompare(b.file));
  const changed = of('changed');
  const failed = of('failed');
  lines.push(`${options.entry.name}: ${plural(records.length, 'file')}${options.dry ? ' (dry run: nothing was written)' : ''}`);
  lines.push(`  changed:    ${String(changed.length)}${options.dry && changed.length > 0 ? ' (would change)' : ''}`);
  for (const record of changed) lines.push(`    ${record.file} (+${String(record.linesAdded ?? 0)} −${String(record.linesRemoved ?? 0)})`);
  lines.push(`  unchanged:  ${String(of('unchanged').length)} (parsed; nothing to rewrite)`);
  if (options.verbose) for (const record of of('unchanged')) lines.push(`    ${record.file}`);
  lines.push(`  left alone: ${String(of('left alone').length)} (parsed; members left as they were, see below)`);
  const skipped = of('skipped');
  lines.push(`  skipped:    ${String(skipped.length)}`);
  const byReason = new Map<string, string[]>();
  for (const record of skipped) {
    const reason = record.reasons[0]?.message ?? '';
    byReason.set(reason, [...(byReason.get(reason) ?? []), record.file]);
  }
  for (const [reason, files] of byReason) {
    lines.push(`    ${plural(files.length, 'file')}: ${reason}`);
    if (options.verbose || reason.startsWith('not a source file')) for (const file of files) lines.push(`      ${file}`);
  }
  lines.push(`  failed:     ${String(failed.length)}${failed.length > 0 ? ' (left untouched)' : ''}`);
  for (const record of failed) {
    for (const reason of record.reasons.filter((item) => item.kind === 'failed')) lines.push(`    ${where(record, reason)}`);
  }
  const leftAlone = records.flatMap((record) =>
    record.reasons.filter((reason) => reason.kind === 'left alone').map((reason) => where(record, reason)),
  );
  if (leftAlone.length > 0) {
    lines.push(`  members left alone, to review by hand: ${String(leftAlone.length)}`);
    for (const line of leftAlone.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))) lines.push(`    ${line}`);
  }
  process.stderr.write(`\n${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${PROGRAM}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
