// A cleanup callback that can throw: in Node an exception thrown by a FinalizationRegistry
// callback is an uncaught exception and ends the process with exit code 1.
const liveByKind = new Map<string, number>();

const registry = new FinalizationRegistry((kind: string) => {
  const live = liveByKind.get(kind);
  if (live === undefined) throw new Error(`no live objects of kind ${kind}`);
  liveByKind.set(kind, live - 1);
});

export function track(owner: object, kind: string): void {
  liveByKind.set(kind, (liveByKind.get(kind) ?? 0) + 1);
  registry.register(owner, kind);
}
