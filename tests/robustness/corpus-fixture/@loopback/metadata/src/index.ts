// Decorator factories that record metadata per target, member and parameter index.
export type DecoratorTarget = object;

const store = new WeakMap<DecoratorTarget, Map<string | symbol, unknown[]>>();

export function defineMetadata(target: DecoratorTarget, key: string | symbol, value: unknown): void {
  let byKey = store.get(target);
  if (byKey === undefined) store.set(target, (byKey = new Map()));
  byKey.set(key, [...(byKey.get(key) ?? []), value]);
}

export function getMetadata<T>(target: DecoratorTarget, key: string | symbol): T[] {
  return (store.get(target)?.get(key) ?? []) as T[];
}

export function ClassDecoratorFactory<T>(key: string, spec: T): ClassDecorator {
  return (target) => defineMetadata(target, key, spec);
}

export function ParameterDecoratorFactory<T>(key: string, spec: T): ParameterDecorator {
  return (target, member, index) => defineMetadata(target, `${key}:${String(member ?? 'constructor')}:${String(index)}`, spec);
}
