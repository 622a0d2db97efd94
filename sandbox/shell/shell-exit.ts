/** Thrown by the `exit` builtin to end the shell with a status. */
export class ShellExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}
