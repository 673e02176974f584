import { Context, inject, injectable } from '@loopback/context';

function lifeCycleObserver(group: string): ClassDecorator {
  return (target) => {
    Reflect.set(target, 'group', group);
  };
}

function logged(_target: object, member: string | symbol, descriptor: PropertyDescriptor): PropertyDescriptor {
  const original = descriptor.value as (...args: unknown[]) => unknown;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    console.log(`calling ${String(member)}`);
    return original.apply(this, args);
  };
  return descriptor;
}

@injectable({ scope: 'singleton' })
@lifeCycleObserver('server')
export class Application extends Context {
  private started = false;

  constructor(@inject('application.config') readonly config: { port: number }, parent?: Context) {
    super(parent, 'application');
  }

  @logged
  async start(): Promise<void> {
    this.started = true;
  }

  @logged
  async stop(): Promise<void> {
    this.started = false;
  }

  get isStarted(): boolean {
    return this.started;
  }
}
