/**
 * Running a transform over files without writing anything: in this process for a few files, on
 * worker threads for more. Each result carries the source read, the output (when it changed),
 * the transform's `api.report` lines, or the error it threw.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface FileResult {
  file: string;
  source: string;
  /** Present when the transform changed the file. */
  output?: string;
  reports: string[];
  error?: string;
}

type TransformFunction = (
  file: { path: string; source: string },
  api: { report: (message: string) => void; jscodeshift: unknown; j: unknown; stats: () => void },
  options: Record<string, unknown>,
) => string | null | undefined | Promise<string | null | undefined>;

/** Up to this many files, starting a worker costs more than the work it would take over. */
export const IN_BAND_LIMIT = 25;

async function loadTransform(moduleUrl: string): Promise<TransformFunction> {
  const loaded = (await import(moduleUrl)) as { default?: unknown };
  const candidate = (loaded.default as { default?: unknown } | undefined)?.default ?? loaded.default;
  if (typeof candidate !== 'function') throw new Error(`${moduleUrl} has no default export to run as a transform`);
  return candidate as TransformFunction;
}

/** jscodeshift's API for transforms that build on it; loaded only when a transform asks for it. */
function apiFor(report: (message: string) => void, parser: unknown): Parameters<TransformFunction>[1] {
  let j: unknown;
  const jscodeshift = (): unknown => {
    if (j === undefined) {
      const core = createRequire(import.meta.url)('jscodeshift') as { withParser: (name: string) => unknown };
      j = core.withParser(typeof parser === 'string' ? parser : 'tsx');
    }
    return j;
  };
  return {
    report,
    stats: () => undefined,
    get jscodeshift() {
      return jscodeshift();
    },
    get j() {
      return jscodeshift();
    },
  };
}

/** Transforms `files` one after another in this thread. */
export async function transformFiles(moduleUrl: string, files: readonly string[], options: Record<string, unknown>): Promise<FileResult[]> {
  const transform = await loadTransform(moduleUrl);
  const results: FileResult[] = [];
  for (const file of files) {
    const result: FileResult = { file, source: '', reports: [] };
    try {
      result.source = readFileSync(file, 'utf8');
      const output = await transform(
        { path: file, source: result.source },
        apiFor((message) => result.reports.push(message), options.parser),
        options,
      );
      if (typeof output === 'string' && output !== result.source) result.output = output;
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
    }
    results.push(result);
  }
  return results;
}

/** Splits the files over up to `cpus` worker threads when there are enough of them. */
export async function runTransform(
  moduleUrl: string,
  files: readonly string[],
  options: Record<string, unknown>,
  cpus: number,
): Promise<FileResult[]> {
  const workers = Math.min(cpus, Math.ceil(files.length / IN_BAND_LIMIT));
  if (workers <= 1) return transformFiles(moduleUrl, files, options);
  const slices: string[][] = Array.from({ length: workers }, () => []);
  files.forEach((file, index) => slices[index % workers]?.push(file));
  const parts = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<FileResult[]>((resolve, reject) => {
          const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { moduleUrl, files: slice, options } });
          worker.once('message', (results: FileResult[]) => {
            resolve(results);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`a worker stopped with exit code ${String(code)}`));
          });
        }),
    ),
  );
  const byFile = new Map(parts.flat().map((result) => [result.file, result]));
  return files.map((file) => byFile.get(file) ?? { file, source: '', reports: [], error: 'no result from its worker' });
}
