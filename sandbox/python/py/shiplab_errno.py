"""Linux's errno numbers and messages for the errors Python reports.

Pyodide's C library numbers errors as WASI does (EACCES is 2 there, ENOENT 44)
and words some of them differently, so an OSError would print
`[Errno 2] Permission denied`. Before an error is shown to the learner, these
rewrite it to what Ubuntu prints: `[Errno 13] Permission denied`.
"""

import errno

# name: (number, message), as glibc on x86-64 Linux has them.
LINUX = {
    "EPERM": (1, "Operation not permitted"),
    "ENOENT": (2, "No such file or directory"),
    "ESRCH": (3, "No such process"),
    "EINTR": (4, "Interrupted system call"),
    "EIO": (5, "Input/output error"),
    "ENXIO": (6, "No such device or address"),
    "E2BIG": (7, "Argument list too long"),
    "ENOEXEC": (8, "Exec format error"),
    "EBADF": (9, "Bad file descriptor"),
    "ECHILD": (10, "No child processes"),
    "EAGAIN": (11, "Resource temporarily unavailable"),
    "ENOMEM": (12, "Cannot allocate memory"),
    "EACCES": (13, "Permission denied"),
    "EFAULT": (14, "Bad address"),
    "EBUSY": (16, "Device or resource busy"),
    "EEXIST": (17, "File exists"),
    "EXDEV": (18, "Invalid cross-device link"),
    "ENODEV": (19, "No such device"),
    "ENOTDIR": (20, "Not a directory"),
    "EISDIR": (21, "Is a directory"),
    "EINVAL": (22, "Invalid argument"),
    "ENFILE": (23, "Too many open files in system"),
    "EMFILE": (24, "Too many open files"),
    "ENOTTY": (25, "Inappropriate ioctl for device"),
    "ETXTBSY": (26, "Text file busy"),
    "EFBIG": (27, "File too large"),
    "ENOSPC": (28, "No space left on device"),
    "ESPIPE": (29, "Illegal seek"),
    "EROFS": (30, "Read-only file system"),
    "EMLINK": (31, "Too many links"),
    "EPIPE": (32, "Broken pipe"),
    "EDOM": (33, "Numerical argument out of domain"),
    "ERANGE": (34, "Numerical result out of range"),
    "ENAMETOOLONG": (36, "File name too long"),
    "ENOSYS": (38, "Function not implemented"),
    "ENOTEMPTY": (39, "Directory not empty"),
    "ELOOP": (40, "Too many levels of symbolic links"),
    "ENOTSUP": (95, "Operation not supported"),
    "EADDRINUSE": (98, "Address already in use"),
    "EADDRNOTAVAIL": (99, "Cannot assign requested address"),
    "ENETUNREACH": (101, "Network is unreachable"),
    "ECONNRESET": (104, "Connection reset by peer"),
    "ETIMEDOUT": (110, "Connection timed out"),
    "ECONNREFUSED": (111, "Connection refused"),
    "EHOSTUNREACH": (113, "No route to host"),
}


def linux_errno(number):
    """(number, message) as Linux has them, for a number of this interpreter's errno."""
    return LINUX.get(errno.errorcode.get(number, ""), (number, None))


def to_linux(error):
    """Rewrites the OSErrors in an exception's chain to Linux's numbers and messages, in place."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and isinstance(error.errno, int):
            number, message = linux_errno(error.errno)
            error.errno = number
            if message is not None and error.strerror is not None:
                error.strerror = message
        error = error.__cause__ or error.__context__
    return error
