/**
 * What systemctl edit does when the editor is done, for an editor pane that
 * stays open: on the first save, the drop-in keeps only the lines between
 * the template's markers (nothing there: the edit is dropped, as systemctl
 * drops an empty one), and the manager reloads its units.
 */
import type { ServiceManager } from '../../init/manager.ts';
import type { Vfs } from '../../kernel/vfs.ts';

const KEEP_MARKER = '### Anything between here and the comment below will become the new contents of the file';
const DISCARD_MARKER = '### Lines below this comment will be discarded';

export function overrideTemplate(path: string, fragment: string | null, original: string): string {
  const commented = original.split('\n').map((line) => (line === '' ? '' : `# ${line}`)).join('\n');
  return `### Editing ${path}\n${KEEP_MARKER}\n\n\n\n${DISCARD_MARKER}\n${fragment ? `\n### ${fragment}\n${commented}` : ''}`;
}

/** The part of an edited template that becomes the drop-in; null when it is empty. */
export function keptText(text: string): string | null {
  const start = text.indexOf(KEEP_MARKER);
  const end = text.indexOf(DISCARD_MARKER);
  const kept = (start < 0 ? text : text.slice(start + KEEP_MARKER.length, end < 0 ? undefined : end)).trim();
  return kept === '' ? null : `${kept}\n`;
}

/** Waits for the first save of `path`; returns a function that stops waiting. */
export function finishOnSave(vfs: Vfs, manager: ServiceManager, path: string, fromTemplate: boolean): () => void {
  const stop = vfs.onChange((changed) => {
    if (changed !== path || !vfs.tryLookup(path)) return;
    stop();
    if (fromTemplate) {
      const kept = keptText(vfs.readText(path));
      if (kept === null) vfs.unlink(path);
      else vfs.writeFile(path, kept);
    }
    manager.daemonReload();
  });
  return stop;
}
