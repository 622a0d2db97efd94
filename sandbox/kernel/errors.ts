/** The errno names the machine raises, with the text Linux prints for each. */
export const ERRNO_MESSAGES = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Device or resource busy',
  EBADF: 'Bad file descriptor',
} as const;

export type ErrnoCode = keyof typeof ERRNO_MESSAGES;

export class FsError extends Error {
  readonly code: ErrnoCode;
  readonly path: string;

  constructor(code: ErrnoCode, path: string) {
    super(`${path}: ${ERRNO_MESSAGES[code]}`);
    this.name = 'FsError';
    this.code = code;
    this.path = path;
  }

  /** The part after the path, as coreutils print it: "No such file or directory". */
  get reason(): string {
    return ERRNO_MESSAGES[this.code];
  }
}

export function isFsError(error: unknown): error is FsError {
  return error instanceof FsError;
}
