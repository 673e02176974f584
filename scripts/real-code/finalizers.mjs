// Runs `lifetime/prefer-using-over-finalizer` and `lifetime/no-finalizer-holding-target` over
// published code that uses FinalizationRegistry (installed on first use into the cache outside
// the repository, scripts/lib/corpora.mjs), and prints what they
// report per file:
//   - @resvg/resvg-wasm (wasm-bindgen glue: one feature-detected registry per exported class),
//   - three's renderers (registries that forget cache entries of collected geometries/textures),
//   - three's basis transcoder (emscripten embind glue, minified).
// With `--time` it also lints rxjs/src with typescript-eslint's recommendedTypeChecked plus both
// rules and prints their share of the time ESLint's `stats` measured (rxjs never mentions
// FinalizationRegistry, so this is the cost of the text pre-filter path).
//
//   node scripts/real-code/finalizers.mjs [--time] [--verbose]
//
// The tsconfigs are written to a temporary directory at run time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createJiti } from 'jiti';
import tseslint from 'typescript-eslint';

import { corpusInstall, rxjsProject } from '../lib/corpora.mjs';
import { eslintFor } from './eslint-for.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const install = corpusInstall(['@resvg/resvg-wasm', 'three', 'rxjs']);
const modules = install.modules;
const jiti = createJiti(import.meta.url);
const RULE_NAMES = ['prefer-using-over-finalizer', 'no-finalizer-holding-target'];
const rules = Object.fromEntries(
  await Promise.all(
    RULE_NAMES.map(async (name) => [name, (await jiti.import(join(root, `rules/${name}.ts`))).default]),
  ),
);
// A census rule built on the shared discovery module: it reports every cleanup callback it
// resolves and every register/unregister call it recognises, so that a zero above can be told
// apart from code the rules never saw.
const discovery = await jiti.import(join(root, 'src/finalization-registry.ts'));
const census = {
  meta: { type: 'suggestion', schema: [], messages: { callback: 'callback', register: 'register', unregister: 'unregister', callbackOfRegistry: 'callbackOfRegistry' } },
  create(context) {
    const services = context.sourceCode.parserServices;
    const onConstruction = (node) => {
      if (discovery.getCleanupCallback(node, services)) context.report({ node, messageId: 'callback' });
    };
    return {
      NewExpression: onConstruction,
      CallExpression(node) {
        if (node.callee.type === 'Super') return onConstruction(node);
        const call = discovery.getRegistryCall(node, services);
        if (!call) return;
        context.report({ node, messageId: call.kind });
        if (discovery.getCallbackOfRegistry(call.registry, services)) context.report({ node, messageId: 'callbackOfRegistry' });
      },
    };
  },
};
rules['finalizer-census'] = census;
const verbose = process.argv.includes('--verbose');
const time = process.argv.includes('--time');

const work = mkdtempSync(join(tmpdir(), 'finalizers-real-code-'));

function writeTsconfig(name, compilerOptions, include) {
  const file = join(work, `${name}.tsconfig.json`);
  writeFileSync(file, JSON.stringify({ compilerOptions, include }, null, 2));
  return file;
}

const jsOptions = {
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['es2023', 'es2021.weakref', 'esnext.disposable', 'dom'],
  types: [],
  allowJs: true,
  checkJs: true,
  noEmit: true,
  skipLibCheck: true,
};

const three = join(modules, 'three');
const threeRenderers = [
  'src/renderers/common/Geometries.js',
  'src/renderers/common/Attributes.js',
  'src/renderers/common/Lighting.js',
  'src/renderers/common/Textures.js',
  'src/renderers/webgl/WebGLTextures.js',
  'src/renderers/webgl/WebGLGeometries.js',
].map((file) => join(three, file));

const targets = [
  {
    name: '@resvg/resvg-wasm (wasm-bindgen)',
    files: [join(modules, '@resvg/resvg-wasm/index.mjs')],
  },
  { name: 'three renderers', files: threeRenderers },
  {
    name: 'three basis_transcoder (emscripten embind)',
    files: [join(three, 'examples/jsm/libs/basis/basis_transcoder.js')],
  },
].map((target, index) => ({ ...target, tsconfig: writeTsconfig(`target-${String(index)}`, jsOptions, target.files) }));

const plugin = { rules };
const ruleEntries = Object.fromEntries(RULE_NAMES.map((name) => [`lifetime/${name}`, 'error']));
ruleEntries['lifetime/finalizer-census'] = 'warn';


try {
  for (const target of targets) {
    const started = performance.now();
    const results = await eslintFor({ cwd: install.root, tsconfig: target.tsconfig, tsconfigRootDir: work, files: ['**/*.js', '**/*.mjs'], plugin, rules: ruleEntries, stats: time }).lintFiles(target.files);
    const elapsed = performance.now() - started;
    const counts = Object.fromEntries(RULE_NAMES.map((name) => [name, 0]));
    const seen = { callback: 0, register: 0, unregister: 0, callbackOfRegistry: 0 };
    const lines = [];
    let fatal = 0;
    for (const result of results) {
      for (const message of result.messages) {
        if (message.ruleId === 'lifetime/finalizer-census') {
          seen[message.messageId] += 1;
          continue;
        }
        const name = message.ruleId?.replace(/^lifetime\//, '');
        if (name !== undefined && name in counts) {
          counts[name] += 1;
          const text = verbose ? message.message : `${message.messageId ?? ''}`;
          lines.push(`  ${relative(modules, result.filePath)}:${String(message.line)}:${String(message.column)} ${name} ${text}`);
        } else if (message.fatal) {
          fatal += 1;
          lines.push(`  ${relative(modules, result.filePath)} fatal: ${message.message}`);
        }
      }
    }
    const summary = RULE_NAMES.map((name) => `${name} ${String(counts[name])}`).join(', ');
    console.log(`${target.name}: ${String(results.length)} files, ${summary}, ${String(fatal)} parse errors, ${(elapsed / 1000).toFixed(1)} s`);
    console.log(
      `  seen: ${String(seen.callback)} cleanup callbacks resolved, ${String(seen.register)} register and ${String(seen.unregister)} unregister calls (${String(seen.callbackOfRegistry)} traced to a callback in the same file)`,
    );
    for (const line of lines) console.log(line);
  }

  if (time) {
    const rxjsSrc = join(modules, 'rxjs/src');
    // The same project as the lint benchmark's, so the figures compare.
    const { tsconfig } = rxjsProject(install);
    const recommended = tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] }));
    const results = await eslintFor({ cwd: install.root, tsconfig, tsconfigRootDir: work, plugin, rules: ruleEntries, extraConfigs: recommended, stats: time }).lintFiles([join(rxjsSrc, '**/*.ts')]);
    let total = 0;
    const ruleTimes = Object.fromEntries(RULE_NAMES.map((name) => [name, 0]));
    for (const result of results) {
      for (const pass of result.stats?.times.passes ?? []) {
        total += pass.total;
        for (const name of RULE_NAMES) ruleTimes[name] += pass.rules?.[`lifetime/${name}`]?.total ?? 0;
      }
    }
    console.log(`timing on rxjs/src, ${String(results.length)} files (recommendedTypeChecked + both rules, ESLint stats):`);
    for (const name of RULE_NAMES) {
      console.log(`  ${name}: ${ruleTimes[name].toFixed(1)} ms of ${total.toFixed(1)} ms total = ${((100 * ruleTimes[name]) / total).toFixed(3)}%`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
