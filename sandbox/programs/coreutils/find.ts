import { isFsError } from '../../kernel/errors.ts';
import type { Program, ProgramContext } from '../types.ts';
import { type FindActions, type FindExpression, FindError, type Visit, parseExpression } from './find-expression.ts';

/** find [PATH...] [EXPRESSION]: walks each tree, a directory before what it holds (after, with -depth or -delete). */
export const find: Program = async (context) => {
  const args = context.argv.slice(1);
  const firstExpression = args.findIndex((arg) => arg.startsWith('-') || arg === '(' || arg === '!');
  const paths = firstExpression < 0 ? args : args.slice(0, firstExpression);
  const batches = new Map<string, { command: string[]; paths: string[] }>();
  let status = 0;
  const actions: FindActions = {
    print: (visit, end) => context.stdout.write(visit.path + end),
    exec: async (argv) => {
      if (!context.hasProgram(argv[0]!)) {
        context.stderr.write(`find: ‘${argv[0]}’: No such file or directory\n`);
        return false;
      }
      return (await context.spawn(argv)) === 0;
    },
    batch: (command, path) => {
      const key = command.join('\0');
      const batch = batches.get(key) ?? { command, paths: [] };
      batch.paths.push(path);
      batches.set(key, batch);
    },
    delete: (visit) => {
      const { vfs } = context.kernel;
      try {
        if (visit.inode.kind === 'dir') vfs.rmdir(visit.path, context.credentials, context.cwd);
        else vfs.unlink(visit.path, context.credentials, context.cwd);
        return true;
      } catch (error) {
        if (!isFsError(error)) throw error;
        context.stderr.write(`find: cannot delete ‘${visit.path}’: ${error.reason}\n`);
        status = 1;
        return false;
      }
    },
  };
  let expression: FindExpression;
  try {
    expression = parseExpression(firstExpression < 0 ? [] : args.slice(firstExpression), actions);
  } catch (error) {
    if (!(error instanceof FindError)) throw error;
    context.stderr.write(`find: ${error.message}\n`);
    return 1;
  }
  for (const path of paths.length > 0 ? paths : ['.']) {
    if (!(await walk(context, path, path.replace(/(.)\/+$/, '$1').split('/').pop()!, 0, expression))) status = 1;
  }
  for (const { command, paths: batched } of batches.values()) await actions.exec([...command, ...batched]);
  return status;
};

async function walk(context: ProgramContext, path: string, name: string, depth: number, expression: FindExpression): Promise<boolean> {
  const { vfs } = context.kernel;
  let visit: Visit;
  try {
    visit = { path, name, depth, inode: vfs.lookup(path, context.credentials, depth === 0, context.cwd) };
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`find: ‘${path}’: ${error.reason}\n`);
    return false;
  }
  const evaluate = async () => {
    if (depth >= expression.minDepth && (await expression.test(visit)) && !expression.acts) context.stdout.write(`${path}\n`);
  };
  if (!expression.depthFirst) await evaluate();
  let ok = true;
  if (visit.inode.kind === 'dir' && depth < expression.maxDepth) {
    try {
      for (const child of vfs.readdir(path, context.credentials, context.cwd)) {
        if (!(await walk(context, `${path.endsWith('/') ? path : `${path}/`}${child}`, child, depth + 1, expression))) ok = false;
      }
    } catch (error) {
      if (!isFsError(error)) throw error;
      context.stderr.write(`find: ‘${path}’: ${error.reason}\n`);
      ok = false;
    }
  }
  if (expression.depthFirst) await evaluate();
  return ok;
}
