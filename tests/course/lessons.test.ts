import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Machine, createMachine } from '../../sandbox/index.ts';
import { type CheckResult, runChecks } from '../../sandbox/checks/run-checks.ts';
import { type CourseLesson, loadCourse } from './lesson-loader.ts';

/**
 * The course tests itself: for every lesson, the starter fails its checks with
 * the intended message, the solution passes them all, and every common mistake
 * the lesson lists gets its own message.
 */

const course = loadCourse();
let machine: Machine;

beforeAll(async () => {
  machine = await createMachine();
});
afterAll(async () => {
  await machine.dispose();
});

async function checkFiles(lesson: CourseLesson, files: Record<string, string>): Promise<CheckResult[]> {
  for (const [path, content] of Object.entries(files)) {
    await machine.fs.writeFile(`${lesson.meta.workdir}/${path}`, content, { owner: 'learner' });
  }
  return runChecks(machine, { checks: lesson.files.checks, workdir: lesson.meta.workdir });
}

function firstFailure(results: CheckResult[]): CheckResult | undefined {
  return results.find((result) => !result.passed && !result.skipped);
}

it('has lessons', () => {
  expect(course.length).toBeGreaterThan(0);
});

describe.each(course)('lesson $slug', (lesson) => {
  it('solution passes every check', async () => {
    const results = await checkFiles(lesson, lesson.files.solution);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((result) => !result.passed)).toEqual([]);
  });

  it('starter fails with the intended message', async () => {
    const results = await checkFiles(lesson, lesson.files.starter);
    const failure = firstFailure(results);
    expect(failure?.id).toBe(lesson.expectations.starter.fails);
    expect(failure?.message).toContain(lesson.expectations.starter.says);
  });

  it.each(lesson.expectations.mistakes)('mistake "$name" gets its own message', async (mistake) => {
    const original = lesson.files.solution[mistake.file];
    expect(original, `solution/${mistake.file} exists`).toBeDefined();
    expect(original, `solution/${mistake.file} contains the text to replace`).toContain(mistake.replace);
    const results = await checkFiles(lesson, {
      ...lesson.files.solution,
      [mistake.file]: original!.replace(mistake.replace, mistake.with),
    });
    const failure = firstFailure(results);
    expect(failure?.id).toBe(mistake.fails);
    expect(failure?.message).toContain(mistake.says);
  });
});
