// Builds DOM nodes without HTML strings: the demo runs under Trusted Types, and text from a
// configuration file must never be parsed as markup.

/**
 * `h('button', { type: 'button', onclick: fn }, 'Text')`. Props: `on<event>` adds a listener,
 * `value`/`checked` set the property, `true` sets an empty attribute, `false`/null/undefined
 * leave it out, anything else becomes an attribute. Children: nodes, strings, arrays, or null.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked') element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Text only a screen reader reads, e.g. the category a "Remove" button removes. */
export function hiddenText(text) {
  return h('span', { class: 'visually-hidden' }, text);
}

/** Replaces the children of `element`. */
export function replaceChildren(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
}
