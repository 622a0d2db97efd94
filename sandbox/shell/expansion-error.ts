/**
 * An expansion bash refuses at run time, such as `$((1/0))`: reported, and
 * the rest of the command is dropped. `${x:?}` on an unset variable also ends
 * a non-interactive shell.
 */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly kind: 'arithmetic' | 'unset' | 'substitution' = 'arithmetic',
  ) {
    super(message);
  }
}
