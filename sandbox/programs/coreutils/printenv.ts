import type { Program } from '../types.ts';

/** printenv [NAME...]: the whole environment, or each named variable's value; exit 1 if one is unset. */
export const printenv: Program = async ({ argv, env, stdout }) => {
  const names = argv.slice(1);
  if (names.length === 0) {
    stdout.write(Object.entries(env).map(([name, value]) => `${name}=${value}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const name of names) {
    if (env[name] === undefined) status = 1;
    else stdout.write(`${env[name]}\n`);
  }
  return status;
};
