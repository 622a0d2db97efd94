import type { ProgramContext } from '../types.ts';
import { acquireListsLock } from './lock.ts';
import type { AptCommand } from './options.ts';

const SOURCES = [
  'http://archive.ubuntu.com/ubuntu noble InRelease',
  'http://archive.ubuntu.com/ubuntu noble-updates InRelease',
  'http://archive.ubuntu.com/ubuntu noble-backports InRelease',
  'http://security.ubuntu.com/ubuntu noble-security InRelease',
];

/** `apt-get update`: the package lists are built in, so every source is already current. */
export function update(context: ProgramContext, command: AptCommand): number {
  const { stdout } = context;
  if (!acquireListsLock(context)) return 100;
  SOURCES.forEach((source, index) => stdout.write(`Hit:${index + 1} ${source}\n`));
  stdout.write('Reading package lists... Done\n');
  if (command.tool === 'apt') {
    stdout.write('Building dependency tree... Done\nReading state information... Done\nAll packages are up to date.\n');
  }
  return 0;
}
