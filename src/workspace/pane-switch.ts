/**
 * Tabs that share one pane (the terminal and the preview). A panel not
 * shown keeps its size (it is only made invisible and inert), so the
 * terminal keeps its columns while the preview is up.
 */
export function wirePaneSwitch(tablist: HTMLElement, onSelect: (panelId: string) => void): void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const panelOf = (tab: HTMLButtonElement): HTMLElement | null => document.getElementById(tab.getAttribute('aria-controls') ?? '');

  const select = (chosen: HTMLButtonElement, focus: boolean): void => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = panelOf(tab);
      if (!panel) continue;
      panel.dataset.shown = String(selected);
      panel.inert = !selected;
    }
    if (focus) chosen.focus();
    onSelect(chosen.getAttribute('aria-controls') ?? '');
  };

  tablist.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLButtonElement>('[role="tab"]');
    if (tab && tabs.includes(tab)) select(tab, false);
  });
  tablist.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(at + step + tabs.length) % tabs.length];
    if (next) select(next, true);
  });
}
