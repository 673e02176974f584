// The file is closed deterministically through `using`; the finalizer is only a safety net
// that warns about an owner dropped without being disposed.
import { openSync, closeSync, writeSync } from 'node:fs';

const leaks = new FinalizationRegistry((path: string) => {
  console.warn(`LogFile for ${path} was not disposed`);
});

export class LogFile implements Disposable {
  readonly fd: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
    leaks.register(this, path, this);
  }

  write(line: string): void {
    writeSync(this.fd, `${line}\n`);
  }

  [Symbol.dispose](): void {
    leaks.unregister(this);
    closeSync(this.fd);
  }
}

export function appendLine(path: string, line: string): void {
  using log = new LogFile(path);
  log.write(line);
}
