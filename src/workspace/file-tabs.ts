/**
 * The editor's tab bar: the lesson's files (rendered by Workspace.astro) and
 * closable tabs for files opened from the terminal, each with an optional
 * note (e.g. Permission denied) shown while it is selected.
 */

export interface FileTabsCallbacks {
  /** The learner picked a tab (click, or arrow keys: then focus stays on the tab). */
  onSelect(path: string, focusEditor: boolean): void;
  /** The learner pressed a tab's close button. */
  onClose(path: string): void;
}

export class FileTabs {
  private readonly notes = new Map<string, string>();

  constructor(
    private readonly list: HTMLElement,
    private readonly noteBox: HTMLElement,
    callbacks: FileTabsCallbacks,
  ) {
    list.addEventListener('click', (event) => {
      const target = event.target as Element;
      const close = target.closest<HTMLElement>('[data-close-tab]');
      if (close?.dataset.closeTab) return callbacks.onClose(close.dataset.closeTab);
      const tab = target.closest<HTMLElement>('[data-file-tab]');
      if (tab?.dataset.fileTab) callbacks.onSelect(tab.dataset.fileTab, true);
    });
    list.addEventListener('keydown', (event) => {
      const tabs = this.tabs();
      const current = event.target as HTMLButtonElement;
      const i = tabs.indexOf(current);
      if (i < 0) return;
      if (event.key === 'Delete' && current.closest('.tab-item') && current.dataset.fileTab) {
        event.preventDefault();
        return callbacks.onClose(current.dataset.fileTab);
      }
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      const next = tabs[(i + step + tabs.length) % tabs.length];
      next?.focus();
      if (next?.dataset.fileTab) callbacks.onSelect(next.dataset.fileTab, false);
    });
  }

  has(path: string): boolean {
    return this.tab(path) !== null;
  }

  /** Adds a closable tab after the others. */
  addClosable(path: string): void {
    const item = document.createElement('span');
    item.className = 'tab-item';
    item.setAttribute('role', 'presentation');
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'tab';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', 'false');
    tab.tabIndex = -1;
    tab.dataset.fileTab = path;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'tab-close';
    close.tabIndex = -1; // One tab stop for the tab list, as ARIA tabs have: keyboard users press Delete on the tab.
    close.dataset.closeTab = path;
    close.textContent = '×';
    item.append(tab, close);
    this.list.append(item);
    this.setLabel(path, path);
  }

  setLabel(path: string, label: string): void {
    const tab = this.tab(path);
    if (!tab) return;
    tab.textContent = label;
    tab.closest('.tab-item')?.querySelector('[data-close-tab]')?.setAttribute('aria-label', `Close ${label}`);
  }

  remove(path: string): void {
    const tab = this.tab(path);
    (tab?.closest('.tab-item') ?? tab)?.remove();
    this.notes.delete(path);
  }

  select(path: string): void {
    for (const tab of this.tabs()) {
      const selected = tab.dataset.fileTab === path;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    this.showNote();
  }

  setDirty(path: string, dirty: boolean): void {
    const tab = this.tab(path);
    if (!tab) return;
    tab.classList.toggle('is-dirty', dirty);
    tab.title = dirty ? `${path} (not saved yet)` : path;
  }

  /** A note for `path`'s tab (null clears it); shown while that tab is selected. */
  setNote(path: string, note: string | null): void {
    if (note === null) this.notes.delete(path);
    else this.notes.set(path, note);
    this.showNote();
  }

  private showNote(): void {
    const selected = this.tabs().find((tab) => tab.getAttribute('aria-selected') === 'true')?.dataset.fileTab;
    const note = selected === undefined ? undefined : this.notes.get(selected);
    this.noteBox.textContent = note ?? '';
    this.noteBox.hidden = note === undefined;
  }

  private tabs(): HTMLButtonElement[] {
    return [...this.list.querySelectorAll<HTMLButtonElement>('[data-file-tab]')];
  }

  private tab(path: string): HTMLButtonElement | null {
    return this.list.querySelector<HTMLButtonElement>(`[data-file-tab="${CSS.escape(path)}"]`);
  }
}
