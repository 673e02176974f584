// The same bookkeeping with a callback that cannot let an error escape.
const liveByKind = new Map<string, number>();

const registry = new FinalizationRegistry((kind: string) => {
  try {
    const live = liveByKind.get(kind);
    if (live === undefined) throw new Error(`no live objects of kind ${kind}`);
    liveByKind.set(kind, live - 1);
  } catch (error) {
    // A finalizer must never throw: report and carry on.
    console.error('cleanup failed', error);
  }
});

export function track(owner: object, kind: string): void {
  liveByKind.set(kind, (liveByKind.get(kind) ?? 0) + 1);
  registry.register(owner, kind);
}
