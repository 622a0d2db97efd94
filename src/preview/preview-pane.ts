/**
 * The preview pane: an address bar, a reload button and an iframe showing
 * a URL on the machine. The service worker (public/preview-sw.js) turns the
 * iframe's requests into machine.fetch() through the relay, so the preview
 * sees what curl on the machine sees.
 */
import { UNREACHABLE_MARK } from './preview-pages.ts';
import { PreviewRelay, type MachineFetch } from './preview-relay.ts';
import { DEFAULT_PREVIEW_ADDRESS, PreviewURLs, newPreviewToken, normalizeAddress } from './preview-url.ts';

function part<T extends HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`The preview pane is missing ${selector}`);
  return element;
}

export class PreviewPane {
  private readonly urls: PreviewURLs;
  private readonly frame: HTMLIFrameElement;
  private readonly address: HTMLInputElement;
  private readonly note: HTMLElement;
  /** Resolves once the service worker is active; rejects with why the preview cannot work here. */
  private workerReady: Promise<void> = Promise.resolve();
  private opened = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly base: string,
    /** The machine URL shown first (the lesson's `preview`). */
    private readonly startAddress: string,
    private readonly fetchFromMachine: MachineFetch,
  ) {
    this.urls = new PreviewURLs(base, newPreviewToken());
    this.frame = part<HTMLIFrameElement>(root, '[data-preview-frame]');
    this.address = part<HTMLInputElement>(root, '[data-preview-address]');
    this.note = part(root, '[data-preview-note]');
  }

  /** Registers the service worker and wires the controls; nothing loads until the pane is first shown. */
  start(): void {
    this.address.value = this.startAddress;
    this.workerReady = this.startServiceWorker();
    this.workerReady.catch((error: unknown) => this.showNote(error instanceof Error ? error.message : String(error)));
    part(this.root, '[data-preview-form]').addEventListener('submit', (event) => {
      event.preventDefault();
      this.open(this.address.value);
    });
    part(this.root, '[data-preview-reload]').addEventListener('click', () => this.open(this.currentAddress()));
    this.frame.addEventListener('load', () => this.frameLoaded());
  }

  /**
   * The pane became visible: the first time, it opens the address bar's URL;
   * later, if nothing was listening there, it tries again (the learner has
   * probably just started the app).
   */
  shown(): void {
    if (!this.opened) this.open(this.address.value);
    else if (this.frame.contentDocument?.documentElement.hasAttribute(UNREACHABLE_MARK)) this.open(this.currentAddress());
  }

  /** Shows `typed` (a machine URL; http:// may be left out). */
  open(typed: string): void {
    const url = normalizeAddress(typed);
    if (!url) {
      this.showNote(`The preview opens http:// addresses on the machine, such as ${DEFAULT_PREVIEW_ADDRESS} (Flask) or http://localhost/ (nginx).`);
      return;
    }
    this.opened = true;
    this.showNote(null);
    this.address.value = url;
    this.root.dataset.loading = 'true';
    void this.workerReady.then(
      () => {
        this.frame.src = this.urls.toPreview(url);
      },
      () => {
        delete this.root.dataset.loading;
      },
    );
  }

  private async startServiceWorker(): Promise<void> {
    if (!('serviceWorker' in navigator)) {
      throw new Error('The preview needs service workers, which this browser does not allow here (private windows of some browsers turn them off).');
    }
    const container = navigator.serviceWorker;
    new PreviewRelay(this.urls, this.fetchFromMachine).listen(container);
    try {
      await container.register(`${this.base}preview-sw.js`, { scope: this.base });
    } catch (error) {
      throw new Error(`The preview could not start its service worker: ${error instanceof Error ? error.message : String(error)}`);
    }
    await container.ready;
  }

  /** What the iframe shows now, as a machine URL; the address bar's text if it shows none. */
  private currentAddress(): string {
    return this.frameAddress() ?? this.address.value;
  }

  private frameAddress(): string | null {
    try {
      const href = this.frame.contentWindow?.location.href;
      return href ? this.urls.toMachine(href) : null;
    } catch {
      return null; // navigated off the site's origin: not a machine page
    }
  }

  /** The iframe navigated (a link, a form, a redirect): the address bar follows. */
  private frameLoaded(): void {
    delete this.root.dataset.loading;
    const shown = this.frameAddress();
    if (shown && document.activeElement !== this.address) this.address.value = shown;
    if (shown) this.frame.contentDocument?.addEventListener('click', (event) => this.followMachineLink(event));
  }

  /**
   * A link written with the machine's full address (url_for(..., _external=True)
   * gives http://localhost:5000/...) would take the iframe off the site to the
   * real host: open it in the preview instead.
   */
  private followMachineLink(event: MouseEvent): void {
    // The iframe's elements belong to its own window: no instanceof against this one's classes.
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null | undefined;
    if (!link || event.defaultPrevented || (link.target && link.target !== '_self')) return;
    const url = new URL(link.href);
    if (url.protocol !== 'http:' || url.origin === location.origin) return;
    event.preventDefault();
    this.open(url.href);
  }

  private showNote(text: string | null): void {
    this.note.hidden = text === null;
    this.note.textContent = text ?? '';
  }
}
