/** The files every case starts with, created the same way in the real scratch directory and the simulated one. */
export interface Fixture {
  path: string;
  content?: string;
  mode: number;
}

export const FIXTURES: readonly Fixture[] = [
  { path: 'a.txt', content: 'alpha\nbeta\ngamma\n', mode: 0o644 },
  { path: 'b.txt', content: 'one two three\nfour five\n', mode: 0o644 },
  { path: 'empty.txt', content: '', mode: 0o644 },
  { path: 'notes.md', content: '# Notes\n- first\n- second\n', mode: 0o644 },
  { path: 'app.py', content: 'print("hi")\n', mode: 0o644 },
  { path: '.hidden', content: 'secret\n', mode: 0o644 },
  { path: 'dir', mode: 0o755 },
  { path: 'dir/one.py', content: 'x = 1\n', mode: 0o644 },
  { path: 'dir/two.py', content: 'y = 2\n', mode: 0o644 },
  { path: 'dir/readme', content: 'read me\n', mode: 0o644 },
  { path: 'run.sh', content: '#!/bin/bash\necho "run: $# args: $*"\nexit 3\n', mode: 0o755 },
  { path: 'plain.sh', content: 'echo plain $1\n', mode: 0o644 },
  { path: 'lib.sh', content: 'greet() { echo "hello, $1"; }\nLIB_LOADED=yes\n', mode: 0o644 },
];
