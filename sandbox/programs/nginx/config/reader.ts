import type { ConfDirective, ConfigProblem } from '../contract.ts';
import { arityAllows } from './arity.ts';
import { type ConfigSource, isGlob } from './config-source.ts';
import { rowsFor } from './directive-table.ts';
import type { ConfigState, Context, DirectiveCall, DirectiveRow, ListBlock } from './directive-types.ts';
import { checkHttpBlock } from './http-checks.ts';
import { type ListState, checkListLine, newListState } from './list-blocks.ts';
import { ConfigError, type Place, emerg, problemAt } from './problem.ts';
import { scriptError } from './script-args.ts';
import { slotError } from './slots.ts';
import { Tokenizer } from './tokenizer.ts';

/** Where the reader is: the context, the enclosing locations, and what this block already holds. */
interface Frame {
  readonly context: Context | ListBlock;
  readonly locations: readonly (readonly string[])[];
  readonly earlier: Map<string, readonly string[]>;
  readonly list: ListState | null;
}

/** A configuration file as read, for `nginx -T`. */
export interface ReadFile {
  path: string;
  text: string;
}

const LIST_BLOCKS = new Set<string>(['types', 'map', 'geo', 'split_clients', 'charset_map']);
/** Blocks nginx allows once in the whole configuration. */
const SINGLE_BLOCKS = new Set(['events', 'http']);
/**
 * An include loop makes nginx run out of file descriptors (or stack); the
 * simulation stops sooner, with the same message, to stay within a worker's stack.
 */
const MAX_INCLUDE_DEPTH = 128;

/** ngx_conf_parse: reads files and the -g text into a tree, checking each directive as it is read. */
export class ConfigReader {
  readonly files: ReadFile[] = [];
  readonly warnings: ConfigProblem[] = [];
  private includeDepth = 0;
  private readonly mainFrame: Frame = { context: 'main', locations: [], earlier: new Map(), list: null };

  constructor(
    private readonly source: ConfigSource,
    private readonly state: ConfigState,
    /** The directory relative includes start from: the main file's. */
    private readonly confPrefix: string,
  ) {}

  /** The -g directives, read as nginx reads them: before the file, in the main context. */
  readParams(text: string): ConfDirective[] {
    return this.parse(new Tokenizer(text, null), this.mainFrame, 'param');
  }

  readMain(path: string): ConfDirective[] {
    return this.readFile(path, this.mainFrame, null);
  }

  private readFile(path: string, frame: Frame, from: Place): ConfDirective[] {
    const text = this.source.read(path);
    if (typeof text !== 'string') {
      if (text.call === 'pread') throw new ConfigError({ level: 'crit', message: `pread() "${path}" failed (${text.errno})` });
      throw emerg(`open() "${path}" failed (${text.errno})`, from);
    }
    if (!this.files.some((file) => file.path === path)) this.files.push({ path, text });
    return this.parse(new Tokenizer(text, path), frame, 'file');
  }

  private parse(tokens: Tokenizer, frame: Frame, kind: 'file' | 'block' | 'param'): ConfDirective[] {
    const directives: ConfDirective[] = [];
    for (;;) {
      const token = tokens.next();
      if (token.kind === 'blockEnd') {
        if (kind !== 'block') throw emerg('unexpected "}"', tokens.place());
        return directives;
      }
      if (token.kind === 'end') {
        if (kind === 'block') throw emerg('unexpected end of file, expecting "}"', tokens.place());
        return directives;
      }
      if (token.opensBlock && kind === 'param') throw emerg('block directives are not supported in -g option', tokens.place());
      const place = tokens.place();
      const file = place === 'command line' || place === null ? 'command line' : place.file;
      const [name = '', ...args] = token.args;
      if (frame.list) {
        directives.push(...this.listLine(frame, token.args, token.opensBlock, place, file, token.line));
        continue;
      }
      const row = this.findRow(name, frame, place);
      this.checkShape(row, token.opensBlock, args.length, place);
      const message = this.valueError(row, args, frame, place);
      if (message) throw emerg(message, place);
      if (name === 'include') {
        directives.push(...this.include(args[0]!, frame, place));
        continue;
      }
      const directive: ConfDirective = { name, args, block: null, file, line: token.line };
      if (row.block) {
        const inner = this.innerFrame(row, args, frame);
        directive.block = this.parse(tokens, inner, 'block');
        this.afterBlock(directive, tokens.place());
      }
      frame.earlier.set(name, args);
      directives.push(directive);
    }
  }

  private findRow(name: string, frame: Frame, place: Place): DirectiveRow {
    const rows = rowsFor(name);
    if (rows.length === 0) throw emerg(`unknown directive "${name}"`, place);
    const row = rows.find((candidate) => candidate.contexts.includes(frame.context as Context));
    if (!row) throw emerg(`"${name}" directive is not allowed here`, place);
    return row;
  }

  private checkShape(row: DirectiveRow, opensBlock: boolean, count: number, place: Place): void {
    if (!row.block && opensBlock) throw emerg(`directive "${row.name}" is not terminated by ";"`, place);
    if (row.block && !opensBlock) throw emerg(`directive "${row.name}" has no opening "{"`, place);
    if (!arityAllows(row.arity, count)) throw emerg(`invalid number of arguments in "${row.name}" directive`, place);
  }

  /** What the directive's handler says about its arguments: a slot's value, a second use, or its own check. */
  private valueError(row: DirectiveRow, args: readonly string[], frame: Frame, place: Place): string | undefined {
    const again = frame.earlier.has(row.name);
    if ((row.slot || SINGLE_BLOCKS.has(row.name)) && again) return `"${row.name}" directive is duplicate`;
    if (row.slot) return slotError(row.name, row.slot, args[0] ?? '');
    return row.check?.(this.call(row, args, frame, place)) ?? scriptError(row.name, args);
  }

  private call(row: DirectiveRow, args: readonly string[], frame: Frame, place: Place): DirectiveCall {
    return {
      name: row.name,
      args,
      context: frame.context as Context,
      locations: frame.locations,
      earlier: frame.earlier,
      state: this.state,
      warn: (message) => this.warnings.push(problemAt('warn', message, place)),
    };
  }

  private innerFrame(row: DirectiveRow, args: readonly string[], frame: Frame): Frame {
    const kind = row.block!;
    const earlier = new Map<string, readonly string[]>();
    if (LIST_BLOCKS.has(kind)) return { context: kind as ListBlock, locations: frame.locations, earlier, list: newListState() };
    if (kind === 'if') return { context: frame.context === 'server' ? 'sif' : 'lif', locations: frame.locations, earlier, list: null };
    if (kind === 'location') return { context: 'location', locations: [...frame.locations, args], earlier, list: null };
    return { context: kind as Context, locations: frame.locations, earlier, list: null };
  }

  /** What nginx checks once a block is read: an upstream needs servers; http's locations and listens. */
  private afterBlock(directive: ConfDirective, end: Place): void {
    if (directive.name === 'upstream' && !directive.block!.some((inner) => inner.name === 'server')) {
      throw emerg('no servers are inside upstream', end);
    }
    if (directive.name === 'http') {
      const problem = checkHttpBlock(directive.block!, this.state, end, { source: this.source, confPrefix: this.confPrefix });
      if (problem) throw new ConfigError(problem);
    }
  }

  private listLine(frame: Frame, words: string[], opensBlock: boolean, place: Place, file: string, line: number): ConfDirective[] {
    if (opensBlock) throw emerg('unexpected "{"', place);
    const [name = '', ...args] = words;
    if (name === 'include' && (frame.context === 'types' || words.length === 2)) {
      if (words.length !== 2) throw emerg('invalid number of arguments in "include" directive', place);
      return this.include(args[0]!, frame, place);
    }
    const verdict = checkListLine(frame.context as ListBlock, words, frame.list!);
    if ('error' in verdict) throw emerg(verdict.error, place);
    for (const warning of verdict.warnings) this.warnings.push(problemAt('warn', warning, place));
    return [{ name, args, block: null, file, line }];
  }

  /** ngx_conf_include: a path relative to the configuration's directory; a pattern may match nothing. */
  private include(name: string, frame: Frame, place: Place): ConfDirective[] {
    const path = name.startsWith('/') ? name : `${this.confPrefix}${name}`;
    if (this.includeDepth >= MAX_INCLUDE_DEPTH) throw emerg(`open() "${path}" failed (24: Too many open files)`, place);
    this.includeDepth++;
    try {
      const paths = isGlob(path) ? this.source.glob(path) : [path];
      return paths.flatMap((each) => this.readFile(each, frame, place));
    } finally {
      this.includeDepth--;
    }
  }
}
