/**
 * The unit-file corpus: corpus/*.units, each holding cases in this form:
 *
 *     ### case-name                 (optionally: ### case-name: a.service b.service)
 *     --- app.service               (a file, relative to the case's directory)
 *     [Service]
 *     ExecStart=/bin/true
 *     --- app.service.d/10-env.conf
 *     ...
 *     --- run.sh 755                (a mode after the path)
 *
 * Without a list after the name, the case verifies its first file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface CaseFile {
  path: string;
  content: string;
  mode: number;
}

export interface UnitCase {
  /** `syntax.units #3 unknown-key`: where it is written, for the report. */
  label: string;
  /** Also the case's directory under the scratch root. */
  name: string;
  files: CaseFile[];
  /** What `systemd-analyze verify --man=no` is given, relative to the case's directory. */
  args: string[];
}

function parseGroup(fileName: string, text: string): UnitCase[] {
  const cases: UnitCase[] = [];
  let current: UnitCase | null = null;
  let file: CaseFile | null = null;
  for (const line of text.split('\n')) {
    const heading = /^### ([\w.@-]+)(?::\s*(.*))?$/.exec(line);
    if (heading) {
      current = { label: `${fileName} #${cases.length + 1} ${heading[1]}`, name: heading[1]!, files: [], args: heading[2]?.split(/\s+/).filter(Boolean) ?? [] };
      cases.push(current);
      file = null;
      continue;
    }
    const fileHeading = /^--- (\S+)(?: ([0-7]{3,4}))?$/.exec(line);
    if (fileHeading && current) {
      file = { path: fileHeading[1]!, content: '', mode: fileHeading[2] ? Number.parseInt(fileHeading[2], 8) : 0o644 };
      current.files.push(file);
      continue;
    }
    if (file) file.content += `${line}\n`;
    else if (line.trim() !== '' && !line.startsWith('#')) throw new Error(`${fileName}: text outside a file: ${line}`);
  }
  for (const unitCase of cases) {
    if (unitCase.args.length === 0) unitCase.args = [unitCase.files[0]!.path];
    // Blank lines separate files and cases in the corpus; they are not part of a file.
    for (const file of unitCase.files) file.content = /^\n*$/.test(file.content) ? '' : file.content.replace(/\n+$/, '\n');
  }
  return cases;
}

export function loadCorpus(dir: string): UnitCase[] {
  const cases = readdirSync(dir)
    .filter((name) => name.endsWith('.units'))
    .sort()
    .flatMap((name) => parseGroup(name, readFileSync(join(dir, name), 'utf8')));
  const names = new Set<string>();
  for (const unitCase of cases) {
    if (names.has(unitCase.name)) throw new Error(`corpus: two cases are named ${unitCase.name}`);
    names.add(unitCase.name);
  }
  return cases;
}
