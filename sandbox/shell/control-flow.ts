/** `return` leaves the function (or sourced file) being run. */
export class ReturnSignal extends Error {
  constructor(readonly status: number) {
    super('return');
  }
}

/** `break N` and `continue N` leave (or restart) the Nth enclosing loop. */
export class LoopSignal extends Error {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {
    super(kind);
  }
}

/** Ctrl-C at the terminal: the command line being run stops, as the shell's own loops do in bash. */
export class InterruptSignal extends Error {
  constructor() {
    super('interrupt');
  }
}
