/**
 * The learner's files as the workspace knows them: one place that maps editor
 * paths to machine paths and remembers what was last written to the machine.
 * (A later step persists this to IndexedDB.)
 */
import type { FileMap } from './lesson-data.ts';

export class WorkspaceFiles {
  /** Text last written to (or read from) the machine, by relative path. */
  private readonly saved = new Map<string, string>();

  constructor(
    readonly workdir: string,
    /** The editor's files, relative to workdir, in tab order. */
    readonly paths: readonly string[],
  ) {}

  /** Machine path of a workdir-relative path. */
  absolute(path: string): string {
    return `${this.workdir.replace(/\/+$/, '')}/${path}`;
  }

  /** The workdir-relative editor path for a machine path, or null if it is not an editor file. */
  relative(absolute: string): string | null {
    const prefix = `${this.workdir.replace(/\/+$/, '')}/`;
    if (!absolute.startsWith(prefix)) return null;
    const rel = absolute.slice(prefix.length);
    return this.paths.includes(rel) ? rel : null;
  }

  /** Machine paths of the editor files (what the worker watches). */
  watchList(): string[] {
    return this.paths.map((p) => this.absolute(p));
  }

  /** The same files keyed by machine path. */
  toAbsolute(files: FileMap): Record<string, string> {
    return Object.fromEntries(Object.entries(files).map(([p, text]) => [this.absolute(p), text]));
  }

  savedText(path: string): string | undefined {
    return this.saved.get(path);
  }

  markSaved(path: string, text: string): void {
    this.saved.set(path, text);
  }

  /** True if `text` (the editor's) differs from what the machine has. */
  isDirty(path: string, text: string): boolean {
    return this.saved.get(path) !== text;
  }
}
