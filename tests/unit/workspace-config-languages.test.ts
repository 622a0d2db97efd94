/**
 * The nginx and systemd Monarch tokenizers, run by Monaco's own Monarch
 * compiler and lexer: each line's tokens as [text, token type].
 */
import { describe, expect, it } from 'vitest';
import { nginxLanguage } from '../../src/workspace/languages/nginx.ts';
import { systemdLanguage } from '../../src/workspace/languages/systemd.ts';

interface MonarchToken {
  offset: number;
  type: string;
}
interface MonarchLexer {
  getInitialState(): unknown;
  tokenize(line: string, hasEOL: boolean, state: unknown): { tokens: MonarchToken[]; endState: unknown };
}
// Monaco's Monarch modules ship without type declarations: their shapes, as used here.
const MONARCH = 'monaco-editor/editor/standalone/common/monarch';
const { compile } = (await import(`${MONARCH}/monarchCompile.js`)) as { compile(id: string, language: unknown): unknown };
const { MonarchTokenizer } = (await import(`${MONARCH}/monarchLexer.js`)) as {
  MonarchTokenizer: new (languageService: unknown, themeService: unknown, id: string, lexer: unknown, configuration: unknown) => MonarchLexer;
};

const configuration = { getValue: () => 20_000, onDidChangeConfiguration: () => ({ dispose() {} }) };

function tokenizer(id: string, language: unknown): MonarchLexer {
  return new MonarchTokenizer({}, {}, id, compile(id, language), configuration);
}

/**
 * Each line of `text` as the runs of one colour Monaco would paint: [text,
 * type], trimmed, the language postfix dropped, blanks left out.
 */
function tokens(id: string, language: unknown, text: string): [string, string][][] {
  const lexer = tokenizer(id, language);
  let state = lexer.getInitialState();
  return text.split('\n').map((line) => {
    const result = lexer.tokenize(line, true, state);
    state = result.endState;
    return result.tokens
      .map((token, i) => [line.slice(token.offset, result.tokens[i + 1]?.offset ?? line.length), token.type.replace(`.${id}`, '')] as [string, string])
      .map(([piece, type]) => [piece.trim(), type] as [string, string])
      .filter(([piece]) => piece !== '');
  });
}

const nginx = (text: string) => tokens('nginx', nginxLanguage, text);
const systemd = (text: string) => tokens('systemd', systemdLanguage, text);

describe('the nginx tokenizer', () => {
  it('colours directives, blocks, numbers, variables, strings and comments', () => {
    expect(
      nginx(`# the app, behind nginx
server {
    listen 80 default_server;
    server_name example.com;  # and www
    client_max_body_size 10m;
    add_header X-Served-By "nginx on $hostname";
    root '/var/www/app';
}`),
    ).toEqual([
      [['# the app, behind nginx', 'comment']],
      [['server', 'type'], ['{', 'delimiter.bracket']],
      [['listen', 'keyword'], ['80', 'number'], ['default_server', ''], [';', 'delimiter']],
      [['server_name', 'keyword'], ['example.com', ''], [';', 'delimiter'], ['# and www', 'comment']],
      [['client_max_body_size', 'keyword'], ['10m', 'number'], [';', 'delimiter']],
      [['add_header', 'keyword'], ['X-Served-By', ''], ['"', 'string.quote'], ['nginx on', 'string'], ['$hostname', 'variable'], ['"', 'string.quote'], [';', 'delimiter']],
      [['root', 'keyword'], ["'", 'string.quote'], ['/var/www/app', 'string'], ["'", 'string.quote'], [';', 'delimiter']],
      [['}', 'delimiter.bracket']],
    ]);
  });

  it('knows a directive from its arguments across lines, and variables inside arguments', () => {
    expect(
      nginx(`proxy_set_header
    Host $host;
proxy_pass http://unix:/run/app.sock:$request_uri;`),
    ).toEqual([
      [['proxy_set_header', 'keyword']],
      [['Host', ''], ['$host', 'variable'], [';', 'delimiter']],
      [['proxy_pass', 'keyword'], ['http://unix:/run/app.sock:', ''], ['$request_uri', 'variable'], [';', 'delimiter']],
    ]);
  });

  it('colours a location\'s modifier and its regular expression, and rewrite\'s', () => {
    expect(
      nginx(`location ~* \\.(css|js)$ {
    expires 7d;
}
location = /health { return 200; }
location @fallback { proxy_pass http://app; }
location /static/ { alias /srv/static/; }
rewrite ^/old/(.*)$ /new/$1 permanent;`),
    ).toEqual([
      [['location', 'type'], ['~*', 'operator'], ['\\.(css|js)$', 'regexp'], ['{', 'delimiter.bracket']],
      [['expires', 'keyword'], ['7d', 'number'], [';', 'delimiter']],
      [['}', 'delimiter.bracket']],
      [['location', 'type'], ['=', 'operator'], ['/health', 'string'], ['{', 'delimiter.bracket'], ['return', 'keyword'], ['200', 'number'], [';', 'delimiter'], ['}', 'delimiter.bracket']],
      [['location', 'type'], ['@fallback', 'tag'], ['{', 'delimiter.bracket'], ['proxy_pass', 'keyword'], ['http://app', ''], [';', 'delimiter'], ['}', 'delimiter.bracket']],
      [['location', 'type'], ['/static/', 'string'], ['{', 'delimiter.bracket'], ['alias', 'keyword'], ['/srv/static/', ''], [';', 'delimiter'], ['}', 'delimiter.bracket']],
      [['rewrite', 'keyword'], ['^/old/(.*)$', 'regexp'], ['/new/', ''], ['$1', 'variable'], ['permanent', ''], [';', 'delimiter']],
    ]);
  });

  it('reads an if condition\'s operator and a quoted regex holding braces', () => {
    expect(nginx(`if ($http_user_agent ~ "bot{2}") { return 403; }`)).toEqual([
      [['if', 'type'], ['(', ''], ['$http_user_agent', 'variable'], ['~', 'operator'], ['"', 'string.quote'], ['bot{2}', 'string'], ['"', 'string.quote'], [')', ''], ['{', 'delimiter.bracket'], ['return', 'keyword'], ['403', 'number'], [';', 'delimiter'], ['}', 'delimiter.bracket']],
    ]);
  });
});

describe('the systemd unit tokenizer', () => {
  it('colours sections, keys, values, comments, Exec prefixes, specifiers and variables', () => {
    expect(
      systemd(`# Gunicorn for the app
[Unit]
Description=Gunicorn serving %i
After=network.target

[Service]
; runs as the app's user
User=www-data
Environment="PORT=8000"
ExecStartPre=-/usr/bin/mkdir -p /run/app
ExecStart=/home/app/venv/bin/gunicorn --bind 127.0.0.1:\${PORT} \\
    app:app
Restart=on-failure
RestartSec=5s
PrivateTmp=yes`),
    ).toEqual([
      [['# Gunicorn for the app', 'comment']],
      [['[Unit]', 'keyword']],
      [['Description', 'attribute.name'], ['=', 'delimiter'], ['Gunicorn serving', ''], ['%i', 'variable.predefined']],
      [['After', 'attribute.name'], ['=', 'delimiter'], ['network.target', '']],
      [],
      [['[Service]', 'keyword']],
      [["; runs as the app's user", 'comment']],
      [['User', 'attribute.name'], ['=', 'delimiter'], ['www-data', '']],
      [['Environment', 'attribute.name'], ['=', 'delimiter'], ['"PORT=8000"', 'string']],
      [['ExecStartPre', 'attribute.name'], ['=', 'delimiter'], ['-', 'keyword.operator'], ['/usr/bin/mkdir -p /run/app', '']],
      [['ExecStart', 'attribute.name'], ['=', 'delimiter'], ['/home/app/venv/bin/gunicorn --bind 127.0.0.1:', ''], ['\${PORT}', 'variable'], ['\\', 'delimiter']],
      [['app:app', '']],
      [['Restart', 'attribute.name'], ['=', 'delimiter'], ['on-failure', '']],
      [['RestartSec', 'attribute.name'], ['=', 'delimiter'], ['5s', 'number']],
      [['PrivateTmp', 'attribute.name'], ['=', 'delimiter'], ['yes', 'keyword']],
    ]);
  });

  it('reads the prefixes !!, @ and + before an Exec command', () => {
    expect(systemd('ExecStart=!!@/usr/bin/env env\nExecStop=+/bin/kill -s TERM $MAINPID')).toEqual([
      [['ExecStart', 'attribute.name'], ['=', 'delimiter'], ['!!@', 'keyword.operator'], ['/usr/bin/env env', '']],
      [['ExecStop', 'attribute.name'], ['=', 'delimiter'], ['+', 'keyword.operator'], ['/bin/kill -s TERM', ''], ['$MAINPID', 'variable']],
    ]);
  });
});
