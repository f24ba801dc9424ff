import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One ceremony this app started, as the ledger remembers it. */
export interface LedgerEntry {
  bundleDir: string;
  /** A rehearsal's practice token store (its SoftHSM conf), to resume on the same throwaway token. */
  practiceConf?: string;
}

/**
 * The app's list of the ceremonies it started and has not seen finish, in
 * its data folder: after a crash or a power loss, the home screen reads it to
 * offer a resume (design/PRODUCT.md: "reopening the app offers to resume").
 * It holds folder paths only, nothing secret. Written whole, through a
 * temporary file and a rename, so a crash never leaves half a list.
 */
export class CeremonyLedger {
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'ceremonies.json');
  }

  async entries(): Promise<LedgerEntry[]> {
    const text = await readFile(this.file, 'utf8').catch(() => '[]');
    try {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? parsed.filter((e): e is LedgerEntry => typeof (e as LedgerEntry)?.bundleDir === 'string') : [];
    } catch {
      // A list that cannot be read offers nothing to resume; `conclave resume DIR` still can.
      return [];
    }
  }

  async add(entry: LedgerEntry): Promise<void> {
    const entries = (await this.entries()).filter((e) => e.bundleDir !== entry.bundleDir);
    await this.write([...entries, entry]);
  }

  async remove(bundleDir: string): Promise<void> {
    await this.write((await this.entries()).filter((e) => e.bundleDir !== bundleDir));
  }

  private async write(entries: LedgerEntry[]): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(entries, null, 2) + '\n', { mode: 0o600 });
    await rename(temporary, this.file);
  }
}
