// The deterministic form of the descriptor experiment: the owner implements Symbol.dispose and
// the caller holds it with `using`, so the file is closed when the block is left, however it is
// left. Node 20 has no native `using`; the leak lab compiles this file at run time with the
// TypeScript compiler (transpileModule, target ES2022), which lowers `using` to try/finally
// with TypeScript's dispose helpers.
import { closeSync, openSync, readSync } from 'node:fs';

export class LogFile implements Disposable {
  readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  readFirstByte(): number {
    const buffer = Buffer.alloc(1);
    readSync(this.fd, buffer, 0, 1, 0);
    return buffer[0] ?? -1;
  }

  [Symbol.dispose](): void {
    closeSync(this.fd);
  }
}

export function useOnce(path: string): number {
  using file = new LogFile(path);
  return file.readFirstByte();
}
