import type { PythonAssets } from '../api.ts';
import type { Vfs } from '../kernel/vfs.ts';
import { Interpreter } from './interpreter.ts';
import { Watchdog } from './watchdog.ts';

/**
 * Hands each Python process its own interpreter. One interpreter is always
 * booting or ready in advance, so `python3 hello.py` does not wait for a boot.
 */
export class PythonRuntime {
  private spare: Promise<Interpreter> | null = null;
  private bundle: Promise<Uint8Array | null> | null = null;
  private snapshot: Promise<Uint8Array> | null = null;
  private readonly watchdog: Watchdog;

  constructor(
    private readonly vfs: Vfs,
    private readonly assets: PythonAssets | undefined,
  ) {
    this.watchdog = new Watchdog(assets);
  }

  /** Starts booting the spare interpreter now (call when the machine starts). */
  prewarm(): void {
    if (this.spare) return;
    this.spare = this.boot();
    // Whoever needs Python awaits this and sees the failure; it must not also surface as unhandled.
    this.spare.catch(() => {});
  }

  /** Resolves when the spare interpreter is booted; rejects if booting fails. */
  async ready(): Promise<void> {
    this.prewarm();
    await this.spare;
  }

  /** Whether the package bundle (Flask, Gunicorn, ...) is present. */
  async hasBundle(): Promise<boolean> {
    return (await this.loadBundle()) !== null;
  }

  /** Each caller gets an interpreter of its own, even two in the same tick. */
  acquire(): Promise<Interpreter> {
    const mine = this.spare ?? this.boot();
    this.spare = this.boot();
    // The next boot must not surface as an unhandled rejection before anyone awaits it.
    this.spare.catch(() => {});
    return mine;
  }

  private loadBundle(): Promise<Uint8Array | null> {
    this.bundle ??= this.assets ? this.assets.loadBundle().catch(() => null) : Promise.resolve(null);
    return this.bundle;
  }

  private async boot(): Promise<Interpreter> {
    this.snapshot ??= Interpreter.makeSnapshot(this.assets);
    const [bundle, snapshot] = await Promise.all([this.loadBundle(), this.snapshot]);
    return Interpreter.boot(this.vfs, this.assets, bundle, snapshot, this.watchdog);
  }

  /** Stops the watchdog's thread (the machine is going away). */
  dispose(): void {
    this.watchdog.dispose();
  }
}
