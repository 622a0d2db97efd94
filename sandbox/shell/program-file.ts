import type { Program } from '../programs/types.ts';

/**
 * The program an executable file stands for. Files in /usr/bin and the like
 * are empty executables named for a program the machine simulates (see
 * images/ubuntu.ts and images/packages/stub.ts); a link to one runs it too.
 */
export function programForFile(
  invokedPath: string,
  realPath: string,
  content: string,
  programs: Readonly<Record<string, Program>>,
): { name: string; program: Program } | null {
  if (content !== '') return null;
  for (const path of [invokedPath, realPath]) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const program = Object.hasOwn(programs, name) ? programs[name] : undefined;
    if (program) return { name, program };
  }
  return null;
}

/** Whether a file looks like a compiled binary rather than a script (bash refuses to run those as scripts). */
export function isBinary(content: string): boolean {
  return content.startsWith('\x7fELF') || content.includes('\0');
}
