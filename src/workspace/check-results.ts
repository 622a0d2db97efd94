/**
 * The check panel: check results and hints. Their text marks code with
 * `backticks`, rendered as safe DOM nodes.
 */
import type { CheckResult } from '../machine/protocol.ts';

export function showCheckResults(results: CheckResult[], summary: HTMLElement, list: HTMLElement): void {
  const passed = results.filter((r) => r.passed).length;
  const all = results.length;
  summary.dataset.state = passed === all ? 'pass' : 'fail';
  summary.textContent =
    passed === all
      ? `All ${all} ${all === 1 ? 'check passes' : 'checks pass'}. Well done!`
      : `${passed} of ${all} ${all === 1 ? 'check passes' : 'checks pass'}`;
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement('li');
      const state = result.passed ? 'pass' : result.skipped ? 'skipped' : 'fail';
      item.className = `check is-${state}`;
      item.dataset.checkId = result.id;
      const icon = document.createElement('span');
      icon.className = 'check-icon';
      icon.setAttribute('role', 'img');
      icon.setAttribute('aria-label', { pass: 'passed', fail: 'failed', skipped: 'not run yet' }[state]);
      icon.textContent = { pass: '✓', fail: '✗', skipped: '–' }[state];
      const body = document.createElement('div');
      const title = document.createElement('p');
      title.className = 'check-title';
      title.append(...withInlineCode(result.title));
      body.append(title);
      if (result.skipped && !result.passed && !result.message) {
        const message = document.createElement('p');
        message.className = 'check-message';
        message.textContent = 'Runs once the checks above pass.';
        body.append(message);
      } else if (result.message) {
        const message = document.createElement('p');
        message.className = 'check-message';
        message.append(...withInlineCode(result.message));
        body.append(message);
      }
      item.append(icon, body);
      return item;
    }),
  );
}

/** Text where `backticks` mark code, as check titles and messages write it: safe DOM nodes. */
export function withInlineCode(text: string): Node[] {
  return text.split(/`([^`\n]+)`/).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

/** The hint button shows the lesson's hints one at a time, then says there are no more. */
export function wireHints(button: HTMLButtonElement, list: HTMLElement, hints: readonly string[]): void {
  let shown = 0;
  button.addEventListener('click', () => {
    const hint = hints[shown];
    if (hint === undefined) return;
    const item = document.createElement('li');
    item.append(...withInlineCode(hint));
    list.append(item);
    item.scrollIntoView({ block: 'nearest' });
    shown++;
    const left = hints.length - shown;
    if (left === 0) {
      button.disabled = true;
      button.textContent = 'No more hints';
    } else {
      button.textContent = `Show another hint (${left} left)`;
    }
  });
}
