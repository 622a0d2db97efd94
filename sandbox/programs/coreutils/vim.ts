import { editorCommand } from './editor.ts';

/** vim FILE: opens FILE in the editor pane. */
export const vim = editorCommand('vim');

/** vi is vim on Ubuntu. */
export const vi = editorCommand('vi');
