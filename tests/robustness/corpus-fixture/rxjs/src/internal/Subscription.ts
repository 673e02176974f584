export type TeardownLogic = Subscription | (() => void) | { unsubscribe(): void } | void;

/** A resource with teardown, generic over what it hands back, with overloads. */
export class Subscription {
  closed = false;
  private _parentage: Subscription[] | Subscription | null = null;
  private _finalizers: Exclude<TeardownLogic, void>[] | null = null;

  constructor(private initialTeardown?: () => void) {}

  unsubscribe(): void {
    if (this.closed) return;
    this.closed = true;
    const parentage = this._parentage;
    if (Array.isArray(parentage)) for (const parent of parentage) parent.remove(this);
    else parentage?.remove(this);
    this.initialTeardown?.();
    for (const finalizer of this._finalizers ?? []) {
      if (typeof finalizer === 'function') finalizer();
      else finalizer.unsubscribe();
    }
  }

  add(teardown: TeardownLogic): void;
  add(teardown: TeardownLogic, ...more: TeardownLogic[]): void;
  add(teardown: TeardownLogic, ...more: TeardownLogic[]): void {
    for (const item of [teardown, ...more]) {
      if (item == null || item === this) continue;
      if (item instanceof Subscription) item._addParent(this);
      (this._finalizers ??= []).push(item);
    }
  }

  remove(teardown: Exclude<TeardownLogic, void>): void {
    this._finalizers = this._finalizers?.filter((item) => item !== teardown) ?? null;
  }

  private _addParent(parent: Subscription): void {
    const current = this._parentage;
    this._parentage = Array.isArray(current) ? [...current, parent] : current ? [current, parent] : parent;
  }
}
