/**
 * Which files a run covers: everything under the given folders with a source extension, minus
 * node_modules/, dist/ and --ignore-pattern matches; files named explicitly are taken as given
 * (and skipped with a reason when they are not source files).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';

import { globToRegExp } from '../codemods/lib/glob.js';

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

export interface FileList {
  files: string[];
  /** Files named on the command line that are not source files by --extensions. */
  notSource: string[];
}

/** Files under the given paths; ignore rules apply below each path, never to the path itself. */
export function listFiles(paths: readonly string[], extensions: ReadonlySet<string>, ignore: readonly string[]): FileList {
  const rules = ignoreRules(ignore);
  const files: string[] = [];
  const notSource: string[] = [];
  const seen = new Set<string>();
  const walk = (root: string, directory: string): void => {
    const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const relativePath = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!isIgnored(rules, relativePath, true)) walk(root, path);
      } else if (entry.isFile() && extensions.has(extname(entry.name).toLowerCase())) {
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
      if (extensions.has(extname(path).toLowerCase())) files.push(path);
      else notSource.push(path);
    }
  }
  return { files, notSource };
}
