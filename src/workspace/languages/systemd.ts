/**
 * systemd unit files for Monaco (Monarch): [Section] headers, Key=value
 * lines, # and ; comments. In values: the Exec* prefixes (`-`, `@`, `:`,
 * `+`, `!`, `!!`), specifiers (`%i`, `%h`), environment variables
 * (`$PORT`, `${PORT}`), quoted strings, booleans, numbers and time spans.
 * Line-start rules (`^`) tell a key from a value's continuation line.
 */
import type * as Monaco from 'monaco-editor/editor';

const VALUE_RULES: Monaco.languages.IMonarchLanguageRule[] = [
  [/%[a-zA-Z%]/, 'variable.predefined'],
  [/\$\{\w+\}|\$\w+/, 'variable'],
  [/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/, 'string'],
  [/(?:yes|no|true|false|on|off)(?=\s|$)/, 'keyword'],
  [/\d+(?:\.\d+)?(?:us|ms|s|sec|min|h|d|w|M|y|K|G|T|%)?(?=\s|$)/, 'number'],
  [/\\$/, 'delimiter'],
];

export const systemdLanguage: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.systemd',
  tokenizer: {
    root: [
      [/^\s*[#;].*$/, 'comment'],
      [/^(\s*)(\[[^\]]*\])/, ['', 'keyword']],
      [/^(\s*)(Exec[A-Za-z]*)(\s*)(=)(\s*)((?:[-@:+]|!!?)*)/, ['', 'attribute.name', '', 'delimiter', '', 'keyword.operator']],
      [/^(\s*)([A-Za-z][\w.-]*)(\s*)(=)/, ['', 'attribute.name', '', 'delimiter']],
      ...VALUE_RULES,
      [/[^%$"'\\\s]+/, ''],
      [/\s+/, ''],
      [/./, ''],
    ],
  },
};

export const systemdConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  // No bracket pairs: a [Section] header is one word, not a pair to colour.
  brackets: [],
  autoClosingPairs: [
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
};
