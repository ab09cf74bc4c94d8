import { lstat, readdir, rm, rmdir, writeFile, chmod } from 'node:fs/promises';

/** What this run changed on disk, in order, so a failure can undo exactly that. */
export class Journal {
  readonly createdDirs: string[] = [];
  readonly createdFiles: string[] = [];
  /** Folders a post step created as a whole (e.g. `.git`, `.venv`): removed recursively. */
  readonly createdTrees: string[] = [];
  readonly overwritten: { path: string; content: Buffer; mode: number }[] = [];
  /** Files this run deleted (update removes files no longer generated): restored on rollback. */
  readonly removed: { path: string; content: Buffer; mode: number }[] = [];

  /** Undoes everything recorded, newest first. Never touches anything it did not record. */
  async rollback(): Promise<string[]> {
    const problems: string[] = [];
    const attempt = async (what: string, action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') problems.push(`${what}: ${code ?? String(error)}`);
      }
    };
    for (const tree of [...this.createdTrees].reverse()) {
      await attempt(tree, () => rm(tree, { recursive: true, force: true }));
    }
    for (const file of [...this.createdFiles].reverse()) await attempt(file, () => rm(file));
    for (const old of [...this.overwritten, ...this.removed].reverse()) {
      await attempt(old.path, async () => {
        await writeFile(old.path, old.content);
        await chmod(old.path, old.mode);
      });
    }
    // Deepest first; a folder that is not empty holds something we did not create: keep it.
    for (const dir of [...this.createdDirs].sort((a, b) => b.length - a.length)) {
      await attempt(dir, async () => {
        if ((await lstat(dir)).isDirectory() && (await readdir(dir)).length === 0) await rmdir(dir);
      });
    }
    return problems;
  }
}
