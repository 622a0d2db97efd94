import { parseArgs, usage } from '../coreutils/options.ts';
import type { Program } from '../types.ts';
import { OWNERSHIP_OPTIONS, changeOwnership, findGroup } from './ownership.ts';

/** chgrp [-Rhvcf] GROUP FILE... */
export const chgrp: Program = async (context) => {
  const options = parseArgs(context, OWNERSHIP_OPTIONS);
  if (typeof options === 'number') return options;
  const [group, ...files] = options.operands;
  if (group === undefined) return usage(context, 'missing operand');
  if (files.length === 0) return usage(context, `missing operand after ‘${group}’`);
  const gid = findGroup(context, group);
  if (gid === undefined) {
    context.stderr.write(`chgrp: invalid group: ‘${group}’\n`);
    return 1;
  }
  return changeOwnership(context, files, { gid }, options);
};
