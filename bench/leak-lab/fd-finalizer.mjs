// The finalizer form of the descriptor experiment: the owner asks a FinalizationRegistry to
// close its descriptor once the owner has been collected. Nothing closes it before that.
import { closeSync, openSync, readSync } from 'node:fs';

const registry = new FinalizationRegistry((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed or never valid: nothing useful to do in a finalizer.
  }
});

export class LogFile {
  constructor(path) {
    this.fd = openSync(path, 'r');
    registry.register(this, this.fd);
  }

  readFirstByte() {
    const buffer = Buffer.alloc(1);
    readSync(this.fd, buffer, 0, 1, 0);
    return buffer[0] ?? -1;
  }
}

export function useOnce(path) {
  const file = new LogFile(path);
  return file.readFirstByte();
}
