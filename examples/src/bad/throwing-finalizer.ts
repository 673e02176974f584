// A cleanup callback that can throw: in Node an exception thrown by a FinalizationRegistry
// callback is an uncaught exception and ends the process with exit code 1.
interface Handle {
  id: number;
  pool: Map<number, { release(): void }> | undefined;
}

const registry = new FinalizationRegistry((handle: Handle) => {
  const entry = handle.pool?.get(handle.id);
  if (entry === undefined) throw new Error(`handle ${String(handle.id)} was never pooled`);
  entry.release();
});

export function track(owner: object, handle: Handle): void {
  registry.register(owner, handle);
}
