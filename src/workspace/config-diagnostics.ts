/**
 * Problems in a saved nginx config or systemd unit, found the way an admin
 * would: `nginx -t` and `systemd-analyze verify` run on the machine as root.
 * Problems on lines of the saved file become editor markers; the rest
 * (another file, or none named) a short note on its tab.
 */
import { languageFor } from './file-language.ts';

export interface ConfigProblem {
  /** The file the tool names (as it names it: a symlink's path, for sites-enabled/). */
  file: string | null;
  /** 1-based; null when the tool names no line. */
  line: number | null;
  message: string;
  severity: 'error' | 'warning';
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A problem on a line of the saved file, for an editor marker. */
export interface LineProblem {
  line: number;
  message: string;
  severity: ConfigProblem['severity'];
}

/** How the workspace reaches the machine and the editor. */
export interface DiagnosticsHost {
  /** Runs a command line on the machine as `user`. */
  exec(command: string, user: string): Promise<CommandResult>;
  setMarkers(path: string, problems: LineProblem[]): void;
  setNote(path: string, note: string | null): void;
}

type ConfigKind = 'nginx' | 'systemd';

/**
 * `nginx: [emerg] MESSAGE in FILE:LINE` (Ubuntu's nginx) or
 * `2026/01/02 10:00:00 [emerg] 123#123: MESSAGE in FILE:LINE` (Debian's);
 * `in FILE:LINE` is missing from some (`conflicting server name ...`).
 */
const NGINX_LINE = /^(?:nginx: |\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d )\[(emerg|alert|crit|error|warn)\] (?:\d+#\d+: )?(.*?)(?: in (\/\S*):(\d+))?$/;

export function parseNginxTest(output: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const line of output.split('\n')) {
    const match = NGINX_LINE.exec(line.trimEnd());
    if (!match) continue;
    const [, level, message = '', file, lineNumber] = match;
    problems.push({
      file: file ?? null,
      line: lineNumber ? Number(lineNumber) : null,
      message,
      severity: level === 'warn' ? 'warning' : 'error',
    });
  }
  return problems;
}

/** `FILE:LINE: MESSAGE`, or `UNIT: MESSAGE` for what no line holds. */
const SYSTEMD_FILE_LINE = /^(\/[^:]*):(\d+): (.*)$/;
const SYSTEMD_UNIT_LINE = /^([\w@.:\\-]+\.(?:service|socket|timer|target|mount|path|slice|scope|device|swap|automount)): (.*)$/;

/** What systemd skips ("..., ignoring." / "ignoring line." / "ignoring: VALUE") is a warning; the rest stop the unit. */
function systemdSeverity(message: string): ConfigProblem['severity'] {
  return /, ignoring(?: line)?(?:[.:]|$)/.test(message) ? 'warning' : 'error';
}

export function parseSystemdVerify(output: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trimEnd();
    const located = SYSTEMD_FILE_LINE.exec(line);
    if (located) {
      const [, file = '', lineNumber, message = ''] = located;
      problems.push({ file, line: Number(lineNumber), message, severity: systemdSeverity(message) });
      continue;
    }
    const general = SYSTEMD_UNIT_LINE.exec(line);
    // "Unit configuration has fatal error" only sums up the lines above it.
    if (general && !general[2]?.startsWith('Unit configuration has fatal error')) {
      problems.push({ file: null, line: null, message: general[2] ?? '', severity: 'error' });
    }
  }
  return problems;
}

function kindOf(path: string): ConfigKind | null {
  const language = languageFor(path);
  return language === 'nginx' || language === 'systemd' ? language : null;
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The check for a saved file: nginx's whole configuration (the file may be
 * included from anywhere), or the unit (a drop-in is checked as its unit).
 */
export function checkCommand(path: string): { command: string; tool: string } | null {
  const kind = kindOf(path);
  if (kind === 'nginx') return path.startsWith('/etc/nginx/') ? { command: 'nginx -t', tool: 'nginx -t' } : null;
  if (kind !== 'systemd') return null;
  const dropIn = /\/([^/]+)\.d\/[^/]+\.conf$/.exec(path);
  const target = dropIn ? (dropIn[1] ?? '') : path;
  return { command: `systemd-analyze verify ${shellQuote(target)}`, tool: 'systemd-analyze verify' };
}

/** The tool is not on the machine (nginx not installed yet): no markers, no note. */
function commandMissing(result: CommandResult): boolean {
  return result.exitCode === 127 || /command not found|not found, but can be installed/.test(result.stderr);
}

export class ConfigDiagnostics {
  /** Runs per file one after another, so an older check never overwrites a newer one. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly host: DiagnosticsHost) {}

  /** `path` (absolute, on the machine) was saved: check it if it is a config. */
  saved(path: string): Promise<void> {
    const check = checkCommand(path);
    if (!check) return Promise.resolve();
    const next = (this.running.get(path) ?? Promise.resolve()).then(() => this.run(path, check.command, check.tool));
    const settled = next.catch(() => {});
    this.running.set(path, settled);
    return settled;
  }

  private async run(path: string, command: string, tool: string): Promise<void> {
    const result = await this.host.exec(command, 'root');
    if (commandMissing(result)) {
      this.host.setMarkers(path, []);
      return;
    }
    const output = `${result.stderr}\n${result.stdout}`;
    const problems = command.startsWith('nginx') ? parseNginxTest(output) : parseSystemdVerify(output);
    const real = await this.realPaths(path, problems);
    const isHere = (p: ConfigProblem): p is ConfigProblem & { line: number } => p.file !== null && p.line !== null && real.get(p.file) === real.get(path);
    const here = problems.filter(isHere);
    const elsewhere = problems.filter((p) => !isHere(p));
    this.host.setMarkers(path, here.map(({ line, message, severity }) => ({ line, message, severity })));
    this.host.setNote(path, elsewhere.length ? noteFor(tool, elsewhere) : null);
  }

  /** Each named file's real path (sites-enabled/app is a link to sites-available/app). */
  private async realPaths(path: string, problems: ConfigProblem[]): Promise<Map<string, string>> {
    const files = [...new Set([path, ...problems.flatMap((p) => (p.file ? [p.file] : []))])];
    const real = new Map(files.map((f) => [f, f]));
    if (files.length === 1) return real;
    const result = await this.host.exec(`readlink -m -- ${files.map(shellQuote).join(' ')}`, 'root');
    const lines = result.stdout.split('\n');
    if (result.exitCode === 0 && lines.length > files.length) files.forEach((f, i) => real.set(f, lines[i] || f));
    return real;
  }
}

function noteFor(tool: string, problems: ConfigProblem[]): string {
  const [first] = problems;
  if (!first) return '';
  const where = first.file ? ` in ${first.file}${first.line === null ? '' : `:${first.line}`}` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${tool}: ${first.message}${where}${more}`;
}
