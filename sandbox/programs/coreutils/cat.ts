import { isFsError } from '../../kernel/errors.ts';
import type { Program } from '../types.ts';

const decoder = new TextDecoder();

/** cat [FILE...]: with no file, or `-`, copies standard input. */
export const cat: Program = async ({ argv, stdin, stdout, stderr, kernel, credentials, cwd }) => {
  const files = argv.slice(1).filter((arg) => arg === '-' || !arg.startsWith('-'));
  let status = 0;
  for (const file of files.length > 0 ? files : ['-']) {
    if (file === '-') {
      for (let chunk = await stdin.read(); chunk !== null; chunk = await stdin.read()) stdout.write(chunk);
      continue;
    }
    try {
      stdout.write(decoder.decode(kernel.vfs.readFile(file, credentials, cwd)));
    } catch (error) {
      if (!isFsError(error)) throw error;
      stderr.write(`cat: ${file}: ${error.reason}\n`);
      status = 1;
    }
  }
  return status;
};
