import { resolvePath } from '../../kernel/path.ts';
import type { Program } from '../types.ts';

/**
 * A terminal editor's command (nano, vim): there is no full-screen terminal
 * here, so it asks the site's editor pane to open the file instead. Headless
 * (no pane listening) it says so in one line and fails.
 */
export function editorCommand(name: string): Program {
  return async (context) => {
    const file = context.argv.slice(1).find((arg) => !arg.startsWith('-') && !arg.startsWith('+'));
    if (file === undefined) {
      context.stderr.write(`${name}: name the file to edit, as in: ${name} app.py\n`);
      return 1;
    }
    const path = resolvePath(context.cwd, file);
    if (context.kernel.vfs.requestOpen(path, context.user.name)) return 0;
    context.stderr.write(`${name}: no editor pane here; edit ${file} in the editor, or with cat > ${file}\n`);
    return 1;
  };
}
