// "What visitors will notice": whether people who already chose are asked again once the new
// file replaces the old one. The library's own rule decides (reconsentCheck), not the editor.
import { h, replaceChildren } from './dom.js';

function nameOf(config, id) {
  const category = config.consent?.categories?.find((c) => c?.id === id);
  const title = category?.title;
  const text = typeof title === 'string' ? title : title ? Object.values(title).find((t) => typeof t === 'string' && t.trim()) : undefined;
  return `“${text ?? id}”`;
}

export function renderVisitorImpact(container, lib, original, current, { originalValid, currentValid }) {
  if (!originalValid) {
    replaceChildren(container, h('p', {}, 'The file as opened had problems, so the editor cannot tell whether visitors will be asked again. Raise the version to be sure everyone is asked.'));
    return;
  }
  if (!currentValid) {
    replaceChildren(container, h('p', {}, 'Fix the problems below to see whether visitors will be asked again.'));
    return;
  }
  const check = lib.reconsentCheck(original, current);
  const previous = new Set((original.consent?.categories ?? []).map((category) => category?.id));
  const reasons = [
    check.versionChanged ? 'the version changed' : null,
    ...check.added.map((id) => `${nameOf(current, id)} is ${previous.has(id) ? 'offered again' : 'new'}`),
    ...check.changed.map((id) => `the name, description or cookies of ${nameOf(current, id)} changed`),
  ].filter(Boolean);
  const notOffered = check.withdrawnFromOffer.map((id) => nameOf(original, id)).join(', ');
  // The banner tells returning visitors what changed (the re-ask note); for a new version it can
  // only say "a new version" unless the site wrote what is new.
  const noteMissing = check.versionChanged && current.consent?.changeNote === undefined;
  replaceChildren(
    container,
    check.asksAgain
      ? [
          h('p', { class: 'impact' }, 'Visitors who already made a choice will be asked again, because:'),
          h('ul', {}, reasons.map((reason) => h('li', {}, reason))),
          h('p', {}, 'The banner tells them what changed since their choice, naming the new and changed categories.'),
          noteMissing
            ? h('p', { id: 'change-note-missing' }, 'Tip: under “What changed in this version”, say what is new. Otherwise visitors only read that there is a new version.')
            : null,
        ]
      : h('p', { class: 'impact' }, 'Visitors who already made a choice will not be asked again.'),
    notOffered ? h('p', {}, `No longer offered: ${notOffered}. Nobody is asked about it, and its cookies and scripts are never allowed.`) : null,
    h('p', { class: 'hint' }, 'Changing only the banner’s heading or text does not ask visitors again. To ask everyone again, use “Ask everyone again (new version)”.'),
  );
}
