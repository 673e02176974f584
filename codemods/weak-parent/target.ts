/**
 * What the project of a file can build and run, as far as the rewrite is concerned: WeakRef at
 * all, private `#names` (else underscore storage), and the `#slot in object` check that the
 * shared-WeakRef helper needs. Each limit names the setting it comes from.
 */
import { join, relative } from 'node:path';

import type { WeakParentStorage, WeakRefSharing } from '../../src/weak-parent-rewrite.js';
import type { WeakParentRefusal } from '../../src/weak-parent-refusals.js';
import { foldersUp, readTextFile } from '../lib/config-files.js';
import { compare, libHasWeakRef, projectConfig, targetRank, type ProjectConfig } from '../lib/project-config.js';

export type TargetVerdict =
  | { ok: true; storage: WeakParentStorage; sharing: WeakRefSharing | undefined; notes: string[] }
  | { ok: false; refusal: WeakParentRefusal };

/** A path as messages show it: relative to the working folder when inside it. */
export function shown(path: string | undefined): string {
  if (path === undefined) return '';
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** The `target` TypeScript uses when none is set: ES5 before TypeScript 6, the newest since. */
function defaultTarget(config: ProjectConfig): string {
  if (config.tsconfig === undefined) return 'esnext';
  for (const dir of foldersUp(config.tsconfig)) {
    const manifest = readTextFile(join(dir, 'node_modules', 'typescript', 'package.json'));
    const version = manifest === undefined ? undefined : /"version"\s*:\s*"(\d+)/.exec(manifest)?.[1];
    if (version !== undefined) return Number(version) < 6 ? 'es5' : 'esnext';
  }
  return 'esnext';
}

export function targetVerdict(path: string, typescript: boolean, requested: WeakParentStorage | undefined): TargetVerdict {
  const config = projectConfig(path);
  const notes: string[] = [];
  const compiled = config.tsconfig !== undefined && (typescript || config.allowJs);
  const node = config.nodeMinimum;
  if (node && compare(node, [14, 6]) < 0) {
    return {
      ok: false,
      refusal: {
        kind: 'no-weakref',
        setting: `engines.node \`${config.nodeRange ?? ''}\` admits Node ${String(node[0])}.${String(node[1])}, and WeakRef needs Node 14.6`,
        where: shown(config.packageJson),
      },
    };
  }
  let target = 'esnext';
  if (compiled) {
    const withTarget = { ...config, target: config.target ?? defaultTarget(config) };
    target = withTarget.target;
    if (!libHasWeakRef(withTarget)) {
      const setting = config.lib
        ? `compilerOptions.lib [${config.lib.join(', ')}] has no es2021.weakref (nor ES2021 or newer)`
        : `compilerOptions.target ${target} gives a default lib without WeakRef; add "es2021.weakref" to lib or raise the target`;
      return { ok: false, refusal: { kind: 'no-weakref', setting, where: shown(config.lib ? config.libFrom : (config.targetFrom ?? config.tsconfig)) } };
    }
  }
  const belowPrivate = compiled && targetRank(target) < targetRank('es2015');
  // Below ES2022 TypeScript turns `#names` into helper calls; with importHelpers they come from tslib.
  const helpers = compiled && config.importHelpers && targetRank(target) < targetRank('es2022');
  const tslib = config.tslibMinimum;
  const tslibTooOld = (needed: [number, number, number]): boolean => helpers && (tslib === undefined || compare(tslib, needed) < 0);
  let storage: WeakParentStorage = requested ?? 'private';
  if (belowPrivate || tslibTooOld([2, 2, 0])) {
    const why = belowPrivate
      ? `compilerOptions.target ${target} (${shown(config.targetFrom ?? config.tsconfig)}) has no private #names`
      : `importHelpers with tslib ${config.tslibRange ?? '(not a dependency)'} (${shown(config.packageJson)}) lacks the private-field helpers of tslib 2.2`;
    if (requested === 'private') {
      return { ok: false, refusal: { kind: 'no-weakref', setting: `--storage=private cannot be built: ${why}`, where: shown(config.tsconfig) } };
    }
    storage = 'underscore';
    if (requested === undefined) notes.push(`underscore storage: ${why}`);
  }
  if (storage !== 'private') return { ok: true, storage, sharing: undefined, notes };
  // The helper is a static #private method, as old as WeakRef in Node (14.6). Its slot form also
  // needs `#slot in object` and `??=` (Node 16.4; TypeScript below ES2022 emits a helper for the
  // check, from tslib 2.3.1 with importHelpers); the WeakMap form needs neither.
  const slotless = (node !== undefined && compare(node, [16, 4]) < 0) || tslibTooOld([2, 3, 1]);
  return { ok: true, storage, sharing: slotless ? 'map' : 'slot', notes };
}
