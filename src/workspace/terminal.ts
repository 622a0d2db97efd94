/**
 * The terminal: xterm.js (DOM renderer, screen-reader mode) sized to its box
 * by the fit addon; loaded lazily because xterm touches `window` on import.
 * Its stylesheet is imported statically by Workspace.astro.
 */
import type { Terminal } from '@xterm/xterm';

export interface TerminalView {
  readonly cols: number;
  readonly rows: number;
  write(data: string): void;
  focus(): void;
  /** Called with every key or paste (xterm's onData). */
  onData(listener: (data: string) => void): void;
  /** Called when the terminal's size in cells changes. */
  onResize(listener: (size: { cols: number; rows: number }) => void): void;
}

export async function createTerminalView(container: HTMLElement): Promise<TerminalView> {
  const [{ Terminal: XTerm }, { FitAddon }] = await Promise.all([
    import('@xterm/xterm'),
    import('@xterm/addon-fit'),
  ]);
  const term: Terminal = new XTerm({
    screenReaderMode: true,
    cursorBlink: true,
    convertEol: false,
    fontFamily: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    lineHeight: 1.15,
    scrollback: 5000,
    theme: {
      background: '#1d2127',
      foreground: '#e6e6e6',
      cursor: '#f2c14e',
      selectionBackground: '#4a5568',
    },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  container.replaceChildren();
  term.open(container);
  fit.fit();

  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (container.clientWidth > 0 && container.clientHeight > 0) fit.fit();
    });
  });
  observer.observe(container);

  return {
    get cols() {
      return term.cols;
    },
    get rows() {
      return term.rows;
    },
    write: (data) => term.write(data),
    focus: () => term.focus(),
    onData: (listener) => void term.onData(listener),
    onResize: (listener) => void term.onResize(listener),
  };
}
