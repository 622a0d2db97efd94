import type { OutputStream } from '../../kernel/streams.ts';
import type { Package } from '../../images/packages/index.ts';

/** The lines apt prints around every change it plans. */

export function readingState(stdout: OutputStream): void {
  stdout.write('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
}

/** A heading and its package names, wrapped at 80 columns as apt wraps them. */
export function packageBlock(stdout: OutputStream, heading: string, names: readonly string[]): void {
  if (names.length === 0) return;
  const lines: string[] = [];
  let line = ' ';
  for (const name of names) {
    if (line.length + name.length + 1 > 79 && line.trim() !== '') {
      lines.push(line);
      line = ' ';
    }
    line += ` ${name}`;
  }
  lines.push(line);
  stdout.write(`${heading}\n${lines.join('\n')}\n`);
}

export function summary(stdout: OutputStream, installed: number, removed: number): void {
  stdout.write(`0 upgraded, ${installed} newly installed, ${removed} to remove and 0 not upgraded.\n`);
}

/** `1,596 kB` */
export function kilobytes(sizeKb: number): string {
  return `${sizeKb.toLocaleString('en-US')} kB`;
}

export function debName(pkg: Package): string {
  return `${pkg.name}_${pkg.version.replace(/^\d+:/, '')}_${pkg.architecture}.deb`;
}

/** dpkg's `(Reading database ... N files and directories currently installed.)`. */
export function readingDatabase(stdout: OutputStream, entries: number): void {
  stdout.write(`(Reading database ... ${entries} files and directories currently installed.)\n`);
}
