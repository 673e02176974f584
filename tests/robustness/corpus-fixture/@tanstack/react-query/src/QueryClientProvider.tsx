import { QueryCache, QueryObserver } from '@tanstack/query-core';

// TSX without React's types: elements, fragments, props spreading and a hook-shaped function.
declare function useSyncExternalStore<T>(subscribe: (onChange: () => void) => () => void, get: () => T): T;

const cacheContext: { current: QueryCache | null } = { current: null };

export function QueryClientProvider(props: { cache: QueryCache; children?: unknown }) {
  cacheContext.current = props.cache;
  return <>{props.children}</>;
}

export function useQuery<TData>(key: string): TData | undefined {
  const cache = cacheContext.current;
  if (cache === null) throw new Error('useQuery needs a QueryClientProvider');
  const query = cache.build<TData>(key);
  const observer = new QueryObserver<TData>(query);
  return useSyncExternalStore(
    (onChange) => observer.subscribe(onChange),
    () => query.state.data,
  );
}

export function QueryStatus({ queryKey, ...rest }: { queryKey: string; title?: string }) {
  const data = useQuery<string>(queryKey);
  return (
    <section {...rest}>
      {data === undefined ? <em>loading</em> : <span title={rest.title}>{data}</span>}
    </section>
  );
}
