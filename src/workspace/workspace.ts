/**
 * The lesson workspace on the page: wires the editor, the terminal, the
 * check panel and the hints to the machine worker. Entry point of the lesson
 * page's client script; the heavy parts (Monaco, xterm, Pyodide) load lazily.
 */
import {
  TerminalInput,
  createTerminalBuffers,
  startMachineWorker,
  type MachineClient,
} from '../machine/machine-client.ts';
import type { BootPhase, CheckResult } from '../machine/protocol.ts';
import { createCodeEditor, type CodeEditor } from './editor.ts';
import { WorkspaceFiles } from './files.ts';
import { readLessonData, type FileMap, type LessonData } from './lesson-data.ts';
import { createTerminalView, type TerminalView } from './terminal.ts';

const SAVE_DELAY_MS = 400;

function $(root: ParentNode, selector: string): HTMLElement {
  const element = root.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`The workspace is missing ${selector}`);
  return element;
}

function assetURL(path: string): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path}`, location.href).href;
}

class Workspace {
  private readonly files: WorkspaceFiles;
  private readonly machine: MachineClient;
  private editor: CodeEditor | null = null;
  private terminal: TerminalView | null = null;
  private readonly earlyOutput: string[] = [];
  private ready = false;
  /** Resolves when the machine is up; writes wait for it. */
  private booted: Promise<void> = Promise.resolve();
  private readonly saveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly saving = new Set<Promise<void>>();
  private hintsShown = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly lesson: LessonData,
  ) {
    this.files = new WorkspaceFiles(lesson.workdir, lesson.files);
    for (const path of lesson.files) this.files.markSaved(path, lesson.starter[path] ?? '');
    this.machine = startMachineWorker();
  }

  start(): void {
    const buffers = createTerminalBuffers();
    if (!buffers) $(this.root, '[data-isolation-warning]').hidden = false;
    const input = new TerminalInput(this.machine, buffers);

    this.machine.onEvent((event) => {
      switch (event.kind) {
        case 'output':
          if (this.terminal) this.terminal.write(event.data);
          else this.earlyOutput.push(event.data);
          break;
        case 'status':
          this.setStatus(event.phase, event.message);
          break;
        case 'fileChanged':
          void this.reloadFromMachine(event.path);
          break;
        case 'bundle':
          if (!event.available && this.lesson.needsBundle) $(this.root, '[data-bundle-warning]').hidden = false;
          break;
      }
    });

    // Python boots while the editor and the terminal load.
    const terminalBox = $(this.root, '[data-terminal]');
    const boot = this.machine.call('boot', {
      indexURL: assetURL('pyodide/'),
      bundleURL: assetURL('python-bundle.zip'),
      files: this.files.toAbsolute(this.lesson.starter),
      watch: this.files.watchList(),
      terminal: {
        cols: Math.max(20, Math.floor(terminalBox.clientWidth / 8.4)) || 80,
        rows: Math.max(5, Math.floor(terminalBox.clientHeight / 17)) || 24,
        input: buffers?.input ?? null,
        interrupt: buffers?.interrupt ?? null,
      },
    });
    this.booted = boot.then(
      ({ bootMs }) => {
        this.ready = true;
        this.root.dataset.bootMs = String(bootMs);
        for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-needs-machine]')) button.disabled = false;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.setStatus('failed', `The server could not start: ${message}`);
        throw error;
      },
    );
    this.booted.catch(() => {});

    createTerminalView(terminalBox).then(
      (terminal) => {
        this.terminal = terminal;
        for (const chunk of this.earlyOutput.splice(0)) terminal.write(chunk);
        terminal.onData((data) => input.send(data));
        terminal.onResize(({ cols, rows }) => this.machine.notify({ kind: 'resize', cols, rows }));
        this.machine.notify({ kind: 'resize', cols: terminal.cols, rows: terminal.rows });
      },
      (error: unknown) => {
        terminalBox.textContent = `The terminal could not load: ${error instanceof Error ? error.message : String(error)}`;
      },
    );

    void this.startEditor();
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
    if (!this.files.isDirty(path, text)) return Promise.resolve();
    this.files.markSaved(path, text);
    this.updateTab(path);
    const write = this.writeToMachine({ [path]: text });
    this.saving.add(write);
    void write.finally(() => this.saving.delete(write));
    return write;
  }

  private async writeToMachine(files: FileMap): Promise<void> {
    try {
      await this.booted;
      await this.machine.call('writeFiles', { files: this.files.toAbsolute(files) });
      this.setSaveState('Saved');
    } catch (error) {
      this.setSaveState(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Saves every file with pending edits and waits for all writes. */
  private async flushSaves(): Promise<void> {
    for (const path of this.lesson.files) void this.save(path);
    await Promise.all([...this.saving]);
  }

  /** The machine says an editor file changed (e.g. `echo x > app.py`): reload it unless it has unsaved edits. */
  private async reloadFromMachine(absolute: string): Promise<void> {
    const path = this.files.relative(absolute);
    if (!path || this.saveTimers.has(path)) return;
    const text = await this.machine.call('readFile', { path: absolute });
    if (text === null) return;
    if (!this.editor) {
      this.files.markSaved(path, text); // the editor, still loading, starts from this
      return;
    }
    if (this.files.isDirty(path, this.editor.text(path))) return; // the learner's edits win
    this.files.markSaved(path, text);
    this.editor.setText(path, text);
    this.updateTab(path);
  }

  /** Puts `files` into the editor and onto the machine (reset, show solution). */
  private async replaceAll(files: FileMap): Promise<void> {
    for (const timer of this.saveTimers.values()) clearTimeout(timer);
    this.saveTimers.clear();
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
    const tabs = [...this.root.querySelectorAll<HTMLButtonElement>('[data-file-tab]')];
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => this.selectTab(tab.dataset.fileTab ?? ''));
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        event.preventDefault();
        const next = tabs[(i + step + tabs.length) % tabs.length];
        next?.focus();
        if (next?.dataset.fileTab) this.selectTab(next.dataset.fileTab, false);
      });
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
    hintButton?.addEventListener('click', () => this.showHint(hintButton));
  }

  private selectTab(path: string, focusEditor = true): void {
    if (!this.lesson.files.includes(path)) return;
    for (const tab of this.root.querySelectorAll<HTMLButtonElement>('[data-file-tab]')) {
      const selected = tab.dataset.fileTab === path;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    this.editor?.show(path);
    if (focusEditor) this.editor?.focus();
  }

  private updateTab(path: string): void {
    const tab = this.root.querySelector<HTMLElement>(`[data-file-tab="${CSS.escape(path)}"]`);
    if (!tab || !this.editor) return;
    const dirty = this.files.isDirty(path, this.editor.text(path));
    tab.classList.toggle('is-dirty', dirty);
    tab.title = dirty ? `${path} (not saved yet)` : path;
  }

  private setSaveState(text: string): void {
    $(this.root, '[data-save-state]').textContent = text;
  }

  private setStatus(phase: BootPhase, message: string): void {
    const status = $(this.root, '[data-status]');
    status.dataset.phase = phase;
    status.textContent = message;
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
      this.showResults(results, summary, list);
    } catch (error) {
      summary.textContent = `The checks could not run: ${error instanceof Error ? error.message : String(error)}`;
      summary.dataset.state = 'error';
    } finally {
      button.disabled = false;
    }
  }

  private showResults(results: CheckResult[], summary: HTMLElement, list: HTMLElement): void {
    const passed = results.filter((r) => r.passed).length;
    const all = results.length;
    summary.dataset.state = passed === all ? 'pass' : 'fail';
    summary.textContent =
      passed === all
        ? `All ${all} ${all === 1 ? 'check passes' : 'checks pass'}. Well done!`
        : `${passed} of ${all} ${all === 1 ? 'check passes' : 'checks pass'}`;
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const state = result.passed ? 'pass' : result.skipped ? 'skipped' : 'fail';
        item.className = `check is-${state}`;
        item.dataset.checkId = result.id;
        const icon = document.createElement('span');
        icon.className = 'check-icon';
        icon.setAttribute('role', 'img');
        icon.setAttribute('aria-label', { pass: 'passed', fail: 'failed', skipped: 'not run yet' }[state]);
        icon.textContent = { pass: '✓', fail: '✗', skipped: '–' }[state];
        const body = document.createElement('div');
        const title = document.createElement('p');
        title.className = 'check-title';
        title.append(...withInlineCode(result.title));
        body.append(title);
        if (result.skipped && !result.passed && !result.message) {
          const message = document.createElement('p');
          message.className = 'check-message';
          message.textContent = 'Runs once the checks above pass.';
          body.append(message);
        } else if (result.message) {
          const message = document.createElement('p');
          message.className = 'check-message';
          message.append(...withInlineCode(result.message));
          body.append(message);
        }
        item.append(icon, body);
        return item;
      }),
    );
  }

  private showHint(button: HTMLButtonElement): void {
    const hints = this.lesson.hints;
    if (this.hintsShown >= hints.length) return;
    const item = document.createElement('li');
    item.append(...withInlineCode(hints[this.hintsShown] ?? ''));
    $(this.root, '[data-hints]').append(item);
    item.scrollIntoView({ block: 'nearest' });
    this.hintsShown++;
    const left = hints.length - this.hintsShown;
    if (left === 0) {
      button.disabled = true;
      button.textContent = 'No more hints';
    } else {
      button.textContent = `Show another hint (${left} left)`;
    }
  }
}

/** Text where `backticks` mark code, as check titles and messages write it: safe DOM nodes. */
export function withInlineCode(text: string): Node[] {
  return text.split(/`([^`\n]+)`/).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

export function startWorkspace(): void {
  const root = document.querySelector<HTMLElement>('[data-workspace]');
  if (!root) return;
  new Workspace(root, readLessonData()).start();
}
