// Runs `lifetime/require-using` over published TypeScript sources (installed on first use into
// the cache outside the repository, scripts/lib/corpora.mjs) and prints every
// finding as `file:line:col messageId` with its source line:
//   - rxjs/src (rxjs 7.8.2; Subscription has no `[Symbol.dispose]`, so little is Disposable
//     there beyond the lib's iterators and generators),
//   - puppeteer-core/src (25.16.0; JSHandle, ElementHandle, Page, Browser, mutex guards and
//     DisposableStack are Disposable or AsyncDisposable, and the code uses `using` throughout).
// Each package is linted once with the rule twice: with its default options and with
// `ignore: []`, to show what the default ignore list removes. A census rule counts, per package,
// the calls and `new` expressions whose value (awaited, when the call is awaited) is Disposable
// or AsyncDisposable and where that value goes (a `using` declaration, another declaration, a
// discarded statement, a return, an argument, anything else), so that a zero can be told apart
// from code the rule never saw. The census asks the type checker on its own (a member keyed by
// `Symbol.dispose` / `Symbol.asyncDispose` on every union member), independently of the rule's
// helpers; it also counts values that are Disposable only once null and undefined are removed
// (`Foo | undefined`), which the rule does not report by design.
// With `--time` it then lints each package with typescript-eslint's recommendedTypeChecked plus
// the rule (default options) and prints the rule's share of the time ESLint's `stats` measured,
// the figure the benchmark holds to 0.75% per rule (`--runs=N`: median of N lints;
// `--time-only`: skip the findings).
//
//   node scripts/real-code/require-using.mjs [--time | --time-only] [--runs=N] [--verbose] [--list-nullable] [--rule-from=DIR]
//
// `--verbose` prints the rule's message instead of its messageId. Types: rxjs with the
// benchmark's bench/rxjs.tsconfig.json, puppeteer-core with scripts/real-code/puppeteer-core.tsconfig.json.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createJiti } from 'jiti';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

import { corpusInstall, corpusTsconfig, rxjsProject } from '../lib/corpora.mjs';
import { eslintFor } from './eslint-for.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// @types/node: puppeteer-core's tsconfig asks for the node types.
const install = corpusInstall(['rxjs', 'puppeteer-core', '@types/node']);
const modules = install.modules;
const jiti = createJiti(import.meta.url);
// --rule-from=DIR loads the rule from another checkout's rules/ and src/ (e.g. a `git archive` of
// one commit, with node_modules linked in), to measure a commit while the work tree changes.
const ruleFromArgument = process.argv.find((argument) => argument.startsWith('--rule-from='));
const ruleRoot = ruleFromArgument === undefined ? root : resolve(ruleFromArgument.slice('--rule-from='.length));
const { default: rule } = await jiti.import(join(ruleRoot, 'rules/require-using.ts'));
const verbose = process.argv.includes('--verbose');
// --list-nullable lists the census's `T | null` / `T | undefined` values that are bound or discarded.
const listNullable = process.argv.includes('--list-nullable');
const timeOnly = process.argv.includes('--time-only');
const time = timeOnly || process.argv.includes('--time');
// --runs=N repeats each timing lint N times and prints the median.
const runsArgument = process.argv.find((argument) => argument.startsWith('--runs='));
const timingRuns = runsArgument === undefined ? 1 : Math.max(1, Number.parseInt(runsArgument.slice('--runs='.length), 10) || 1);
const timingChildArgument = process.argv.find((argument) => argument.startsWith('--timing-child='));
const timingChild = timingChildArgument?.slice('--timing-child='.length);
const COMPARED_RULES = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];

const RULE = 'lifetime/require-using';
const RULE_NO_IGNORE = 'lifetime/require-using-no-ignore';
const CENSUS = 'lifetime/disposable-census';

/** Where a created disposable value goes, for the census. */
const PLACES = ['using', 'bound', 'discarded', 'returned', 'argument', 'other'];

/**
 * The census: records (in this process; ESLint lints in the calling thread) every call or `new`
 * whose value is Disposable or AsyncDisposable. It reports nothing.
 */
let censusRecords = [];
const census = {
  meta: { type: 'suggestion', schema: [], messages: {} },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services.program.getTypeChecker();
    const onCreation = (node) => {
      if (node.callee.type === 'Super') return;
      let outer = node;
      let awaited = false;
      while (
        ['ChainExpression', 'TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion'].includes(outer.parent.type) ||
        (outer.parent.type === 'AwaitExpression' && !awaited)
      ) {
        if (outer.parent.type === 'AwaitExpression') awaited = true;
        outer = outer.parent;
      }
      const tsNode = services.esTreeNodeToTSNodeMap.get(node);
      let type = checker.getTypeAtLocation(tsNode);
      if (awaited) type = checker.getAwaitedType(type) ?? type;
      const found = disposalOf(type, checker);
      if (found === undefined) return;
      censusRecords.push({
        ...found,
        file: context.filename,
        line: node.loc.start.line,
        column: node.loc.start.column + 1,
        place: placeOf(outer),
        isNew: node.type === 'NewExpression',
        passesThrough: node.type === 'CallExpression' && passesThrough(checker.getResolvedSignature(tsNode)?.getDeclaration()),
        type: checker.typeToString(checker.getNonNullableType(type)),
      });
    };
    return { CallExpression: onCreation, NewExpression: onCreation };
  },
};

/** The callee is declared to return `this`, or `T` where a parameter is typed `T` (`use<T>(value: T): T`). */
function passesThrough(declaration) {
  const returnType = declaration?.type;
  if (returnType === undefined) return false;
  if (returnType.kind === ts.SyntaxKind.ThisType) return true;
  if (!ts.isTypeReferenceNode(returnType) || !ts.isIdentifier(returnType.typeName)) return false;
  const name = returnType.typeName.text;
  return (
    (declaration.typeParameters ?? []).some((parameter) => parameter.name.text === name) &&
    declaration.parameters.some(
      (parameter) => parameter.type !== undefined && ts.isTypeReferenceNode(parameter.type) && parameter.type.getText() === name,
    )
  );
}

/**
 * `{ kind, strictness }` when every union member (strict), or every member other than null and
 * undefined (nullable), has `[Symbol.dispose]` or `[Symbol.asyncDispose]`; `async` when some
 * member has only the latter.
 */
function disposalOf(type, checker) {
  let kind = 'sync';
  let strictness = 'strict';
  let members = 0;
  for (const part of type.isUnion() ? type.types : [type]) {
    if (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) {
      strictness = 'nullable';
      continue;
    }
    if (part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
    const names = checker.getPropertiesOfType(checker.getApparentType(part)).map((property) => String(property.escapedName));
    members += 1;
    if (names.some((name) => name.startsWith('__@dispose@'))) continue;
    if (names.some((name) => name.startsWith('__@asyncDispose@'))) {
      kind = 'async';
      continue;
    }
    return undefined;
  }
  return members === 0 ? undefined : { kind, strictness };
}

function placeOf(outer) {
  const parent = outer.parent;
  switch (parent.type) {
    case 'VariableDeclarator':
      if (parent.init !== outer) return 'other';
      return parent.parent.kind === 'using' || parent.parent.kind === 'await using' ? 'using' : 'bound';
    case 'ExpressionStatement':
      return 'discarded';
    case 'ReturnStatement':
      return 'returned';
    case 'ArrowFunctionExpression':
      return parent.body === outer ? 'returned' : 'other';
    case 'CallExpression':
    case 'NewExpression':
      return parent.arguments.includes(outer) ? 'argument' : 'other';
    default:
      return 'other';
  }
}

const plugin = { rules: { 'require-using': rule, 'require-using-no-ignore': rule, 'disposable-census': census } };

const targets = [
  {
    name: 'rxjs',
    // The same project as the lint benchmark's, so the figures compare.
    tsconfig: rxjsProject(install).tsconfig,
    pattern: join(modules, 'rxjs/src/**/*.ts'),
  },
  {
    name: 'puppeteer-core',
    tsconfig: corpusTsconfig(install, 'scripts/real-code/puppeteer-core.tsconfig.json'),
    pattern: join(modules, 'puppeteer-core/src/**/*.ts'),
  },
];

function lintWith(tsconfig, rules, extraConfigs = [], stats = false) {
  return eslintFor({
    cwd: install.root,
    tsconfig,
    tsconfigRootDir: install.root,
    plugin,
    rules,
    extraConfigs,
    stats,
    // The packages' eslint-disable comments are about their own configs.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  });
}

const sourceLines = new Map();
function sourceLine(file, line) {
  let lines = sourceLines.get(file);
  if (lines === undefined) {
    lines = readFileSync(file, 'utf8').split(/\r?\n/);
    sourceLines.set(file, lines);
  }
  return (lines[line - 1] ?? '').trim();
}

function findingLine(result, message) {
  const where = `${relative(modules, result.filePath)}:${String(message.line)}:${String(message.column)}`;
  const text = verbose ? message.message : (message.messageId ?? '');
  const suggestions = (message.suggestions ?? []).map((suggestion) => `suggests \`${suggestion.fix.text}\``).join(', ');
  return `  ${where} ${text}${suggestions === '' ? '' : ` (${suggestions})`}\n      ${sourceLine(result.filePath, message.line)}`;
}

/** `n of m` census line parts: how many records per value of `key`. */
function tally(records, key, values) {
  return values.map((value) => `${value} ${String(records.filter((record) => record[key] === value).length)}`).join(', ');
}

let failed = false;
for (const target of timeOnly || timingChild !== undefined ? [] : targets) {
  const started = performance.now();
  censusRecords = [];
  let results;
  try {
    results = await lintWith(target.tsconfig, {
      [RULE]: 'error',
      [RULE_NO_IGNORE]: ['error', { ignore: [] }],
      [CENSUS]: 'warn',
    }).lintFiles([target.pattern]);
  } catch (error) {
    // A crash of the rule aborts the whole lint run; say where and go on with the next package.
    failed = true;
    console.log(`${target.name}: ESLint threw: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  const elapsed = performance.now() - started;
  const findings = [];
  const withoutIgnore = [];
  const problems = [];
  const unknownRules = {};
  for (const result of results) {
    const defaultKeys = new Set();
    for (const message of result.messages) {
      if (message.ruleId === RULE) {
        findings.push(findingLine(result, message));
        defaultKeys.add(`${String(message.line)}:${String(message.column)}:${message.messageId ?? ''}`);
      }
    }
    for (const message of result.messages) {
      if (message.ruleId === RULE_NO_IGNORE) {
        // Only what the default ignore list removes; the rest is listed above.
        if (!defaultKeys.has(`${String(message.line)}:${String(message.column)}:${message.messageId ?? ''}`)) {
          withoutIgnore.push(findingLine(result, message));
        }
      } else if (message.ruleId !== RULE) {
        // eslint-disable comments for the package's own rules (puppeteer has `@puppeteer/use-using`).
        const unknown = /^Definition for rule '(.+)' was not found/.exec(message.message);
        if (unknown === null) problems.push(`  ${relative(modules, result.filePath)}:${String(message.line)} ${message.message}`);
        else (unknownRules[unknown[1]] ??= []).push(`${relative(modules, result.filePath)}:${String(message.line)}`);
      }
    }
  }
  const byMessage = (id) => findings.filter((line) => line.split('\n')[0].split(' ')[3] === id).length;
  const strict = censusRecords.filter((record) => record.strictness === 'strict');
  const creations = strict.filter((record) => !record.passesThrough);
  const nullable = censusRecords.filter((record) => record.strictness === 'nullable');
  const typeCounts = new Map();
  for (const record of creations) typeCounts.set(record.type, (typeCounts.get(record.type) ?? 0) + 1);
  const topTypes = [...typeCounts].sort(([, a], [, b]) => b - a).slice(0, 8);

  console.log(`${target.name}: ${String(results.length)} files, ${(elapsed / 1000).toFixed(1)} s, ${String(problems.length)} parse errors or other problems`);
  console.log(
    `  require-using (default options): ${String(findings.length)} findings` +
      (verbose ? '' : ` (discarded ${String(byMessage('discarded'))}, notDisposed ${String(byMessage('notDisposed'))})`),
  );
  console.log(`  require-using with ignore: []: ${String(findings.length + withoutIgnore.length)} findings (${String(withoutIgnore.length)} more)`);
  console.log(
    `  census: ${String(strict.length)} calls/new have a Disposable or AsyncDisposable value (${tally(strict, 'kind', ['sync', 'async'])}) ` +
      `in ${String(new Set(strict.map((record) => record.file)).size)} files; ` +
      `${String(strict.length - creations.length)} of them are calls declared to return \`this\` or their own argument`,
  );
  console.log(
    `    the other ${String(creations.length)} (${String(creations.filter((record) => record.isNew).length)} \`new\`): ${tally(creations, 'place', PLACES)}`,
  );
  if (topTypes.length > 0) console.log(`    types: ${topTypes.map(([type, n]) => `${type} ${String(n)}`).join(', ')}`);
  console.log(
    `    Disposable only without null/undefined (\`T | undefined\`, not reported by design): ${String(nullable.length)} (${tally(nullable, 'place', PLACES)})`,
  );
  if (findings.length > 0) console.log(`  findings:\n${findings.join('\n')}`);
  if (withoutIgnore.length > 0) console.log(`  removed by the default ignore list:\n${withoutIgnore.join('\n')}`);
  if (listNullable) {
    const kept = nullable.filter((record) => record.place === 'bound' || record.place === 'discarded');
    console.log(`  \`T | null/undefined\` values bound or discarded (a using declaration would accept them): ${String(kept.length)}`);
    for (const record of kept) {
      console.log(
        `  ${relative(modules, record.file)}:${String(record.line)}:${String(record.column)} ${record.place} ${record.type}\n      ${sourceLine(record.file, record.line)}`,
      );
    }
  }
  if (problems.length > 0) console.log(`  parse errors and other problems:\n${problems.join('\n')}`);
  for (const [name, places] of Object.entries(unknownRules)) {
    console.log(`  the package disables its own rule ${name} (not loaded here) at ${String(places.length)} places: ${places.join(', ')}`);
  }
}

/** One timing lint of a package, in this process; the caller starts a fresh process per run. */
async function timeOnce(target) {
  const recommended = tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] }));
  const results = await lintWith(target.tsconfig, { [RULE]: 'error' }, recommended, true).lintFiles([target.pattern]);
  let total = 0;
  let parse = 0;
  const ruleTimes = {};
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      total += pass.total;
      parse += pass.parse?.total ?? 0;
      for (const [name, { total: ms }] of Object.entries(pass.rules ?? {})) ruleTimes[name] = (ruleTimes[name] ?? 0) + ms;
    }
  }
  const allRules = Object.values(ruleTimes).reduce((sum, ms) => sum + ms, 0);
  return { files: results.length, total, parse, allRules, ruleTimes };
}

if (timingChild !== undefined) {
  const target = targets.find((candidate) => candidate.name === timingChild);
  if (target === undefined) throw new Error(`No target named ${timingChild}.`);
  console.log(JSON.stringify(await timeOnce(target)));
} else if (time) {
  const median = (values) => [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)];
  for (const target of targets) {
    const runs = [];
    for (let run = 0; run < timingRuns; run += 1) {
      // typescript-eslint keeps programs and the checker's caches per process: a fresh process per
      // run, so that no lint reuses types computed by an earlier one.
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--timing-child=${target.name}`, `--rule-from=${ruleRoot}`], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (child.status !== 0) throw new Error(`Timing lint of ${target.name} failed:\n${child.stderr}`);
      runs.push(JSON.parse(child.stdout));
    }
    const share = (name) => median(runs.map((run) => (100 * (run.ruleTimes[name] ?? 0)) / run.total));
    const ms = (name) => median(runs.map((run) => run.ruleTimes[name] ?? 0));
    console.log(
      `timing on ${target.name}, ${String(runs[0].files)} files, median of ${String(timingRuns)} fresh process(es) ` +
        `(recommendedTypeChecked + require-using, ESLint stats): ${median(runs.map((run) => run.total)).toFixed(0)} ms total, ` +
        `parse ${median(runs.map((run) => run.parse)).toFixed(0)} ms (builds the type-checked program), rules ${median(runs.map((run) => run.allRules)).toFixed(0)} ms`,
    );
    console.log(
      `  require-using: ${ms(RULE).toFixed(1)} ms = ${share(RULE).toFixed(2)}% of the total` +
        (timingRuns > 1 ? ` (runs: ${runs.map((run) => ((100 * (run.ruleTimes[RULE] ?? 0)) / run.total).toFixed(2)).join('%, ')}%)` : ''),
    );
    console.log(`  for comparison: ${COMPARED_RULES.map((name) => `${name} ${share(name).toFixed(2)}%`).join(', ')}`);
  }
}

if (failed) process.exitCode = 1;
