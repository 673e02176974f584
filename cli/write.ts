/** Writing a transformed file: atomically, keeping its mode, and never over a read-only file. */
import { accessSync, chmodSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file the user marked read-only. A write through a temporary file and a rename only needs the
 * folder to be writable, so it would replace such a file; it is refused instead. No write bit at
 * all counts too, so that root (whom `access` never refuses) also respects a 0444 mark.
 */
export function isReadOnly(file: string): boolean {
  try {
    if ((statSync(file).mode & 0o222) === 0) return true;
    accessSync(file, constants.W_OK);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
  }
}

/** Writes `text` next to `file`, gives it the file's mode, then renames it over the file. */
export function writeAtomically(file: string, text: string): void {
  const mode = statSync(file).mode & 0o7777;
  const temporary = join(dirname(file), `.${basename(file)}.${String(process.pid)}.tmp`);
  try {
    writeFileSync(temporary, text, { mode });
    chmodSync(temporary, mode);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
