import { ClassDecoratorFactory, ParameterDecoratorFactory } from '@loopback/metadata';

// A dependency-injection context: a parent chain, bindings, and decorators that name them.
export class Context {
  private readonly registry = new Map<string, () => unknown>();

  constructor(
    public readonly parent?: Context,
    public readonly name = 'context',
  ) {}

  bind<T>(key: string, factory: () => T): this {
    this.registry.set(key, factory);
    return this;
  }

  get<T>(key: string): T {
    const factory = this.registry.get(key);
    if (factory !== undefined) return factory() as T;
    if (this.parent === undefined) throw new Error(`no binding for ${key} in ${this.name}`);
    return this.parent.get<T>(key);
  }
}

export function injectable(spec: { scope?: 'singleton' | 'transient' } = {}): ClassDecorator {
  return ClassDecoratorFactory('injectable', spec);
}

export function inject(key: string): ParameterDecorator {
  return ParameterDecoratorFactory('inject', { key });
}
