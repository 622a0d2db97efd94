/** The workspace element `selector` names; a missing one is a bug in the page, said plainly. */
export function $(root: ParentNode, selector: string): HTMLElement {
  const element = root.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`The workspace is missing ${selector}`);
  return element;
}
