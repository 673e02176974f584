/**
 * The `weak-parent` transform at its published path (`dist/codemods/weak-parent.js`), which
 * `npx jscodeshift -t …` and the `./codemods/weak-parent` export name. The code lives in
 * ./weak-parent/.
 */
export { default } from './weak-parent/index.js';
export * from './weak-parent/index.js';
