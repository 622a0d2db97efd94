import type { Program } from '../types.ts';
import { parseArgs } from './options.ts';
import { readOperand } from './text-input.ts';

interface Decorations {
  number: boolean;
  numberNonBlank: boolean;
  squeeze: boolean;
  showEnds: boolean;
  showTabs: boolean;
}

/** cat [-nbsETA] [FILE...]: with no file, or `-`, copies standard input. Line numbers run on across files. */
export const cat: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'nbsETAeu',
    long: {
      number: { key: 'n' },
      'number-nonblank': { key: 'b' },
      'squeeze-blank': { key: 's' },
      'show-ends': { key: 'E' },
      'show-tabs': { key: 'T' },
      'show-all': { key: 'A' },
    },
  });
  if (typeof options === 'number') return options;
  const decorations: Decorations = {
    numberNonBlank: options.has('b'),
    number: options.has('n') && !options.has('b'),
    squeeze: options.has('s'),
    showEnds: options.has('E') || options.has('A') || options.has('e'),
    showTabs: options.has('T') || options.has('A'),
  };
  const plain = !Object.values(decorations).some(Boolean);
  const state = { line: 0, blankRun: 0 };
  let status = 0;
  for (const file of options.operands.length > 0 ? options.operands : ['-']) {
    // Plain standard input is passed on as it arrives, so `tail -f log | cat` keeps flowing.
    if (file === '-' && plain) {
      for (let chunk = await context.stdin.read(); chunk !== null; chunk = await context.stdin.read()) context.stdout.write(chunk);
      continue;
    }
    const text = await readOperand(context, file);
    if (text === null) {
      status = 1;
      continue;
    }
    context.stdout.write(plain ? text : decorate(text, decorations, state));
  }
  return status;
};

function decorate(text: string, decorations: Decorations, state: { line: number; blankRun: number }): string {
  const pieces = text.split(/(?<=\n)/);
  let out = '';
  for (const piece of pieces) {
    const ended = piece.endsWith('\n');
    let body = ended ? piece.slice(0, -1) : piece;
    const blank = body === '' && ended;
    state.blankRun = blank ? state.blankRun + 1 : 0;
    if (decorations.squeeze && state.blankRun > 1) continue;
    if (decorations.showTabs) body = body.replace(/\t/g, '^I');
    const numbered = decorations.number || (decorations.numberNonBlank && !blank);
    const prefix = numbered ? `${String(++state.line).padStart(6)}\t` : '';
    out += prefix + body + (ended ? (decorations.showEnds ? '$\n' : '\n') : '');
  }
  return out;
}
