import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './lessons/schema.ts';

/**
 * The course: one folder per lesson under lessons/, its text in lesson.md.
 * The entry id is the folder name (the URL slug): lessons/hello-wsgi/lesson.md -> hello-wsgi.
 */
const lessons = defineCollection({
  loader: glob({
    pattern: '*/lesson.md',
    base: './lessons',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: lessonSchema,
});

export const collections = { lessons };
