// The rule tests on the oldest TypeScript of the peer range (`npm run test:typescript-5`, a CI
// step): `typescript` resolves to the aliased devDependency everywhere, see
// tests/typescript-low-end/. The integration tests are not run here: they load the built
// plugin natively, outside vite, where only the CommonJS half of the redirection would apply.
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

import base from './vitest.config.js';
import { LOW_END_TYPESCRIPT } from './tests/typescript-low-end/version.js';

export default defineConfig({
  ...base,
  resolve: { alias: [{ find: /^typescript(\/.*)?$/, replacement: `${LOW_END_TYPESCRIPT}$1` }] },
  test: {
    ...base.test,
    include: ['tests/typescript-low-end/*.probe.ts', 'tests/rules/**/*.test.ts', 'tests/finalization-registry.test.ts', 'tests/disposable.test.ts'],
    setupFiles: [fileURLToPath(new URL('tests/typescript-low-end/setup.ts', import.meta.url))],
  },
});
