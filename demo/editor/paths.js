// JSON paths as the validator writes them (`consent.categories[1].title.sv`), and reading and
// writing the configuration object at such a path.

export function parsePath(path) {
  const keys = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  return keys;
}

export function joinPath(path, key) {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function getAt(root, path) {
  let value = root;
  for (const key of parsePath(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[key];
  }
  return value;
}

/** Sets the value, creating the objects on the way. */
export function setAt(root, path, value) {
  const keys = parsePath(path);
  let parent = root;
  keys.slice(0, -1).forEach((key, i) => {
    if (parent[key] === null || typeof parent[key] !== 'object') parent[key] = typeof keys[i + 1] === 'number' ? [] : {};
    parent = parent[key];
  });
  parent[keys[keys.length - 1]] = value;
}

export function deleteAt(root, path) {
  const keys = parsePath(path);
  const parent = getAt(root, keys.slice(0, -1).reduce((p, key) => joinPath(p, key), ''));
  const last = keys[keys.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (parent && typeof parent === 'object') delete parent[last];
}

/** A stable element id for the field of a path: `consent.categories[1].title.sv` → `f-consent-categories-1-title-sv`. */
export function fieldId(path, suffix = '') {
  return `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}${suffix ? `-${suffix}` : ''}`;
}

/** True when `path` is `ancestor` or lies inside it. */
export function isWithin(path, ancestor) {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

export function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
