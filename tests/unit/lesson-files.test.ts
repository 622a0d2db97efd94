import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LessonFilesError, readLessonFiles } from '../../src/lessons/lesson-files.ts';
import { lessonSchema } from '../../src/lessons/schema.ts';

let root = '';
function lesson(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'shiplab-lessons-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, 'demo', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

describe('readLessonFiles', () => {
  it('reads starter, solution (nested too) and checks.py', () => {
    const dir = lesson({
      'starter/app.py': 'print(1)\n',
      'starter/templates/index.html': '<p>hi</p>\n',
      'solution/app.py': 'print(2)\n',
      'solution/templates/index.html': '<p>bye</p>\n',
      'checks.py': '# checks\n',
    });
    const files = readLessonFiles('demo', { files: ['app.py', 'templates/index.html'] }, dir);
    expect(files.starter).toEqual({ 'app.py': 'print(1)\n', 'templates/index.html': '<p>hi</p>\n' });
    expect(files.solution['templates/index.html']).toBe('<p>bye</p>\n');
    expect(files.checks).toBe('# checks\n');
  });

  it('names the lesson and the file when an editor file is missing from starter/', () => {
    const dir = lesson({ 'starter/x.py': '', 'solution/app.py': '', 'checks.py': '' });
    expect(() => readLessonFiles('demo', { files: ['app.py'] }, dir)).toThrow(
      new LessonFilesError('lessons/demo/lesson.md: files lists "app.py", but lessons/demo/starter/app.py does not exist'),
    );
  });

  it('names the lesson and the file when an editor file is missing from solution/', () => {
    const dir = lesson({ 'starter/app.py': '', 'solution/x.py': '', 'checks.py': '' });
    expect(() => readLessonFiles('demo', { files: ['app.py'] }, dir)).toThrow(/lessons\/demo\/solution\/app\.py does not exist/);
  });

  it('says which part of the lesson folder is missing', () => {
    const dir = lesson({ 'starter/app.py': '', 'solution/app.py': '' });
    expect(() => readLessonFiles('demo', { files: ['app.py'] }, dir)).toThrow('lessons/demo: checks.py is missing');
  });
});

describe('lesson frontmatter schema', () => {
  const valid = { title: 'Hello', order: 1, summary: 'Say hello.', files: ['app.py'] };

  it('fills the defaults', () => {
    expect(lessonSchema.parse(valid)).toEqual({
      ...valid,
      workdir: '/home/learner',
      hints: [],
      needsBundle: false,
      preview: 'http://localhost:5000/',
    });
  });

  it.each(['http://localhost/', 'http://localhost:8080/app?x=1', 'http://127.0.0.1'])('accepts preview %s', (preview) => {
    expect(lessonSchema.parse({ ...valid, preview }).preview).toBe(preview);
  });

  it('tells the author what preview must be', () => {
    const result = lessonSchema.safeParse({ ...valid, preview: 'https://localhost/' });
    expect(result.error?.issues[0]?.message).toBe('must be an http:// URL on the machine, such as http://localhost/ or http://localhost:5000/');
  });

  it.each([
    [{ ...valid, files: [] }, 'files'],
    [{ ...valid, files: ['/etc/passwd'] }, 'files'],
    [{ ...valid, files: ['../x.py'] }, 'files'],
    [{ ...valid, order: 1.5 }, 'order'],
    [{ ...valid, workdir: 'home/learner' }, 'workdir'],
    [{ ...valid, title: undefined }, 'title'],
    [{ ...valid, hint: ['typo'] }, ''],
    [{ ...valid, preview: 'localhost' }, 'preview'],
    [{ ...valid, preview: 'https://localhost/' }, 'preview'],
    [{ ...valid, preview: 'http://' }, 'preview'],
    [{ ...valid, preview: '/about' }, 'preview'],
  ])('rejects %j (field %s)', (data, field) => {
    const result = lessonSchema.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success && field) expect(result.error.issues[0]?.path[0]).toBe(field);
  });
});
