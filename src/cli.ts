#!/usr/bin/env node
/**
 * `eslint-plugin-lifetime <transform> <paths…>`: runs one of the package's codemods through
 * jscodeshift's Runner and ends with a summary of changed, unchanged, skipped and failed files.
 *
 * The CLI lists the files itself so that it can skip, before any parsing, files whose text cannot
 * contain a target field; only the rest go to the Runner's workers. Each worker picks the parser
 * per file from its extension (inside the transform), so one Runner pass covers TS and JS.
 */
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { isDeclarationFile, mentionsField, parseFieldsOption, parseStorageOption } from '../codemods/weak-parent.js';

const PROGRAM = 'eslint-plugin-lifetime';
const DEFAULT_EXTENSIONS = 'ts,tsx,mts,cts,js,jsx,mjs,cjs';
const DEFAULT_IGNORES = ['node_modules/', 'dist/'];
const PARSERS = ['babel', 'babylon', 'flow', 'ts', 'tsx'];
/** Up to this many files to parse, the run stays in this process. */
const IN_BAND_LIMIT = 25;

interface TransformEntry {
  file: string;
  summary: string;
}

const TRANSFORMS: Record<string, TransformEntry> = {
  'weak-parent': {
    file: '../codemods/weak-parent.js',
    summary: 'turn `parent` fields of classes into a WeakRef store behind a getter that throws once the parent is collected',
  },
};

const OPTIONS = {
  dry: { type: 'boolean', short: 'd' },
  print: { type: 'boolean', short: 'p' },
  parser: { type: 'string' },
  extensions: { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  cpus: { type: 'string', short: 'c' },
  'run-in-band': { type: 'boolean' },
  fields: { type: 'string' },
  storage: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

function helpText(): string {
  const transforms = Object.entries(TRANSFORMS)
    .map(([name, entry]) => `  ${name.padEnd(22)}${entry.summary}`)
    .join('\n');
  return `Usage: ${PROGRAM} <transform> [options] <paths...>

Transforms:
${transforms}

Options:
  -d, --dry                 do not write files; report what would change
  -p, --print               print each changed file to stdout
      --parser=NAME         parser for every file (${PARSERS.join(', ')});
                            default: per file, ts for .ts/.mts/.cts, tsx for .tsx, babel for JS
      --extensions=LIST     file extensions to process (default: ${DEFAULT_EXTENSIONS})
      --ignore-pattern=GLOB skip matching files or folders, relative to each path given;
                            repeatable (node_modules/ and dist/ are always skipped)
  -c, --cpus=N              worker processes (default: jscodeshift's, cores - 1)
      --run-in-band         run in this process, without workers (automatic when at
                            most ${String(IN_BAND_LIMIT)} files need parsing)
      --fields=LIST         field names to rewrite (default: parent)
      --storage=KIND        private (#parent, default) or underscore (_parentRef)
  -v, --verbose             list unchanged and skipped files too
  -h, --help                show this help

Exit status: 0 when no file failed, 1 when a file failed, 2 on a usage error.
`;
}

class UsageError extends Error {}

interface CliOptions {
  transform: string;
  paths: string[];
  dry: boolean;
  print: boolean;
  parser: string | undefined;
  extensions: Set<string>;
  ignore: string[];
  cpus: number | undefined;
  runInBand: boolean;
  fields: string[];
  storage: string;
  verbose: boolean;
}

function parseCommandLine(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  const [transform, ...paths] = positionals;
  if (transform === undefined) throw new UsageError('Name a transform, e.g. `weak-parent`.');
  if (!Object.hasOwn(TRANSFORMS, transform)) {
    throw new UsageError(`Unknown transform \`${transform}\`. Known transforms: ${Object.keys(TRANSFORMS).join(', ')}.`);
  }
  if (paths.length === 0) throw new UsageError('Give at least one file or folder to transform.');
  if (values.parser !== undefined && !PARSERS.includes(values.parser)) {
    throw new UsageError(`Unknown parser \`${values.parser}\`. Use one of: ${PARSERS.join(', ')}.`);
  }
  let cpus: number | undefined;
  if (values.cpus !== undefined) {
    cpus = Number(values.cpus);
    if (!Number.isInteger(cpus) || cpus < 1) throw new UsageError('--cpus takes a whole number of at least 1.');
  }
  const extensions = new Set(
    (values.extensions ?? DEFAULT_EXTENSIONS)
      .split(',')
      .map((extension) => extension.trim().replace(/^\./, '').toLowerCase())
      .filter((extension) => extension !== '')
      .map((extension) => `.${extension}`),
  );
  if (extensions.size === 0) throw new UsageError('--extensions needs at least one extension.');
  let fields: string[];
  let storage: string;
  try {
    fields = parseFieldsOption(values.fields);
    storage = parseStorageOption(values.storage);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
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
    transform,
    paths,
    dry: values.dry === true,
    print: values.print === true,
    parser: values.parser,
    extensions,
    ignore: [...DEFAULT_IGNORES, ...(values['ignore-pattern'] ?? [])],
    cpus,
    runInBand: values['run-in-band'] === true,
    fields,
    storage,
    verbose: values.verbose === true,
  };
}

// ------------------------------------------------------------------------------ file discovery

/** A gitignore-like glob as a regular expression over `/`-separated relative paths. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob.charAt(i);
    if (char === '*' && glob.charAt(i + 1) === '*') {
      const slash = glob.charAt(i + 2) === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) source += '\\{';
      else {
        source += `(?:${glob
          .slice(i + 1, close)
          .split(',')
          .map((part) => part.replace(/[.+^${}()|[\]\\*?]/g, '\\$&'))
          .join('|')})`;
        i = close;
      }
    } else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

interface IgnoreRule {
  regexp: RegExp;
  /** No slash in the pattern: it matches a name at any depth. */
  anyDepth: boolean;
  directoryOnly: boolean;
}

function ignoreRules(patterns: readonly string[]): IgnoreRule[] {
  return patterns.map((pattern) => {
    const directoryOnly = pattern.endsWith('/');
    const trimmed = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    return { regexp: globToRegExp(trimmed), anyDepth: !trimmed.includes('/'), directoryOnly };
  });
}

function isIgnored(rules: readonly IgnoreRule[], relativePath: string, isDirectory: boolean): boolean {
  return rules.some((rule) => {
    if (rule.directoryOnly && !isDirectory) return false;
    return rule.anyDepth ? rule.regexp.test(basename(relativePath)) : rule.regexp.test(relativePath);
  });
}

/** Files under the given paths; ignore rules apply below each path, never to the path itself. */
function listFiles(paths: readonly string[], options: CliOptions): string[] {
  const rules = ignoreRules(options.ignore);
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = (root: string, directory: string): void => {
    const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const relativePath = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!isIgnored(rules, relativePath, true)) walk(root, path);
      } else if (entry.isFile() && options.extensions.has(extname(entry.name).toLowerCase())) {
        if (!isIgnored(rules, relativePath, false) && !seen.has(path)) {
          seen.add(path);
          files.push(path);
        }
      }
    }
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) walk(path, path);
    else if (!seen.has(path)) {
      seen.add(path);
      files.push(path);
    }
  }
  return files;
}

// --------------------------------------------------------------------------------- the run

interface Outcome {
  changed: string[];
  unchanged: string[];
  skipped: Map<string, string[]>;
  failed: string[];
  reports: string[];
}

interface RunnerModule {
  run(transformFile: string, paths: string[], options: Record<string, unknown>): Promise<unknown> | undefined;
}

// Runner's output lines, without colours: ` OKK file`, ` ERR file reason`, ` REP file message`.
const STATUS_LINE = /^ (OKK|NOC|SKIP|ERR|REP) ?([\s\S]*)$/;
const ANSI = /\u001b\[[0-9;]*m/g;

function splitFile(rest: string, files: ReadonlySet<string>): [string, string] {
  const firstLine = rest.split('\n', 1)[0] ?? '';
  for (let index = firstLine.indexOf(' '); index !== -1; index = firstLine.indexOf(' ', index + 1)) {
    const candidate = firstLine.slice(0, index);
    if (files.has(candidate)) return [candidate, rest.slice(index + 1)];
  }
  const trimmed = firstLine.trimEnd();
  return files.has(trimmed) ? [trimmed, ''] : [trimmed, rest.slice(firstLine.length)];
}

/** A one-line reason with `file:line` from a worker's error text. */
function failureLine(file: string, message: string): string {
  const firstLine = message.split('\n', 1)[0] ?? '';
  const inner = /^Transformation error \(([\s\S]*)\)$/.exec(firstLine)?.[1] ?? firstLine;
  const located = /^(.*?):(\d+):(\d+): ([\s\S]*)$/.exec(inner);
  if (located?.[1] === file) return `${file}:${located[2] ?? '1'}: ${located[4] ?? ''}`;
  return `${file}: ${inner}`;
}

/**
 * A file the user marked read-only. jscodeshift writes through a temporary file and a rename,
 * which only needs the folder to be writable, so it would replace such a file; it is refused
 * here instead. No write bit at all counts too, so that root (whom `access` never refuses)
 * also respects a 0444 mark.
 */
function isReadOnly(file: string): boolean {
  try {
    if ((statSync(file).mode & 0o222) === 0) return true;
    accessSync(file, constants.W_OK);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
  }
}

type TransformFunction = (
  file: { path: string; source: string },
  api: { report: (message: string) => void },
  options: Record<string, unknown>,
) => string | undefined;

/**
 * Read-only files are transformed here, in this process and without writing: one that would
 * change is listed as failed (in a dry run too, so that it predicts the real run), one with
 * nothing to rewrite is unchanged. The Runner cannot do this in a second pass: its in-process
 * worker is a module singleton that keeps the first pass's listeners.
 */
async function transformReadOnly(options: CliOptions, files: readonly string[], outcome: Outcome): Promise<void> {
  const entry = TRANSFORMS[options.transform];
  if (files.length === 0 || !entry) return;
  const loaded = (await import(new URL(entry.file, import.meta.url).href)) as { default: TransformFunction };
  const transformOptions: Record<string, unknown> = { fields: options.fields.join(','), storage: options.storage };
  if (options.parser !== undefined) transformOptions.parser = options.parser;
  for (const file of files) {
    try {
      const source = readFileSync(file, 'utf8');
      const output = loaded.default({ path: file, source }, { report: (message) => outcome.reports.push(message) }, transformOptions);
      if (output === undefined || output === source) outcome.unchanged.push(file);
      else outcome.failed.push(`${file}: read-only file (left untouched; make it writable, then rerun)`);
    } catch (error) {
      outcome.failed.push(failureLine(file, error instanceof Error ? error.message : String(error)));
    }
  }
}

async function runTransform(options: CliOptions, candidates: string[], outcome: Outcome): Promise<void> {
  if (candidates.length === 0) return;
  // picocolors decides on colours when it is first loaded; plain text is easier to read back.
  process.env.NO_COLOR = '1';
  const runnerModule = (await import('jscodeshift/src/Runner.js')) as unknown as RunnerModule | { default: RunnerModule };
  const runner = 'run' in runnerModule ? runnerModule : runnerModule.default;
  const entry = TRANSFORMS[options.transform];
  if (!entry) return;
  const transformFile = fileURLToPath(new URL(entry.file, import.meta.url));
  const known = new Set(candidates);

  const write = process.stdout.write.bind(process.stdout);
  const capture = (chunk: unknown): boolean => {
    const textChunk = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString() : '';
    const match = STATUS_LINE.exec(textChunk.replace(ANSI, ''));
    if (!match) return false;
    const [, status = '', rest = ''] = match;
    const [file, message] = splitFile(rest, known);
    if (status === 'OKK') outcome.changed.push(file);
    else if (status === 'NOC' || status === 'SKIP') outcome.unchanged.push(file);
    else if (status === 'ERR') outcome.failed.push(failureLine(file, message.trim()));
    else outcome.reports.push(message.trim());
    return true;
  };
  process.stdout.write = (chunk: unknown, ...rest: unknown[]): boolean =>
    capture(chunk) ? true : (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  try {
    const runnerOptions: Record<string, unknown> = {
      dry: options.dry,
      print: options.print,
      babel: false,
      silent: true,
      verbose: 2,
      // Starting a worker costs more than parsing a handful of files.
      runInBand: options.runInBand || candidates.length <= IN_BAND_LIMIT,
      fields: options.fields.join(','),
      storage: options.storage,
    };
    if (options.parser !== undefined) runnerOptions.parser = options.parser;
    if (options.cpus !== undefined) runnerOptions.cpus = options.cpus;
    await runner.run(transformFile, candidates, runnerOptions);
  } finally {
    process.stdout.write = write;
  }
}

function printSummary(options: CliOptions, total: number, outcome: Outcome): void {
  const lines: string[] = [];
  const list = (items: readonly string[]): void => {
    for (const item of items) lines.push(`    ${item}`);
  };
  const skippedCount = [...outcome.skipped.values()].reduce((sum, files) => sum + files.length, 0);
  lines.push('');
  lines.push(`${options.transform}: ${String(total)} files${options.dry ? ' (dry run: nothing was written)' : ''}`);
  lines.push(`  changed:   ${String(outcome.changed.length)}${options.dry ? ' (would change)' : ''}`);
  list([...outcome.changed].sort());
  lines.push(`  unchanged: ${String(outcome.unchanged.length)} (parsed; nothing to rewrite, or only members left alone)`);
  if (options.verbose) list([...outcome.unchanged].sort());
  lines.push(`  skipped:   ${String(skippedCount)}`);
  for (const [reason, files] of outcome.skipped) {
    lines.push(`    ${String(files.length)} ${reason}`);
    if (options.verbose) for (const file of files) lines.push(`      ${file}`);
  }
  lines.push(`  failed:    ${String(outcome.failed.length)}${outcome.failed.length > 0 ? ' (left untouched)' : ''}`);
  list([...outcome.failed].sort());
  if (outcome.reports.length > 0) {
    lines.push(`  left alone, to review by hand: ${String(outcome.reports.length)}`);
    list([...outcome.reports].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
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

  const files = listFiles(options.paths, options);
  if (files.length === 0) {
    // Not an error (a tree may simply have no sources), but say why nothing happened.
    process.stderr.write(
      `${PROGRAM}: no file under ${options.paths.join(', ')} has one of the extensions ${[...options.extensions].join(' ')}` +
        ` (node_modules/, dist/ and --ignore-pattern matches are skipped); check the paths and --extensions.\n`,
    );
  }
  const outcome: Outcome = { changed: [], unchanged: [], skipped: new Map(), failed: [], reports: [] };
  const skip = (reason: string, file: string): void => {
    const list = outcome.skipped.get(reason);
    if (list) list.push(file);
    else outcome.skipped.set(reason, [file]);
  };
  const noField = `without ${options.fields.map((name) => `\`${name}\``).join(' or ')} in their text (not parsed)`;
  const candidates: string[] = [];
  for (const file of files) {
    if (isDeclarationFile(file)) {
      skip('declaration files (.d.ts): no code to rewrite', file);
      continue;
    }
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      outcome.failed.push(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (mentionsField(source, options.fields)) candidates.push(file);
    else skip(noField, file);
  }

  const writable: string[] = [];
  const readOnly: string[] = [];
  for (const file of candidates) (isReadOnly(file) ? readOnly : writable).push(file);
  await runTransform(options, writable, outcome);
  await transformReadOnly(options, readOnly, outcome);
  printSummary(options, files.length, outcome);
  return outcome.failed.length > 0 ? 1 : 0;
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
