import { Subscription } from './Subscription';

type Observer<T> = { next: (value: T) => void; error?: (err: unknown) => void; complete?: () => void };
type OperatorFunction<A, B> = (source: Subject<A>) => Subject<B>;

export class Subject<T> {
  private readonly observers = new Set<Observer<T>>();

  subscribe(observer: Partial<Observer<T>> | ((value: T) => void)): Subscription {
    const full: Observer<T> = typeof observer === 'function' ? { next: observer } : { next: () => {}, ...observer };
    this.observers.add(full);
    return new Subscription(() => this.observers.delete(full));
  }

  next(value: T): void {
    for (const observer of [...this.observers]) observer.next(value);
  }

  pipe(): Subject<T>;
  pipe<A>(op1: OperatorFunction<T, A>): Subject<A>;
  pipe<A, B>(op1: OperatorFunction<T, A>, op2: OperatorFunction<A, B>): Subject<B>;
  pipe(...operations: OperatorFunction<any, any>[]): Subject<any> {
    return operations.reduce<Subject<any>>((prev, fn) => fn(prev), this);
  }
}
