/** A worker thread of runTransform: transforms its share of the files and posts the results. */
import { parentPort, workerData } from 'node:worker_threads';

import { transformFiles } from './run.js';

const { moduleUrl, files, options } = workerData as { moduleUrl: string; files: string[]; options: Record<string, unknown> };
parentPort?.postMessage(await transformFiles(moduleUrl, files, options));
