/**
 * The machine's side of the workspace: boots the machine worker with the
 * lesson's files, connects the terminal to it, shows its status and gives
 * the preview pane its way in (machine.fetch). The editor's side lives in
 * workspace.ts.
 */
import {
  TerminalInput,
  createTerminalBuffers,
  startMachineWorker,
  type MachineClient,
} from '../machine/machine-client.ts';
import type { AbsoluteFileMap, BootPhase, MachineRequest, MachineResponse } from '../machine/protocol.ts';
import { PreviewPane } from '../preview/preview-pane.ts';
import { $ } from './dom.ts';
import { wirePaneSwitch } from './pane-switch.ts';
import { createTerminalView, type TerminalView } from './terminal.ts';

/** The site's base path, ending in '/'. */
function siteBase(): string {
  return import.meta.env.BASE_URL.replace(/\/?$/, '/');
}

function assetURL(path: string): string {
  return new URL(`${siteBase()}${path}`, location.href).href;
}

export interface MachineFiles {
  /** The lesson's files, by absolute path, laid down before the shell starts. */
  files: AbsoluteFileMap;
  /** Paths whose changes the editor wants to hear about. */
  watch: string[];
}

export class MachineConsole {
  readonly machine: MachineClient = startMachineWorker();
  /** Resolves when the machine is up (the shell at its first prompt); writes and checks wait for it. */
  readonly booted: Promise<void>;
  private terminal: TerminalView | null = null;
  private readonly earlyOutput: string[] = [];

  constructor(
    private readonly root: HTMLElement,
    files: MachineFiles,
    /** The machine URL the Preview tab opens first. */
    previewAddress: string,
  ) {
    const buffers = createTerminalBuffers();
    if (!buffers) $(root, '[data-isolation-warning]').hidden = false;
    this.machine.onEvent((event) => {
      if (event.kind === 'output') {
        if (this.terminal) this.terminal.write(event.data);
        else this.earlyOutput.push(event.data);
      } else if (event.kind === 'status') {
        this.setStatus(event.phase, event.message);
      }
    });

    // Python boots while the editor and the terminal load.
    const terminalBox = $(root, '[data-terminal]');
    const boot = this.machine.call('boot', {
      indexURL: assetURL('pyodide/'),
      bundleURL: assetURL('python-bundle.zip'),
      files: files.files,
      watch: files.watch,
      terminal: {
        cols: Math.max(20, Math.floor(terminalBox.clientWidth / 8.4)) || 80,
        rows: Math.max(5, Math.floor(terminalBox.clientHeight / 17)) || 24,
        input: buffers?.input ?? null,
        interrupt: buffers?.interrupt ?? null,
      },
    });
    this.booted = boot.then(
      ({ bootMs }) => {
        root.dataset.bootMs = String(bootMs);
        for (const button of root.querySelectorAll<HTMLButtonElement>('[data-needs-machine]')) button.disabled = false;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.setStatus('failed', `The server could not start: ${message}`);
        throw error;
      },
    );
    this.booted.catch(() => {});

    const input = new TerminalInput(this.machine, buffers);
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
    this.startPreview(previewAddress);
  }

  /** The preview shares the terminal's pane: a tab each. */
  private startPreview(startAddress: string): void {
    const preview = new PreviewPane($(this.root, '[data-preview]'), siteBase(), startAddress, (request) => this.fetch(request));
    preview.start();
    wirePaneSwitch($(this.root, '[data-pane-switch]'), (panel) => {
      if (panel === 'preview-panel') preview.shown();
      else this.terminal?.focus();
    });
  }

  private async fetch(request: MachineRequest): Promise<MachineResponse> {
    await this.booted;
    return this.machine.call('fetch', request);
  }

  private setStatus(phase: BootPhase, message: string): void {
    const status = $(this.root, '[data-status]');
    status.dataset.phase = phase;
    status.textContent = message;
  }
}
