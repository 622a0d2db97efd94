/**
 * nginx configuration for Monaco (Monarch). A statement is a directive name
 * and its arguments, ended by `;` or by a block's `{`: the tokenizer is in
 * `root` while it waits for a directive and in `args` after one.
 * `location ~ REGEX` and `rewrite REGEX` colour their regular expression.
 */
import type * as Monaco from 'monaco-editor/editor';

/** Directives that open a block. */
const BLOCKS = ['http', 'server', 'events', 'upstream', 'if', 'map', 'types', 'geo', 'split_clients', 'limit_except', 'stream', 'mail'];

const VARIABLE = /\$\{\w+\}|\$\w+/;

export const nginxLanguage: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.nginx',
  blocks: BLOCKS,
  brackets: [{ open: '{', close: '}', token: 'delimiter.bracket' }],
  tokenizer: {
    root: [
      { include: '@whitespace' },
      [/[{}]/, '@brackets'],
      [/;/, 'delimiter'],
      [/location\b/, { token: 'type', next: '@location' }],
      [/rewrite\b/, { token: 'keyword', next: '@regexArgument' }],
      [/[a-zA-Z_][\w]*/, { cases: { '@blocks': { token: 'type', next: '@args' }, '@default': { token: 'keyword', next: '@args' } } }],
      [/\S/, { token: '', next: '@args' }],
    ],
    args: [
      { include: '@whitespace' },
      [/;/, { token: 'delimiter', next: '@pop' }],
      [/[{}]/, { token: '@brackets', next: '@pop' }],
      { include: '@values' },
    ],
    location: [
      { include: '@whitespace' },
      [/(~\*?)(?=\s)/, { token: 'operator', switchTo: '@regexArgument' }],
      [/(=|\^~)(?=\s)/, 'operator'],
      [/@\w+/, { token: 'tag', switchTo: '@args' }],
      [/[^\s{;]+/, { token: 'string', switchTo: '@args' }],
      [/[{;]/, { token: '@rematch', switchTo: '@args' }],
    ],
    /** A regular expression (quoted if it holds `{` or `;`), then the rest as arguments. */
    regexArgument: [
      { include: '@whitespace' },
      [/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/, { token: 'regexp', switchTo: '@args' }],
      [/[^\s{;]+/, { token: 'regexp', switchTo: '@args' }],
      [/[{;]/, { token: '@rematch', switchTo: '@args' }],
    ],
    values: [
      [/"/, { token: 'string.quote', next: '@doubleQuoted' }],
      [/'/, { token: 'string.quote', next: '@singleQuoted' }],
      [VARIABLE, 'variable'],
      [/(!?~\*?|=)(?=\s)/, 'operator'],
      [/\d+(?:\.\d+)?(?:ms|[kKmMgGshdwy])?(?=[\s;{]|$)/, 'number'],
      [/[^\s;{}"'$]+/, ''],
      [/\$/, ''],
    ],
    doubleQuoted: [
      [/[^"\\$]+/, 'string'],
      [/\\./, 'string.escape'],
      [VARIABLE, 'variable'],
      [/\$/, 'string'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    singleQuoted: [
      [/[^'\\$]+/, 'string'],
      [/\\./, 'string.escape'],
      [VARIABLE, 'variable'],
      [/\$/, 'string'],
      [/'/, { token: 'string.quote', next: '@pop' }],
    ],
    whitespace: [
      [/\s+/, ''],
      [/#.*$/, 'comment'],
    ],
  },
};

export const nginxConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [['{', '}']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: "'", close: "'", notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
};
