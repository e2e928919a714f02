// The files the editor offers as starting points, relative to demo/. The web server does not
// list folders, so the seed policies of demo/policies/ are named here;
// test/node/editor-seeds.test.mjs fails when this list and the folder disagree.
export const SITE_FILE = { file: 'privacy.json', label: 'The demo website’s settings (privacy.json)' };

export const SEED_FILES = [
  { file: 'veni.json', label: 'VENI Metering AB (Swedish)' },
  { file: 'kwhgreen.json', label: 'kWhgreen (Swedish)' },
  { file: 'kalmar.json', label: 'Kalmar Energi Försäljning AB (Swedish)' },
  { file: 'naestved.json', label: 'Næstved Fjernvarme (Danish)' },
  { file: 'elveta.json', label: 'Picofrost AB / Elveta (Swedish)' },
];
