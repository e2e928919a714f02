// Folding a long part of the form (a category, a notice section) behind a one-line summary, so
// a file with many of them and five languages stays easy to move around in. Whether a part is
// unfolded survives rebuilding the form and moving the part: it is kept per configuration object.
import { h } from './dom.js';

const unfolded = new WeakSet();

/** Marks a newly added part as unfolded, so the person adding it sees its fields. */
export function unfold(item) {
  unfolded.add(item);
}

/**
 * `<details>` around `content`; `describe()` returns the summary's text parts `[name, state]`,
 * refreshed after every change together with the number of problems inside.
 */
export function foldable(ctx, item, content, describe) {
  const name = h('span', { class: 'fold-name' });
  const state = h('span', { class: 'fold-state' });
  const problems = h('span', { class: 'summary-problems' });
  const details = h('details', { class: 'fold', open: unfolded.has(item) }, h('summary', {}, name, state, problems), content);
  details.addEventListener('toggle', () => (details.open ? unfolded.add(item) : unfolded.delete(item)));
  const refresh = () => {
    const [itemName, itemState] = describe();
    name.textContent = itemName;
    state.textContent = itemState ? ` — ${itemState}` : '';
    const count = [...content.querySelectorAll('.field-problem')].filter((slot) => slot.textContent).length;
    problems.textContent = count ? ` — ${count} to fix` : '';
  };
  ctx.registry.refreshers.push(refresh);
  refresh();
  return details;
}
