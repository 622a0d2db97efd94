import { z } from 'astro/zod';
import { DEFAULT_PREVIEW_ADDRESS } from '../preview/preview-url.ts';

/** A path relative to the lesson's workdir: no leading slash, no `..`, no empty parts. */
const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/'), { message: 'must be relative to workdir (no leading "/")' })
  .refine((p) => p.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), {
    message: 'must not contain empty, "." or ".." parts',
  });

const PREVIEW_ADDRESS_RULE = 'must be an http:// URL on the machine, such as http://localhost/ or http://localhost:5000/';

/** An address the preview can open: http:// with a host, as the learner would give curl on the machine. */
function isMachineURL(text: string): boolean {
  if (!text.startsWith('http://')) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

const machineURL = z.string().refine(isMachineURL, { message: PREVIEW_ADDRESS_RULE });

/** The frontmatter of lessons/<slug>/lesson.md. */
export const lessonSchema = z
  .object({
    title: z.string().min(1),
    order: z.number().int(),
    summary: z.string().min(1),
    workdir: z
      .string()
      .startsWith('/', { message: 'workdir must be an absolute path' })
      .default('/home/learner'),
    files: z
      .array(relativePath)
      .nonempty({ message: 'files must list at least one file shown in the editor' })
      .refine((files) => new Set(files).size === files.length, { message: 'files must not repeat a path' }),
    run: z.string().min(1).optional(),
    hints: z.array(z.string().min(1)).default([]),
    needsBundle: z.boolean().default(false),
    /** The address the Preview tab opens first; nginx lessons give http://localhost/. */
    preview: machineURL.default(DEFAULT_PREVIEW_ADDRESS),
  })
  .strict();

export type LessonMeta = z.infer<typeof lessonSchema>;
