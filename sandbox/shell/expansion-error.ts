/** An expansion bash refuses at run time, such as `$((1/0))`: reported, and the rest of the line is dropped. */
export class ExpansionError extends Error {}
