import { type Operator, ShellSyntaxError, type Token, type WordPart, tokenize } from './lexer.ts';

/** A command line as bash sees it: lists of pipelines of simple commands. */

export interface Redirect {
  fd: number | 'both';
  op: '>' | '>>' | '<' | '>&';
  target: WordPart[];
}

export interface Assignment {
  name: string;
  value: WordPart[];
}

export interface SimpleCommand {
  assignments: Assignment[];
  words: WordPart[][];
  redirects: Redirect[];
}

export type Pipeline = SimpleCommand[];

export interface ListItem {
  pipeline: Pipeline;
  /** How this item connects to the next: run after (;), only on success (&&), only on failure (||), or in the background (&). */
  then: ';' | '&&' | '||' | '&';
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

export function parse(line: string): ListItem[] {
  return parseTokens(tokenize(line));
}

function parseTokens(tokens: Token[]): ListItem[] {
  const items: ListItem[] = [];
  let pipeline: Pipeline = [];
  let command = emptyCommand();
  let index = 0;

  const unexpected = (text: string): never => {
    throw new ShellSyntaxError(`syntax error near unexpected token \`${text}'`);
  };
  const finishCommand = (operator: string) => {
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) unexpected(operator);
    pipeline.push(command);
    command = emptyCommand();
  };
  const finishPipeline = (then: ListItem['then'], operator: string) => {
    finishCommand(operator);
    items.push({ pipeline, then });
    pipeline = [];
  };

  while (index < tokens.length) {
    const token = tokens[index]!;
    if (token.kind === 'word') {
      const first = token.parts[0];
      const match = command.words.length === 0 && first?.quoting === 'none' ? ASSIGNMENT.exec(first.text) : null;
      if (match) {
        const value = [{ ...first!, text: first!.text.slice(match[0].length) }, ...token.parts.slice(1)];
        command.assignments.push({ name: match[1]!, value });
      } else {
        command.words.push(token.parts);
      }
    } else if (token.kind === 'redirect') {
      const target = tokens[index + 1];
      if (!target || target.kind !== 'word') unexpected(target ? describe(target) : 'newline');
      command.redirects.push({ fd: token.fd, op: token.op, target: (target as { parts: WordPart[] }).parts });
      index++;
    } else if (token.kind === 'op' && token.op === '|') {
      finishCommand('|');
    } else {
      const operator: Operator | ';' = token.kind === 'op' ? token.op : ';';
      const isEmpty = command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0;
      // A line may end after `|`, `&&` or `||`: the command goes on on the next line.
      if (isEmpty && token.kind === 'newline') {
        index++;
        continue;
      }
      finishPipeline(operator === '|' ? ';' : operator, token.kind === 'newline' ? 'newline' : operator);
    }
    index++;
  }
  const isEmpty = command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0;
  const last = items[items.length - 1];
  if (!isEmpty) finishPipeline(';', 'newline');
  else if (pipeline.length > 0 || last?.then === '&&' || last?.then === '||') {
    // bash would read on for the rest of the command; at the end of the input there is none.
    throw new ShellSyntaxError('syntax error: unexpected end of file');
  }
  return items;
}

function emptyCommand(): SimpleCommand {
  return { assignments: [], words: [], redirects: [] };
}

function describe(token: Token): string {
  if (token.kind === 'op') return token.op;
  if (token.kind === 'redirect') return token.op;
  return 'newline';
}
