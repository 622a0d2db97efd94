import type { AndOr, Command, CompoundBody, CompoundCommand, FunctionDefinition, List, Pipeline, Redirect, SimpleCommand, Word } from './ast.ts';
import { type Operator, ShellSyntaxError, type Token, type WordPart, tokenize } from './lexer.ts';


const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words that end a list: the parser returns to whoever opened the construct. */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);

export function parse(source: string): List {
  return new Parser(tokenize(source), source).script();
}

/**
 * The complete commands of a script one at a time, as bash reads them: a
 * syntax error on a later line surfaces only after the earlier ones ran.
 */
export function* parseCommands(source: string): Generator<List> {
  const parser = new Parser(tokenize(source), source);
  for (let command = parser.completeCommand(); command !== null; command = parser.completeCommand()) yield command;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  script(): List {
    const list = this.list();
    const token = this.peek();
    if (token) this.unexpected(token);
    return list;
  }

  /** The and-or lists up to the end of the next line that holds a command; null at the end. */
  completeCommand(): List | null {
    this.skipNewlines();
    if (!this.peek()) return null;
    const items: List = [];
    for (;;) {
      const andOr = this.andOr();
      const separator = this.peek();
      const background = separator?.kind === 'op' && separator.op === '&';
      items.push({ andOr, background });
      if (!separator) break;
      if (separator.kind === 'newline') {
        this.index++;
        break;
      }
      if (separator.kind === 'op' && (separator.op === ';' || separator.op === '&')) {
        this.index++;
        const next = this.peek();
        if (!next || next.kind === 'newline') break;
        continue;
      }
      this.unexpected(separator);
    }
    return items;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private reserved(token: Token | undefined = this.peek()): string | null {
    if (!token || token.kind !== 'word' || token.parts.length !== 1 || token.parts[0]!.quoting !== 'none') return null;
    return token.parts[0]!.text;
  }

  private isOp(op: Operator, token = this.peek()): boolean {
    return token?.kind === 'op' && token.op === op;
  }

  private skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.index++;
  }

  private unexpected(token: Token | undefined): never {
    if (!token) throw new ShellSyntaxError('syntax error: unexpected end of file', this.eofLine());
    const text = token.kind === 'op' ? token.op : token.kind === 'redirect' ? redirectText(token) : token.kind === 'newline' ? 'newline' : token.kind === 'arith' ? `((${token.expression}))` : token.parts.map((part) => part.text).join('');
    const quote = this.source.split('\n')[token.line - 1] ?? '';
    throw new ShellSyntaxError(`syntax error near unexpected token \`${text}'`, token.line, quote);
  }

  private eofLine(): number {
    const lines = this.source.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.length + 1;
  }

  private expectWord(word: string): void {
    this.skipNewlines();
    if (this.reserved() !== word) this.unexpected(this.peek());
    this.index++;
  }

  /** A list of and-or chains, up to a closing word, `)`, `;;` or the end. */
  private list(): List {
    const items: List = [];
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (!token || this.isOp(')') || this.isOp(';;')) break;
      const word = this.reserved(token);
      if (word !== null && CLOSERS.has(word)) break;
      const andOr = this.andOr();
      const separator = this.peek();
      if (separator?.kind === 'op' && (separator.op === ';' || separator.op === '&')) {
        this.index++;
        items.push({ andOr, background: separator.op === '&' });
      } else if (separator?.kind === 'newline') {
        this.index++;
        items.push({ andOr, background: false });
      } else {
        items.push({ andOr, background: false });
        if (separator && !(separator.kind === 'op' && (separator.op === ')' || separator.op === ';;')) && !CLOSERS.has(this.reserved(separator) ?? '')) {
          this.unexpected(separator);
        }
        break;
      }
    }
    return items;
  }

  /** A list that must hold at least one command (the body of if, while, ...). */
  private body(): List {
    const list = this.list();
    if (list.length === 0) this.unexpected(this.peek());
    return list;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { op: '&&' | '||' }).op;
      this.index++;
      this.skipNewlines();
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negated = false;
    while (this.reserved() === '!') {
      negated = !negated;
      this.index++;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.index++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negated, commands };
  }

  private command(): Command {
    const token = this.peek();
    if (!token) this.unexpected(token);
    const line = token.line;
    if (token.kind === 'arith') {
      this.index++;
      return this.withRedirects({ type: 'arith', expression: token.expression }, line);
    }
    if (this.isOp('(')) {
      this.index++;
      const body = this.body();
      if (!this.isOp(')')) this.unexpected(this.peek());
      this.index++;
      return this.withRedirects({ type: 'subshell', body }, line);
    }
    const word = this.reserved(token);
    if (word !== null && CLOSERS.has(word)) this.unexpected(token);
    switch (word) {
      case 'if':
        return this.ifCommand(line);
      case 'for':
        return this.forCommand(line);
      case 'while':
      case 'until':
        return this.whileCommand(line);
      case 'case':
        return this.caseCommand(line);
      case '{': {
        this.index++;
        const body = this.body();
        this.expectWord('}');
        return this.withRedirects({ type: 'group', body }, line);
      }
      case 'function':
        return this.functionKeyword(line);
      default:
        break;
    }
    const name = this.reserved(token);
    if (name !== null && NAME.test(name) && this.isOp('(', this.tokens[this.index + 1])) {
      if (!this.isOp(')', this.tokens[this.index + 2])) this.unexpected(this.tokens[this.index + 2]);
      this.index += 3;
      return this.functionBody(name, line);
    }
    return this.simple(line);
  }

  private functionKeyword(line: number): FunctionDefinition {
    this.index++;
    const name = this.reserved();
    if (name === null) this.unexpected(this.peek());
    this.index++;
    if (this.isOp('(')) {
      if (!this.isOp(')', this.tokens[this.index + 1])) this.unexpected(this.tokens[this.index + 1]);
      this.index += 2;
    }
    return this.functionBody(name, line);
  }

  private functionBody(name: string, line: number): FunctionDefinition {
    this.skipNewlines();
    const body = this.command();
    if (body.type === 'simple' || body.type === 'function') this.unexpected(this.tokens[this.index - 1]);
    return { type: 'function', line, name, body };
  }

  private withRedirects(body: CompoundBody, line: number): CompoundCommand {
    const redirects: Redirect[] = [];
    while (this.peek()?.kind === 'redirect') redirects.push(this.redirect());
    return { ...body, line, redirects };
  }

  private ifCommand(line: number): CompoundCommand {
    this.index++;
    const clauses: { condition: List; body: List }[] = [];
    let otherwise: List | null = null;
    for (;;) {
      const condition = this.body();
      this.expectWord('then');
      const body = this.body();
      clauses.push({ condition, body });
      const word = this.reserved();
      this.index++;
      if (word === 'elif') continue;
      if (word === 'else') {
        otherwise = this.body();
        this.expectWord('fi');
      } else if (word !== 'fi') this.unexpected(this.tokens[this.index - 1]);
      break;
    }
    return this.withRedirects({ type: 'if', clauses, otherwise }, line);
  }

  private forCommand(line: number): CompoundCommand {
    this.index++;
    const arith = this.peek();
    if (arith?.kind === 'arith') {
      this.index++;
      const [init = '', test = '', step = ''] = arith.expression.split(';');
      if (this.isOp(';')) this.index++;
      this.expectWord('do');
      const body = this.body();
      this.expectWord('done');
      return this.withRedirects({ type: 'arithFor', init, test, step, body }, line);
    }
    const name = this.reserved();
    if (name === null || !NAME.test(name)) this.unexpected(this.peek());
    this.index++;
    let items: Word[] | null = null;
    this.skipNewlines();
    if (this.reserved() === 'in') {
      this.index++;
      items = [];
      while (this.peek()?.kind === 'word') items.push((this.tokens[this.index++] as { parts: WordPart[] }).parts);
    }
    if (this.isOp(';')) this.index++;
    this.expectWord('do');
    const body = this.body();
    this.expectWord('done');
    return this.withRedirects({ type: 'for', name, items, body }, line);
  }

  private whileCommand(line: number): CompoundCommand {
    const until = this.reserved() === 'until';
    this.index++;
    const condition = this.body();
    this.expectWord('do');
    const body = this.body();
    this.expectWord('done');
    return this.withRedirects({ type: 'while', until, condition, body }, line);
  }

  private caseCommand(line: number): CompoundCommand {
    this.index++;
    const subject = this.peek();
    if (subject?.kind !== 'word') this.unexpected(subject);
    this.index++;
    this.expectWord('in');
    const arms: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.reserved() === 'esac') break;
      if (this.isOp('(')) this.index++;
      const patterns: Word[] = [];
      for (;;) {
        const token = this.peek();
        if (token?.kind !== 'word') this.unexpected(token);
        patterns.push(token.parts);
        this.index++;
        if (this.isOp('|')) this.index++;
        else break;
      }
      if (!this.isOp(')')) this.unexpected(this.peek());
      this.index++;
      const body = this.list();
      arms.push({ patterns, body });
      if (this.isOp(';;')) this.index++;
      else break;
    }
    this.expectWord('esac');
    return this.withRedirects({ type: 'case', subject: subject.parts, arms }, line);
  }

  private redirect(): Redirect {
    const token = this.tokens[this.index++] as Extract<Token, { kind: 'redirect' }>;
    const target = this.peek();
    if (!target) this.unexpected({ kind: 'newline', line: token.line });
    if (target.kind !== 'word') this.unexpected(target);
    this.index++;
    return { fd: token.fd, op: token.op, target: target.parts, hereDoc: token.hereDoc };
  }

  private simple(line: number): SimpleCommand {
    const command: SimpleCommand = { type: 'simple', line, assignments: [], words: [], redirects: [] };
    for (;;) {
      const token = this.peek();
      if (token?.kind === 'redirect') {
        command.redirects.push(this.redirect());
        continue;
      }
      if (token?.kind !== 'word') break;
      const first = token.parts[0];
      const match = command.words.length === 0 && first?.quoting === 'none' ? ASSIGNMENT.exec(first.text) : null;
      if (match) {
        const value = [{ ...first!, text: first!.text.slice(match[0].length) }, ...token.parts.slice(1)];
        command.assignments.push({ name: match[1]!, value });
      } else {
        command.words.push(token.parts);
      }
      this.index++;
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) {
      this.unexpected(this.peek());
    }
    return command;
  }
}

function redirectText(token: Extract<Token, { kind: 'redirect' }>): string {
  const prefix = token.fd === 'both' ? '&' : '';
  return prefix + token.op;
}
