import type { HereDoc, RedirectOp, WordPart } from './lexer.ts';

/** A script as bash sees it: lists of and-or chains of pipelines of commands. */

export interface Redirect {
  fd: number | 'both';
  op: RedirectOp;
  target: WordPart[];
  hereDoc?: HereDoc;
}

export interface Assignment {
  name: string;
  value: WordPart[];
}

export type Word = WordPart[];

export interface SimpleCommand {
  type: 'simple';
  line: number;
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export type CompoundBody =
  | { type: 'if'; clauses: { condition: List; body: List }[]; otherwise: List | null }
  | { type: 'for'; name: string; items: Word[] | null; body: List }
  | { type: 'arithFor'; init: string; test: string; step: string; body: List }
  | { type: 'while'; until: boolean; condition: List; body: List }
  | { type: 'case'; subject: Word; arms: { patterns: Word[]; body: List }[] }
  | { type: 'subshell'; body: List }
  | { type: 'group'; body: List }
  | { type: 'arith'; expression: string };

export type CompoundCommand = CompoundBody & { line: number; redirects: Redirect[] };

export interface FunctionDefinition {
  type: 'function';
  line: number;
  name: string;
  body: CompoundCommand;
}

export type Command = SimpleCommand | CompoundCommand | FunctionDefinition;

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  andOr: AndOr;
  background: boolean;
}

export type List = ListItem[];
