/**
 * The lesson workspace on the page: wires the editor (the lesson's files and
 * those opened from the terminal with nano), the check panel and the hints
 * to the machine (machine-console.ts: the worker, the terminal, the preview).
 * Entry point of the lesson page's client script; the heavy parts (Monaco,
 * xterm, Pyodide) load lazily.
 */
import type { MachineClient } from '../machine/machine-client.ts';
import type { WorkerEvent } from '../machine/protocol.ts';
import { showCheckResults, wireHints } from './check-results.ts';
import { ConfigDiagnostics } from './config-diagnostics.ts';
import { $ } from './dom.ts';
import { createCodeEditor, type CodeEditor } from './editor.ts';
import { languageFor } from './file-language.ts';
import { FileTabs } from './file-tabs.ts';
import { WorkspaceFiles } from './files.ts';
import { readLessonData, type FileMap, type LessonData } from './lesson-data.ts';
import { MachineConsole } from './machine-console.ts';
import { OpenedFiles, machineHasSaved, readOnlyNote, saveErrorNote, tabLabel, withFinalNewline } from './opened-files.ts';

const SAVE_DELAY_MS = 400;

class Workspace {
  private readonly files: WorkspaceFiles;
  /** Files opened from the terminal (`nano FILE`), keyed by machine path. */
  private readonly opened = new OpenedFiles();
  private readonly machine: MachineClient;
  private tabs: FileTabs | null = null;
  private editor: CodeEditor | null = null;
  /** Settles once Monaco has loaded (or failed to): files opened from the terminal wait for it. */
  private editorLoaded: Promise<void> = Promise.resolve();
  private ready = false;
  /** Resolves when the machine is up; writes wait for it. */
  private readonly booted: Promise<void>;
  private readonly saveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly saving = new Set<Promise<void>>();
  /** Checks a saved nginx config or unit on the machine and marks its problems. */
  private readonly diagnostics = new ConfigDiagnostics({
    exec: (command, user) => this.machine.call('exec', { command, user }),
    setMarkers: (absolute, problems) => {
      const path = this.editorPath(absolute);
      if (path) this.editor?.setProblems(path, problems);
    },
    setNote: (absolute, note) => {
      const path = this.editorPath(absolute);
      if (path) this.tabs?.setNote(path, note);
    },
  });

  constructor(
    private readonly root: HTMLElement,
    private readonly lesson: LessonData,
  ) {
    this.files = new WorkspaceFiles(lesson.workdir, lesson.files);
    for (const path of lesson.files) this.files.markSaved(path, lesson.starter[path] ?? '');
    const machine = new MachineConsole(root, { files: this.files.toAbsolute(lesson.starter), watch: this.files.watchList() }, lesson.preview);
    this.machine = machine.machine;
    this.booted = machine.booted;
    this.booted.then(
      () => {
        this.ready = true;
      },
      () => {},
    );
  }

  start(): void {
    this.machine.onEvent((event) => {
      switch (event.kind) {
        case 'fileChanged':
          void this.reloadFromMachine(event.path);
          break;
        case 'bundle':
          if (!event.available && this.lesson.needsBundle) $(this.root, '[data-bundle-warning]').hidden = false;
          break;
        case 'openEditor':
          void this.openFromTerminal(event);
          break;
      }
    });

    this.editorLoaded = this.startEditor();
    this.wireButtons();
  }

  private async startEditor(): Promise<void> {
    const box = $(this.root, '[data-editor]');
    try {
      this.editor = await createCodeEditor(
        box,
        this.lesson.files.map((path) => ({
          path,
          // What the machine has now (the starter, or a reset / solution / shell edit made while Monaco loaded).
          text: this.files.savedText(path) ?? '',
          machinePath: this.files.absolute(path),
          language: languageFor(this.files.absolute(path)),
        })),
        {
          onChange: (path) => this.scheduleSave(path),
          onSave: (path) => void this.save(path),
        },
      );
      box.dataset.ready = 'true';
    } catch (error) {
      box.textContent = `The editor could not load: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  // ---- files --------------------------------------------------------------

  private scheduleSave(path: string): void {
    this.updateTab(path);
    clearTimeout(this.saveTimers.get(path));
    this.saveTimers.set(
      path,
      setTimeout(() => void this.save(path), SAVE_DELAY_MS),
    );
  }

  /** Writes the editor's text of `path` to the machine if it changed. */
  private save(path: string): Promise<void> {
    clearTimeout(this.saveTimers.get(path));
    this.saveTimers.delete(path);
    if (!this.editor) return Promise.resolve();
    const text = this.editor.text(path);
    if (!this.isDirty(path, text)) return Promise.resolve();
    let write: Promise<void>;
    if (this.opened.get(path)) {
      write = this.saveOpened(path, text);
    } else {
      this.files.markSaved(path, text);
      this.updateTab(path);
      write = this.writeToMachine({ [path]: text });
    }
    this.saving.add(write);
    void write.finally(() => this.saving.delete(write));
    return write;
  }

  /** Saves a file opened from the terminal as the user who opened it; a refusal keeps the text, unsaved. */
  private async saveOpened(path: string, text: string): Promise<void> {
    const file = this.opened.get(path);
    if (!file) return;
    try {
      await this.machine.call('saveAs', { path, text: withFinalNewline(text), user: file.user });
      file.saved = text;
      this.tabs?.setNote(path, null);
      this.setSaveState('Saved');
      void this.diagnostics.saved(path);
    } catch (error) {
      this.tabs?.setNote(path, saveErrorNote(error instanceof Error ? error.message : String(error)));
      this.setSaveState('');
    }
    this.updateTab(path);
  }

  private isDirty(path: string, text: string): boolean {
    const opened = this.opened.get(path);
    return opened ? opened.saved !== text : this.files.isDirty(path, text);
  }

  private async writeToMachine(files: FileMap): Promise<void> {
    try {
      await this.booted;
      const written = this.files.toAbsolute(files);
      await this.machine.call('writeFiles', { files: written });
      this.setSaveState('Saved');
      for (const path of Object.keys(written)) void this.diagnostics.saved(path);
    } catch (error) {
      this.setSaveState(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Saves every file with pending edits and waits for all writes. */
  private async flushSaves(): Promise<void> {
    for (const path of [...this.lesson.files, ...this.opened.paths()]) void this.save(path);
    await Promise.all([...this.saving]);
  }

  /** The machine says an editor file changed (e.g. `echo x > app.py`): reload it unless it has unsaved edits. */
  private async reloadFromMachine(absolute: string): Promise<void> {
    const path = this.opened.get(absolute) ? absolute : this.files.relative(absolute);
    if (!path || this.saveTimers.has(path)) return;
    const text = await this.machine.call('readFile', { path: absolute });
    if (text === null) return;
    const opened = this.opened.get(absolute);
    if (opened && machineHasSaved(opened, text)) return; // its own save (with nano's final newline) coming back
    if (!this.editor) {
      this.markSaved(path, text); // the editor, still loading, starts from this
      return;
    }
    if (this.isDirty(path, this.editor.text(path))) return; // the learner's edits win
    this.markSaved(path, text);
    this.editor.setText(path, text);
    this.updateTab(path);
  }

  /** The editor's name for a machine path: itself for a file opened from the terminal, relative for a lesson file. */
  private editorPath(absolute: string): string | null {
    return this.opened.get(absolute) ? absolute : this.files.relative(absolute);
  }

  private markSaved(path: string, text: string): void {
    const opened = this.opened.get(path);
    if (opened) opened.saved = text;
    else this.files.markSaved(path, text);
  }

  // ---- files opened from the terminal -----------------------------------

  /** `nano FILE` ran: show FILE in its tab (a lesson file's own, or a new closable one). */
  private async openFromTerminal(event: Extract<WorkerEvent, { kind: 'openEditor' }>): Promise<void> {
    await this.editorLoaded;
    const editor = this.editor;
    if (!editor) return;
    const lessonPath = this.files.relative(event.path);
    if (lessonPath) {
      this.selectTab(lessonPath); // the lesson's files save as they always do
      return;
    }
    const { path, text, writable, user } = event;
    const file = this.opened.get(path);
    if (file) {
      // Opened again, perhaps now with sudo: later saves write as this user.
      file.user = user;
      if (this.isDirty(path, editor.text(path))) this.scheduleSave(path); // the learner's edits win, and may save now
      else {
        file.saved = text;
        editor.setText(path, text);
      }
    } else {
      this.opened.add({ path, user, saved: text });
      editor.add({ path, text, machinePath: path, language: languageFor(path) });
      this.tabs?.addClosable(path);
      this.relabelOpenedTabs();
      this.watchOpenFiles();
    }
    this.tabs?.setNote(path, writable ? null : readOnlyNote(user));
    this.selectTab(path);
  }

  private async closeOpened(path: string): Promise<void> {
    await this.save(path);
    const editor = this.editor;
    if (!editor || !this.opened.get(path)) return;
    if (this.isDirty(path, editor.text(path)) && !confirm(`${path} is not saved. Close it anyway and lose your changes?`)) return;
    const wasShown = editor.current() === path;
    const fallback = this.lesson.files[0] ?? '';
    this.opened.delete(path);
    editor.remove(path, fallback);
    this.tabs?.remove(path);
    this.relabelOpenedTabs();
    this.watchOpenFiles();
    if (wasShown) this.selectTab(fallback);
  }

  private relabelOpenedTabs(): void {
    const all = [...this.files.watchList(), ...this.opened.paths()];
    for (const path of this.opened.paths()) this.tabs?.setLabel(path, tabLabel(path, all));
  }

  /** The worker reports changes only to watched paths: the lesson's files and the opened ones. */
  private watchOpenFiles(): void {
    this.machine.notify({ kind: 'watch', paths: [...this.files.watchList(), ...this.opened.paths()] });
  }

  /** Puts `files` into the editor and onto the machine (reset, show solution); files opened from the terminal stay as they are. */
  private async replaceAll(files: FileMap): Promise<void> {
    for (const path of this.lesson.files) {
      clearTimeout(this.saveTimers.get(path));
      this.saveTimers.delete(path);
    }
    await Promise.all([...this.saving]);
    for (const path of this.lesson.files) {
      const text = files[path] ?? '';
      this.files.markSaved(path, text);
      this.editor?.setText(path, text);
      this.updateTab(path);
    }
    await this.writeToMachine(files);
  }

  // ---- UI -----------------------------------------------------------------

  private wireButtons(): void {
    this.tabs = new FileTabs($(this.root, '[data-file-tabs]'), $(this.root, '[data-tab-note]'), {
      onSelect: (path, focusEditor) => this.selectTab(path, focusEditor),
      onClose: (path) => void this.closeOpened(path),
    });
    $(this.root, '[data-action="check"]').addEventListener('click', () => void this.check());
    $(this.root, '[data-action="reset"]').addEventListener('click', () => {
      if (!confirm('Reset the lesson files to how they started? Your changes will be lost.')) return;
      void this.replaceAll(this.lesson.starter).then(() => this.setSaveState('Reset to the starter files'));
    });
    $(this.root, '[data-action="solution"]').addEventListener('click', () => {
      if (!confirm('Replace your files with the solution? Your changes will be lost.')) return;
      void this.replaceAll(this.lesson.solution).then(() => this.setSaveState('Solution loaded'));
    });
    // Ctrl-S anywhere on the page saves every file (the editor handles its own).
    document.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void this.flushSaves();
      }
    });
    const hintButton = this.root.querySelector<HTMLButtonElement>('[data-action="hint"]');
    if (hintButton) wireHints(hintButton, $(this.root, '[data-hints]'), this.lesson.hints);
  }

  private selectTab(path: string, focusEditor = true): void {
    if (!this.tabs?.has(path)) return;
    this.tabs.select(path);
    this.editor?.show(path);
    if (focusEditor) this.editor?.focus();
  }

  private updateTab(path: string): void {
    if (this.editor) this.tabs?.setDirty(path, this.isDirty(path, this.editor.text(path)));
  }

  private setSaveState(text: string): void {
    $(this.root, '[data-save-state]').textContent = text;
  }

  private async check(): Promise<void> {
    const button = $(this.root, '[data-action="check"]') as HTMLButtonElement;
    const summary = $(this.root, '[data-check-summary]');
    const list = $(this.root, '[data-check-list]');
    if (!this.ready) return;
    button.disabled = true;
    summary.textContent = 'Checking…';
    try {
      await this.flushSaves();
      const results = await this.machine.call('runChecks', { checks: this.lesson.checks, workdir: this.lesson.workdir });
      showCheckResults(results, summary, list);
    } catch (error) {
      summary.textContent = `The checks could not run: ${error instanceof Error ? error.message : String(error)}`;
      summary.dataset.state = 'error';
    } finally {
      button.disabled = false;
    }
  }
}

export function startWorkspace(): void {
  const root = document.querySelector<HTMLElement>('[data-workspace]');
  if (!root) return;
  new Workspace(root, readLessonData()).start();
}
