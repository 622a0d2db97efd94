import type { PackageFile } from './types.ts';

/**
 * An executable whose program is simulated in sandbox/programs: the file
 * makes `ls -l /usr/bin` and `which` truthful; the shell runs the simulation.
 */
export function executable(path: string): PackageFile {
  return { path, kind: 'file', content: '', mode: 0o755 };
}
