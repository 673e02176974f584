/** The npm alias of the oldest TypeScript in the peer range, installed as a devDependency. */
export const LOW_END_TYPESCRIPT = 'typescript-5.2';
