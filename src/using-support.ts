import { dirname } from 'node:path';

import ts from 'typescript';

import { findPackageJson } from './package-info.js';

/**
 * Will the code of a file run `using` / `await using` declarations?
 *
 * - TypeScript rewrites them into helper calls for every `target` below `ESNext` (checked with
 *   TypeScript 5.2 and 6.0: ES2022 to ES2025 all lower them), so a TypeScript file, or a
 *   JavaScript file the program compiles (`allowJs` with emit), runs them wherever the helpers
 *   run. With target `ESNext` the syntax is emitted as written.
 * - Code that is emitted as written (JavaScript files that are not compiled, target `ESNext`, or
 *   a TypeScript project run by type stripping: `noEmit` with `allowImportingTsExtensions` or
 *   `erasableSyntaxOnly`)
 *   runs them only on an engine with explicit resource management. For Node that is 24.0.0 and
 *   later: V8 13.6 parses `using`; Node 22 (V8 12.4) and 23 (V8 12.9) report a SyntaxError
 *   (tried on 22.23.5, 23.11.1 and 24.0.0). So the nearest `package.json` must declare
 *   `engines.node` with no version below 24. A package without `engines.node` may run anywhere
 *   (an older Node, a browser), so it does not count as supporting the syntax.
 */
export function fileRunsUsing(program: ts.Program, fileName: string): boolean {
  let perFile = answers.get(program);
  if (perFile === undefined) {
    perFile = new Map();
    answers.set(program, perFile);
  }
  let answer = perFile.get(fileName);
  if (answer === undefined) {
    answer = computeAnswer(program, fileName);
    perFile.set(fileName, answer);
  }
  return answer;
}

/** The first Node version whose engine parses `using` declarations. */
export const NODE_WITH_USING: Version = [24, 0, 0];

export type Version = readonly [number, number, number];

const answers = new WeakMap<ts.Program, Map<string, boolean>>();
const TYPESCRIPT_FILE = /\.(?:ts|tsx|mts|cts)$/;

function computeAnswer(program: ts.Program, fileName: string): boolean {
  const options = program.getCompilerOptions();
  // Without `target`, TypeScript 5 emits ES5 and TypeScript 6 ES2025: both lower `using`.
  const lowered = options.target === undefined || options.target < ts.ScriptTarget.ESNext;
  // A TypeScript project that does not emit and imports `.ts` files by name, or keeps to
  // erasable syntax, is meant to run under type stripping (Node's own, 22.6 on), which leaves
  // `using` as written.
  const stripped = options.noEmit === true && (options.allowImportingTsExtensions === true || options.erasableSyntaxOnly === true);
  const compiled =
    (TYPESCRIPT_FILE.test(fileName) && !stripped) || (options.allowJs === true && options.noEmit !== true && options.emitDeclarationOnly !== true);
  if (compiled && lowered) return true;
  const engines = nodeEngines(dirname(fileName));
  const minimum = engines === undefined ? undefined : minimumVersion(engines);
  return minimum !== undefined && compareVersions(minimum, NODE_WITH_USING) >= 0;
}

/** `engines.node` of the nearest package.json above `directory`, or undefined. */
function nodeEngines(directory: string): string | undefined {
  const engines = findPackageJson<{ engines?: { node?: unknown } }>(directory)?.engines;
  return typeof engines?.node === 'string' ? engines.node : undefined;
}

/**
 * The lowest version a semver range admits (`>=24`, `^24.1.0`, `24.x`, `>=20.19 <21 || >=24`),
 * or undefined when the range cannot be read. Upper bounds do not matter for a lower bound;
 * a range with an alternative that admits anything (`*`, `x`, `>=0`) gives 0.0.0.
 */
export function minimumVersion(range: string): Version | undefined {
  let lowest: Version | undefined;
  for (const alternative of range.split('||')) {
    const minimum = alternativeMinimum(alternative.trim());
    if (minimum === undefined) return undefined;
    if (lowest === undefined || compareVersions(minimum, lowest) < 0) lowest = minimum;
  }
  return lowest;
}

function alternativeMinimum(alternative: string): Version | undefined {
  if (alternative === '' || alternative === '*' || alternative.toLowerCase() === 'x') return [0, 0, 0];
  // A hyphen range `a - b` starts at a.
  const hyphen = /^(\S+)\s+-\s+\S+$/.exec(alternative);
  const comparators = hyphen?.[1] !== undefined ? [hyphen[1]] : alternative.split(/\s+/);
  let minimum: Version = [0, 0, 0];
  let bounded = false;
  for (const comparator of comparators) {
    const match = /^(>=|>|<=|<|=|\^|~)?\s*v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-[\w.]+)?$/.exec(comparator);
    if (match === null) return undefined;
    const operator = match[1] ?? '';
    if (operator === '<' || operator === '<=') continue;
    const parts = [match[2], match[3], match[4]].map((part) => (part === undefined || /[xX*]/.test(part) ? undefined : Number(part)));
    let version: Version = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
    if (operator === '>') {
      // `>24` admits 25.0.0 on; `>24.1` admits 24.2.0 on; `>24.1.2` admits 24.1.3 on.
      if (parts[1] === undefined) version = [version[0] + 1, 0, 0];
      else if (parts[2] === undefined) version = [version[0], version[1] + 1, 0];
      else version = [version[0], version[1], version[2] + 1];
    }
    if (!bounded || compareVersions(version, minimum) > 0) minimum = version;
    bounded = true;
  }
  return minimum;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
