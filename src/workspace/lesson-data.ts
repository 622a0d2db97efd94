/**
 * What a lesson page hands its workspace script: embedded in the page as JSON
 * (see Workspace.astro), read once by the client.
 */

/** Files keyed by path relative to the lesson's workdir. */
export type FileMap = Record<string, string>;

export interface LessonData {
  slug: string;
  title: string;
  /** Absolute directory the files live in on the machine. */
  workdir: string;
  /** Editor tabs, in order (relative to workdir). */
  files: string[];
  starter: FileMap;
  solution: FileMap;
  /** checks.py source. */
  checks: string;
  hints: string[];
  run: string | null;
  needsBundle: boolean;
  /** The machine URL the Preview tab opens first (http://...). */
  preview: string;
}

export const LESSON_DATA_ID = 'lesson-data';

/** JSON safe to put inside a <script> element. */
export function serializeLessonData(data: LessonData): string {
  return JSON.stringify(data)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

export function readLessonData(doc: Document = document): LessonData {
  const element = doc.getElementById(LESSON_DATA_ID);
  if (!element?.textContent) throw new Error('This page has no lesson data.');
  return JSON.parse(element.textContent) as LessonData;
}
