// A cache of queries, each with observers that subscribe and unsubscribe.
type Listener<T> = (state: T) => void;

export class Query<TData = unknown> {
  state: { data: TData | undefined; status: 'pending' | 'success' | 'error' } = { data: undefined, status: 'pending' };
  private readonly observers: QueryObserver<TData>[] = [];

  constructor(
    readonly cache: QueryCache,
    readonly key: string,
  ) {}

  addObserver(observer: QueryObserver<TData>): void {
    if (!this.observers.includes(observer)) this.observers.push(observer);
  }

  removeObserver(observer: QueryObserver<TData>): void {
    this.observers.splice(this.observers.indexOf(observer), 1);
    if (this.observers.length === 0) this.cache.remove(this);
  }

  setData(data: TData): void {
    this.state = { data, status: 'success' };
    for (const observer of this.observers) observer.notify(this.state);
  }
}

export class QueryObserver<TData = unknown> {
  private readonly listeners = new Set<Listener<Query<TData>['state']>>();

  constructor(private readonly query: Query<TData>) {}

  subscribe(listener: Listener<Query<TData>['state']>): () => void {
    this.listeners.add(listener);
    this.query.addObserver(this);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.query.removeObserver(this);
    };
  }

  notify(state: Query<TData>['state']): void {
    for (const listener of this.listeners) listener(state);
  }
}

export class QueryCache {
  private readonly queries = new Map<string, Query<any>>();

  build<TData>(key: string): Query<TData> {
    let query = this.queries.get(key) as Query<TData> | undefined;
    if (query === undefined) this.queries.set(key, (query = new Query<TData>(this, key)));
    return query;
  }

  remove(query: Query<any>): void {
    this.queries.delete(query.key);
  }
}
