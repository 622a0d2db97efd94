import type { Arity } from './directive-types.ts';

/** nginx refuses more than 8 words (the name and 7 arguments) for a directive with a fixed count. */
const MAX_ARGS = 7;

const COUNTS: Record<Exclude<Arity, 'FLAG' | '1MORE' | '2MORE' | 'ANY'>, readonly number[]> = {
  NOARGS: [0],
  TAKE1: [1],
  TAKE2: [2],
  TAKE3: [3],
  TAKE4: [4],
  TAKE12: [1, 2],
  TAKE13: [1, 3],
  TAKE23: [2, 3],
  TAKE123: [1, 2, 3],
  TAKE1234: [1, 2, 3, 4],
  TAKE234: [2, 3, 4],
  NOARGS_TAKE1: [0, 1],
  NOARGS_TAKE12: [0, 1, 2],
};

/** Whether `count` arguments suit the directive (ngx_conf_handler's argument_number check). */
export function arityAllows(arity: Arity, count: number): boolean {
  switch (arity) {
    case 'ANY':
      return true;
    case 'FLAG':
      return count === 1;
    case '1MORE':
      return count >= 1;
    case '2MORE':
      return count >= 2;
    default:
      return count <= MAX_ARGS && COUNTS[arity].includes(count);
  }
}
