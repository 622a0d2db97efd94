import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { type LessonFiles, lessonsRoot, readLessonFiles } from '../../src/lessons/lesson-files.ts';
import { type LessonMeta, lessonSchema } from '../../src/lessons/schema.ts';

const expectedFailure = z.object({ fails: z.string().min(1), says: z.string().min(1) }).strict();

/** lessons/<slug>/expectations.yaml: how the course test holds a lesson's checks to account. */
const expectationsSchema = z
  .object({
    starter: expectedFailure,
    mistakes: z
      .array(
        expectedFailure.extend({
          name: z.string().min(1),
          file: z.string().min(1),
          replace: z.string().min(1),
          with: z.string(),
        }),
      )
      .default([]),
  })
  .strict();

export type Expectations = z.infer<typeof expectationsSchema>;

export interface CourseLesson {
  slug: string;
  meta: LessonMeta;
  files: LessonFiles;
  expectations: Expectations;
}

function frontmatter(markdown: string, where: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error(`${where}: no frontmatter (--- ... ---) at the top`);
  return yaml.load(match[1]!);
}

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
  throw new Error(`${where}: ${problems.join('; ')}`);
}

export function loadCourse(root = lessonsRoot()): CourseLesson[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name: slug }) => {
      const lessonPath = join(root, slug, 'lesson.md');
      const meta = parseOrExplain(lessonSchema, frontmatter(readFileSync(lessonPath, 'utf8'), lessonPath), lessonPath);
      const expectationsPath = join(root, slug, 'expectations.yaml');
      const expectations = parseOrExplain(expectationsSchema, yaml.load(readFileSync(expectationsPath, 'utf8')), expectationsPath);
      return { slug, meta, files: readLessonFiles(slug, meta, root), expectations };
    })
    .sort((a, b) => a.meta.order - b.meta.order);
}
