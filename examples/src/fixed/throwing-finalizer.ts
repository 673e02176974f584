// The same bookkeeping with a callback that cannot let an error escape.
interface Handle {
  id: number;
  pool: Map<number, { release(): void }> | undefined;
}

const registry = new FinalizationRegistry((handle: Handle) => {
  try {
    const entry = handle.pool?.get(handle.id);
    if (entry === undefined) throw new Error(`handle ${String(handle.id)} was never pooled`);
    entry.release();
  } catch (error) {
    // A finalizer must never throw: report and carry on.
    console.error('cleanup failed', error);
  }
});

export function track(owner: object, handle: Handle): void {
  registry.register(owner, handle);
}
