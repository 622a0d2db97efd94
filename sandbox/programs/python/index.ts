import type { Program } from '../types.ts';
import { runPython } from './run-python.ts';

/** python3 / python: runs the learner's code in a fresh CPython interpreter. */
export const python: Program = (context) => runPython(context, context.argv);
