// Loaded first in each worker of vitest.typescript-5.config.ts: every `require('typescript')`
// (typescript-eslint's parser and utilities are CommonJS and load it natively, outside vite)
// gets the aliased low-end TypeScript instead. `import … from 'typescript'` in our own sources
// and tests is redirected by the config's resolve.alias.
import Module from 'node:module';

import { LOW_END_TYPESCRIPT } from './version.js';

interface ResolveFilename {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
}
const loader = Module as unknown as ResolveFilename;
const resolve = loader._resolveFilename.bind(Module);
loader._resolveFilename = (request: string, ...rest: unknown[]): string =>
  resolve(request === 'typescript' || request.startsWith('typescript/') ? LOW_END_TYPESCRIPT + request.slice('typescript'.length) : request, ...rest);
