// A log file that is closed by a finalizer. The callback may run late or never (it does not
// run at exit at all), so descriptors pile up until the process runs out of them.
import { openSync, closeSync, writeSync } from 'node:fs';

const closer = new FinalizationRegistry((fd: number) => {
  closeSync(fd);
});

export class LogFile {
  readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'a');
    closer.register(this, this.fd);
  }

  write(line: string): void {
    writeSync(this.fd, `${line}\n`);
  }
}
