/**
 * Build-time (Node) access to a lesson's files: starter/, solution/ and checks.py.
 * Used from Astro page frontmatter; never shipped to the browser.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Files keyed by path relative to the lesson's workdir ('app.py', 'templates/index.html'). */
export type FileMap = Record<string, string>;

export interface LessonFiles {
  /** Everything under starter/: what the learner begins with. */
  starter: FileMap;
  /** Everything under solution/: a working answer. */
  solution: FileMap;
  /** The source of checks.py, run inside the machine by runChecks(). */
  checks: string;
}

export class LessonFilesError extends Error {
  override name = 'LessonFilesError';
}

/** Where the lessons live: <project root>/lessons (the build runs from the root). */
export function lessonsRoot(): string {
  return resolve(process.cwd(), 'lessons');
}

/** Reads every regular file under dir, keyed by its '/'-separated path relative to dir. */
export function readTree(dir: string): FileMap {
  const out: FileMap = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/**
 * Reads lessons/<slug>/{starter,solution,checks.py} and checks that every
 * editor file (`files` in the frontmatter) exists in both starter/ and solution/.
 * Throws a LessonFilesError naming the lesson and the file otherwise.
 */
export function readLessonFiles(
  slug: string,
  meta: { files: readonly string[] },
  root: string = lessonsRoot(),
): LessonFiles {
  const dir = join(root, slug);
  const where = `lessons/${slug}`;
  const need = (path: string, kind: 'dir' | 'file'): string => {
    const full = join(dir, path);
    if (!existsSync(full)) throw new LessonFilesError(`${where}: ${path}${kind === 'dir' ? '/' : ''} is missing`);
    const st = statSync(full);
    if (kind === 'dir' ? !st.isDirectory() : !st.isFile()) {
      throw new LessonFilesError(`${where}: ${path} should be a ${kind === 'dir' ? 'directory' : 'file'}`);
    }
    return full;
  };

  const starter = readTree(need('starter', 'dir'));
  const solution = readTree(need('solution', 'dir'));
  const checks = readFileSync(need('checks.py', 'file'), 'utf8');

  for (const file of meta.files) {
    if (!(file in starter)) {
      throw new LessonFilesError(`${where}/lesson.md: files lists "${file}", but ${where}/starter/${file} does not exist`);
    }
    if (!(file in solution)) {
      throw new LessonFilesError(`${where}/lesson.md: files lists "${file}", but ${where}/solution/${file} does not exist`);
    }
  }
  return { starter, solution, checks };
}
