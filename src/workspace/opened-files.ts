/**
 * Files opened from the terminal (`nano FILE`), beside the lesson's files:
 * who opened them (saving writes as that user) and what the machine has.
 */

export interface OpenedFile {
  /** Absolute machine path; also the tab's and the editor model's key. */
  readonly path: string;
  /** The user the editor ran as (root under sudo): saves write as them. */
  user: string;
  /** The editor's text as last read from or saved to the machine (what "unsaved" compares with). */
  saved: string;
}

/** What nano and vim write: the text ending in a newline (an empty file stays empty). */
export function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** Whether the machine's text is what the tab last read or saved (its own save coming back, say). */
export function machineHasSaved(file: OpenedFile, machineText: string): boolean {
  return machineText === file.saved || machineText === withFinalNewline(file.saved);
}

export class OpenedFiles {
  private readonly files = new Map<string, OpenedFile>();

  get(path: string): OpenedFile | undefined {
    return this.files.get(path);
  }

  add(file: OpenedFile): void {
    this.files.set(file.path, file);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }
}

/**
 * The tab's label: the file's name, or its whole path when another open
 * file (lesson files included) has the same name.
 */
export function tabLabel(path: string, others: readonly string[]): string {
  const name = baseName(path);
  const clash = others.some((other) => other !== path && baseName(other) === name);
  return clash ? path : name;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** What the tab says when a save failed: Permission denied gets the way out. */
export function saveErrorNote(message: string): string {
  if (/Permission denied/i.test(message)) return 'Permission denied — open it with sudo nano';
  return `Not saved: ${message}`;
}

/** What the tab says when it opens a file its user cannot write, as nano warns. */
export function readOnlyNote(user: string): string {
  return user === 'root' ? 'Cannot be saved here' : `Read-only for ${user} — open it with sudo nano`;
}
