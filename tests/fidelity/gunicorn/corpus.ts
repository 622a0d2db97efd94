import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';

/** When a case's server counts as started: a log text seen `count` times (in stderr, or the file `in`), or a first request that got through. */
export type Readiness = { text: string; count: number; in: string | null } | 'connect';

export interface Case {
  name: string;
  args: string[];
  env: Record<string, string>;
  files: Record<string, string>;
  ready: Readiness;
  requests: string[][];
  signal: Signal;
  collect: string[];
  occupy: string | null;
  known: Known | null;
}

/** A difference that cannot be fixed in the simulation, limited to the fields it is in. */
export interface Known {
  fields: Field[];
  why: string;
}

export const FIELDS = ['stdout', 'stderr', 'exitCode', 'responses', 'files'] as const;
export type Field = (typeof FIELDS)[number];

export type Signal = 'TERM' | 'INT' | 'QUIT';
const SIGNALS: readonly unknown[] = ['TERM', 'INT', 'QUIT'] satisfies Signal[];

/** The ports a case's {port}, {port2} and {port3} stand for. */
export type Ports = readonly [number, number, number];

const CORPUS = join(import.meta.dirname, 'corpus');
const CASE_FIELDS = new Set(['name', 'args', 'env', 'files', 'ready', 'requests', 'signal', 'collect', 'occupy', 'known']);

/** corpus/files/: the files every case directory starts with, path: content. */
export function loadFixtures(): Record<string, string> {
  const root = join(CORPUS, 'files');
  const fixtures: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else fixtures[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return fixtures;
}

/** corpus/cases.yaml, checked field by field so a typo in the corpus fails loudly rather than testing nothing. */
export function loadCases(): Case[] {
  const raw = yaml.load(readFileSync(join(CORPUS, 'cases.yaml'), 'utf8'));
  if (!Array.isArray(raw)) throw new Error('cases.yaml: expected a list of cases');
  return raw.map((entry: Record<string, unknown>, index) => {
    const where = `cases.yaml case ${index + 1} (${String(entry.name)})`;
    for (const key of Object.keys(entry)) if (!CASE_FIELDS.has(key)) throw new Error(`${where}: unknown field ${key}`);
    const strings = (value: unknown, field: string): string[] => {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`${where}: ${field} must be a list of strings`);
      return value as string[];
    };
    const ready = entry.ready ?? {};
    return {
      name: String(entry.name),
      args: strings(entry.args, 'args'),
      env: (entry.env ?? {}) as Record<string, string>,
      files: (entry.files ?? {}) as Record<string, string>,
      ready: ready === 'connect' ? 'connect' : readiness(ready as Record<string, unknown>),
      requests: ((entry.requests ?? []) as unknown[]).map((request) => strings(request, 'requests')),
      signal: signal(entry.signal ?? 'TERM', where),
      collect: strings(entry.collect ?? [], 'collect'),
      occupy: typeof entry.occupy === 'string' ? entry.occupy : null,
      known: entry.known === undefined ? null : known(entry.known as Record<string, unknown>, where),
    };
  });
}

function signal(value: unknown, where: string): Signal {
  if (!SIGNALS.includes(value)) throw new Error(`${where}: signal must be one of ${SIGNALS.join(', ')}`);
  return value as Signal;
}

function known(entry: Record<string, unknown>, where: string): Known {
  const fields = entry.fields;
  if (!Array.isArray(fields) || fields.some((field) => !(FIELDS as readonly string[]).includes(field)) || typeof entry.why !== 'string') {
    throw new Error(`${where}: known needs fields (some of ${FIELDS.join(', ')}) and why`);
  }
  return { fields: fields as Field[], why: entry.why };
}

function readiness(ready: Record<string, unknown>): Readiness {
  return {
    text: typeof ready.text === 'string' ? ready.text : 'Booting worker with pid',
    count: typeof ready.count === 'number' ? ready.count : 1,
    in: typeof ready.in === 'string' ? ready.in : null,
  };
}

/** Fills in {port}, {port2} and {port3}, and {dir} (the case directory) where it is known. */
export function fill(text: string, ports: Ports, dir = '{dir}'): string {
  return text.replaceAll('{port}', String(ports[0])).replaceAll('{port2}', String(ports[1])).replaceAll('{port3}', String(ports[2])).replaceAll('{dir}', dir);
}
