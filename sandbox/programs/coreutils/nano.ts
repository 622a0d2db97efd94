import { editorCommand } from './editor.ts';

/** nano FILE: opens FILE in the editor pane. */
export const nano = editorCommand('nano');
