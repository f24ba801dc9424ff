import { mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PrintError } from './print-error.js';

/**
 * Writes a document to a file that must not exist yet, and flushes it to
 * disk. Like every output of a ceremony, a printed document is never
 * overwritten: an existing file stops the print and is named. A write that
 * fails half way leaves no partial file behind to be mistaken for the document.
 * @throws PrintError PRINT_OUTPUT_EXISTS when the file is already there,
 *   PRINT_WRITE_FAILED when the disk refuses (full, read-only).
 */
export async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  let created = false;
  try {
    await mkdir(dirname(path), { recursive: true });
    const file = await open(path, 'wx');
    created = true;
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && !created) {
      throw new PrintError('PRINT_OUTPUT_EXISTS', `${path} already exists; Conclave never overwrites an output. Move it away or choose another folder.`, { cause: error });
    }
    if (created) await rm(path, { force: true });
    throw new PrintError('PRINT_WRITE_FAILED', `Could not write ${path} (${code ?? 'error'}): check that the disk has space and is writable.`, { cause: error });
  }
}
