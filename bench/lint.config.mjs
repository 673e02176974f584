// ESLint config file used only by the benchmark (chosen with `overrideConfigFile`, never by
// `npm run lint`). Environment variables pick what to lint; worker threads inherit them.
//   BENCH_TSCONFIG  the tsconfig that types the linted files (absolute, or relative to the repository root)
//   BENCH_RULES     base | base+lifetime | lifetime (see lint-configs.mjs)
//   BENCH_FILES     optional comma-separated globs the configs apply to (default **/*.ts)
import { lintConfig } from './lint-configs.mjs';

const tsconfig = process.env.BENCH_TSCONFIG;
if (tsconfig === undefined || tsconfig === '') {
  throw new Error('bench/lint.config.mjs needs BENCH_TSCONFIG (the tsconfig of the linted files).');
}

const files = process.env.BENCH_FILES ? process.env.BENCH_FILES.split(',') : undefined;

export default lintConfig({ tsconfig, rules: process.env.BENCH_RULES ?? 'base', ...(files === undefined ? {} : { files }) });
