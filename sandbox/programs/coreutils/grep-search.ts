import type { ProgramContext } from '../types.ts';
import type { ParsedOptions } from './options.ts';

/** What every file's search shares: the pattern, the options, and whether a context group was printed yet. */
export interface Search {
  regex: RegExp;
  options: ParsedOptions;
  withNames: boolean;
  /** Context groups are separated by `--`, across files too. */
  groupShown: boolean;
}

/**
 * grep over one file, a line at a time, so that a pipe (`tail -f log | grep
 * 404`) shows each match as it arrives. Handles -v, -o, -n, -c, -l, -L, -q,
 * -m and the context options -A, -B, -C.
 */
export class FileSearch {
  private lineIndex = 0;
  private selected = 0;
  private lastShown = -1;
  private afterLeft = 0;
  private readonly before: { index: number; text: string }[] = [];
  private readonly limit: number;
  private readonly afterCount: number;
  private readonly beforeCount: number;
  /** Only whether lines match matters, not the lines themselves. */
  private readonly silent: boolean;

  constructor(
    private readonly context: ProgramContext,
    private readonly name: string,
    private readonly search: Search,
  ) {
    const { options } = search;
    this.limit = Number(options.value('m') ?? Infinity);
    const contextual = !options.has('o');
    this.afterCount = contextual ? Number(options.value('A') ?? options.value('C') ?? 0) : 0;
    this.beforeCount = contextual ? Number(options.value('B') ?? options.value('C') ?? 0) : 0;
    this.silent = ['q', 'l', 'L', 'c'].some((key) => options.has(key));
  }

  /** Takes the next line; false once the rest of the file cannot change the output. */
  line(text: string): boolean {
    const index = this.lineIndex++;
    if (this.selected >= this.limit) return this.trailingContext(index, text);
    const { regex, options } = this.search;
    regex.lastIndex = 0;
    if (regex.test(text) === options.has('v')) {
      if (!this.trailingContext(index, text)) {
        this.before.push({ index, text });
        if (this.before.length > this.beforeCount) this.before.shift();
      }
      return true;
    }
    this.selected++;
    if (this.silent) return !(options.has('q') || options.has('l'));
    this.startGroup(this.before[0]?.index ?? index);
    for (const held of this.before) this.print(held.index, held.text, '-');
    this.before.length = 0;
    this.printSelected(index, text);
    this.afterLeft = this.afterCount;
    return this.selected < this.limit || this.afterLeft > 0;
  }

  /** After the last line: what -c, -l and -L print. Returns whether any line was selected. */
  finish(): boolean {
    const { options, withNames } = this.search;
    const out = this.context.stdout;
    if (options.has('l') && this.selected > 0) out.write(`${this.name}\n`);
    else if (options.has('L') && this.selected === 0) out.write(`${this.name}\n`);
    else if (options.has('c') && !options.has('q') && !options.has('l') && !options.has('L')) {
      out.write(`${withNames ? `${this.name}:` : ''}${this.selected}\n`);
    }
    return this.selected > 0;
  }

  /** Prints a line after a match as context (-A); false when none is due. */
  private trailingContext(index: number, text: string): boolean {
    if (this.afterLeft === 0) return false;
    this.afterLeft--;
    this.print(index, text, '-');
    return true;
  }

  private startGroup(firstIndex: number): void {
    const contextual = this.afterCount > 0 || this.beforeCount > 0;
    if (contextual && this.search.groupShown && (this.lastShown < 0 || firstIndex > this.lastShown + 1)) this.context.stdout.write('--\n');
    this.search.groupShown = true;
  }

  private printSelected(index: number, text: string): void {
    const { regex, options } = this.search;
    if (!options.has('o')) return this.print(index, text, ':');
    if (options.has('v')) return;
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) if (match[0] !== '') this.context.stdout.write(`${this.label(index, ':')}${match[0]}\n`);
    this.lastShown = index;
  }

  private print(index: number, text: string, mark: string): void {
    this.context.stdout.write(`${this.label(index, mark)}${text}\n`);
    this.lastShown = index;
  }

  private label(index: number, mark: string): string {
    const { options, withNames } = this.search;
    return (withNames ? `${this.name}${mark}` : '') + (options.has('n') ? `${index + 1}${mark}` : '');
  }
}
