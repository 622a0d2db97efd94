import type { ERRNO_MESSAGES } from '../../kernel/errors.ts';
import type { NetErrorCode } from '../../kernel/net.ts';

/** Linux's errno numbers, which nginx prints before the reason: `(2: No such file or directory)`. */
const ERRNO_NUMBERS: Record<keyof typeof ERRNO_MESSAGES | NetErrorCode, number> = {
  EPERM: 1, ENOENT: 2, EBADF: 9, EACCES: 13, EBUSY: 16, EEXIST: 17, EXDEV: 18, ENOTDIR: 20, EISDIR: 21, EINVAL: 22,
  ENOTEMPTY: 39, ELOOP: 40, EADDRINUSE: 98, EADDRNOTAVAIL: 99, ECONNRESET: 104, ECONNREFUSED: 111,
};

/** `2: No such file or directory`, as nginx appends it to a failed call. */
export function errnoText(error: { code: keyof typeof ERRNO_NUMBERS; reason: string }): string {
  return `${ERRNO_NUMBERS[error.code]}: ${error.reason}`;
}
