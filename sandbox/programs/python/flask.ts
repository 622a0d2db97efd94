import type { Program } from '../types.ts';
import { runPython } from './run-python.ts';

/** What Debian's /usr/bin/flask runs; click names the program after sys.argv[0]. */
const FLASK_MAIN = 'import sys; from flask.cli import main; sys.argv[0] = "flask"; sys.exit(main())';

/** flask: Flask's own command line (`flask --app app run`), in a fresh interpreter as python3 runs. */
export const flask: Program = (context) => runPython(context, [context.argv[0] ?? 'flask', '-c', FLASK_MAIN, ...context.argv.slice(1)]);
