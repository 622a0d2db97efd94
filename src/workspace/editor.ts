/**
 * The code editor: Monaco, one model per file (URI = the machine path), loaded
 * lazily because Monaco touches `window` on import.
 */
import type * as Monaco from 'monaco-editor/editor';
import { registerConfigLanguages } from './languages/config-languages.ts';

export interface EditorCallbacks {
  /** The learner changed a file's text. */
  onChange(path: string): void;
  /** The learner asked to save now (Ctrl-S / Cmd-S). */
  onSave(path: string): void;
}

/** A problem to mark on a line (1-based) of a file. */
export interface EditorProblem {
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

/** A file for the editor: `path` names its tab, `machinePath` its model. */
export interface EditorFile {
  path: string;
  text: string;
  machinePath: string;
  /** Monaco's language id; by default Monaco's guess from the machine path. */
  language?: string;
}

export interface CodeEditor {
  /** Shows a file (one given at creation or added with `add`). */
  show(path: string): void;
  /** Adds a file (a tab opened from the terminal). */
  add(file: EditorFile): void;
  /** Drops a file added with `add`; shows `fallback` if it was showing. */
  remove(path: string, fallback: string): void;
  current(): string;
  text(path: string): string;
  /** Replaces a file's text as an edit (undo still works), unless it is already equal. */
  setText(path: string, text: string): void;
  focus(): void;
  /** Marks `problems` (from a config check) on their lines, replacing the check's earlier marks. */
  setProblems(path: string, problems: EditorProblem[]): void;
}

const PROBLEM_OWNER = 'config-check';

let monacoPromise: Promise<typeof Monaco> | null = null;

/** Loads Monaco once: the editor core, its features, the languages we use and its worker. */
export function loadMonaco(): Promise<typeof Monaco> {
  monacoPromise ??= (async () => {
    const [monaco, , , , , , , { default: EditorWorker }] = await Promise.all([
      import('monaco-editor/editor'),
      import('monaco-editor/features/register.all'),
      import('monaco-editor/languages/definitions/python/register'),
      import('monaco-editor/languages/definitions/html/register'),
      import('monaco-editor/languages/definitions/shell/register'),
      import('monaco-editor/languages/definitions/ini/register'),
      import('monaco-editor/languages/definitions/yaml/register'),
      import('monaco-editor/editor/editor.worker?worker'),
    ]);
    (self as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
      getWorker: () => new EditorWorker(),
    };
    registerConfigLanguages(monaco);
    return monaco;
  })();
  return monacoPromise;
}

/** Creates the editor in `container` with `files`, showing the first. */
export async function createCodeEditor(
  container: HTMLElement,
  files: EditorFile[],
  callbacks: EditorCallbacks,
): Promise<CodeEditor> {
  const monaco = await loadMonaco();
  const models = new Map<string, Monaco.editor.ITextModel>();
  const viewStates = new Map<string, Monaco.editor.ICodeEditorViewState | null>();
  let applyingOwnEdit = false;

  const addModel = (file: EditorFile): void => {
    const uri = monaco.Uri.file(file.machinePath);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(file.text, file.language, uri);
    model.setValue(file.text);
    model.updateOptions({ tabSize: 4, insertSpaces: true });
    model.onDidChangeContent(() => {
      if (!applyingOwnEdit) callbacks.onChange(file.path);
    });
    models.set(file.path, model);
  };
  for (const file of files) addModel(file);
  const first = files[0];
  if (!first) throw new Error('A lesson needs at least one file in the editor.');

  container.replaceChildren();
  const editor = monaco.editor.create(container, {
    model: models.get(first.path) ?? null,
    theme: 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    lineHeight: 21,
    fontFamily: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
    scrollBeyondLastLine: false,
    renderLineHighlight: 'line',
    overviewRulerLanes: 0,
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    padding: { top: 10, bottom: 10 },
    tabSize: 4,
    ariaLabel: 'Code editor',
    accessibilitySupport: 'auto',
    fixedOverflowWidgets: true,
  });
  let currentPath = first.path;

  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => callbacks.onSave(currentPath));

  const model = (path: string): Monaco.editor.ITextModel => {
    const m = models.get(path);
    if (!m) throw new Error(`No such file in the editor: ${path}`);
    return m;
  };

  const show = (path: string): void => {
    if (path === currentPath) return;
    viewStates.set(currentPath, editor.saveViewState());
    editor.setModel(model(path));
    const state = viewStates.get(path);
    if (state) editor.restoreViewState(state);
    currentPath = path;
  };

  return {
    show,
    add: addModel,
    remove(path, fallback) {
      const removed = model(path);
      if (path === currentPath) show(fallback);
      models.delete(path);
      viewStates.delete(path);
      removed.dispose();
    },
    current: () => currentPath,
    text: (path) => model(path).getValue(),
    setText(path, text) {
      const m = model(path);
      if (m.getValue() === text) return;
      applyingOwnEdit = true;
      try {
        m.pushStackElement();
        m.pushEditOperations([], [{ range: m.getFullModelRange(), text }], () => null);
        m.pushStackElement();
      } finally {
        applyingOwnEdit = false;
      }
    },
    focus: () => editor.focus(),
    setProblems(path, problems) {
      const m = models.get(path);
      if (!m) return;
      const markers = problems.map((problem) => {
        const line = Math.min(Math.max(problem.line, 1), m.getLineCount());
        return {
          startLineNumber: line,
          endLineNumber: line,
          startColumn: m.getLineFirstNonWhitespaceColumn(line) || 1,
          endColumn: m.getLineMaxColumn(line),
          message: problem.message,
          severity: problem.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        };
      });
      monaco.editor.setModelMarkers(m, PROBLEM_OWNER, markers);
    },
  };
}
