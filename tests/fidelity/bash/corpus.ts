import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Case {
  file: string;
  name: string;
  script: string;
}

/** Reads every corpus/*.sh: cases are separated by lines `### case name`. */
export function loadCorpus(dir: string): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.sh')).sort()) {
    let current: Case | null = null;
    const lines: string[] = [];
    const finish = () => {
      if (current) cases.push({ ...current, script: lines.join('\n').replace(/\n+$/, '') });
      lines.length = 0;
    };
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const header = /^### (.*)$/.exec(line);
      if (header) {
        finish();
        current = { file, name: header[1]!.trim(), script: '' };
      } else if (current) lines.push(line);
    }
    finish();
  }
  return cases;
}
