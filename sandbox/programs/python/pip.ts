import type { Program } from '../types.ts';
import { runPython } from './run-python.ts';

/**
 * pip / pip3: Ubuntu's /usr/bin/pip from python3-pip, i.e. the system pip
 * (python3 -m pip). A venv's own pip is a script in venv/bin that pip wrote.
 */
export const pip: Program = (context) => runPython(context, ['/usr/bin/python3', '-m', 'pip', ...context.argv.slice(1)]);
