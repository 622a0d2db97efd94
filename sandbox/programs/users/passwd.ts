import type { InputStream } from '../../kernel/streams.ts';
import type { Program } from '../types.ts';

/**
 * passwd [USER]: asks for the new password twice (on standard input) and
 * answers as Ubuntu's passwd does. The machine keeps no password hashes:
 * nobody logs in with one here.
 */
export const passwd: Program = async (context) => {
  const { users } = context.kernel;
  const { stdout, stderr } = context;
  const self = users.userName(context.credentials.uid);
  const name = context.argv.slice(1).find((arg) => !arg.startsWith('-')) ?? self;
  if (!users.byName(name)) {
    stderr.write(`passwd: user '${name}' does not exist\n`);
    return 1;
  }
  if (context.credentials.uid !== 0 && name !== self) {
    stderr.write(`passwd: You may not view or modify password information for ${name}.\n`);
    return 1;
  }
  const lines = new LineReader(context.stdin);
  if (context.credentials.uid !== 0) {
    stdout.write(`Changing password for ${name}.\nCurrent password: `);
    if ((await lines.next()) === null) return unchanged(context, 'Authentication token manipulation error');
  }
  stdout.write('New password: ');
  const first = await lines.next();
  if (first === null) return unchanged(context, 'Authentication token manipulation error');
  stdout.write('Retype new password: ');
  const second = await lines.next();
  if (second !== first) {
    stdout.write('Sorry, passwords do not match.\n');
    return unchanged(context, 'Authentication token manipulation error');
  }
  stdout.write('passwd: password updated successfully\n');
  return 0;
};

function unchanged(context: { stderr: { write(text: string): void } }, reason: string): number {
  context.stderr.write(`passwd: ${reason}\npasswd: password unchanged\n`);
  return 10;
}

/** Reads standard input a line at a time. */
class LineReader {
  private buffer = '';
  private ended = false;

  constructor(private readonly input: InputStream) {}

  async next(): Promise<string | null> {
    while (!this.buffer.includes('\n') && !this.ended) {
      const chunk = await this.input.read();
      if (chunk === null) this.ended = true;
      else this.buffer += chunk;
    }
    if (this.buffer === '') return null;
    const end = this.buffer.indexOf('\n');
    const line = end < 0 ? this.buffer : this.buffer.slice(0, end);
    this.buffer = end < 0 ? '' : this.buffer.slice(end + 1);
    return line.replace(/\r$/, '');
  }
}
