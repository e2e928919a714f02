// Where a configuration comes from: a file from the computer (picker or drag and drop), or a
// file shipped with the demo. Everything is read in the browser; nothing is uploaded.
import { h, replaceChildren } from './dom.js';
import { SEED_FILES, SITE_FILE } from './seeds.js';

/** Parses a file's text; says in plain words what is wrong when it is not a settings file. */
export function parseConfigText(text, fileName) {
  let config;
  try {
    config = JSON.parse(text);
  } catch {
    throw new Error(`${fileName} is not a settings file: it could not be read as JSON. Open the file your web team gave you, usually privacy.json.`);
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new Error(`${fileName} is not a settings file: it does not contain settings.`);
  }
  return config;
}

/** Calls `open(config, fileName)` for a chosen or dropped file, `fail(message)` when it cannot be read. */
export function wireFileSources({ input, dropZone, open, fail }) {
  const read = async (file) => {
    if (!file) return;
    try {
      open(parseConfigText(await file.text(), file.name), file.name);
    } catch (error) {
      fail(error.message);
    }
  };
  input.addEventListener('change', () => {
    void read(input.files?.[0]);
    input.value = ''; // choosing the same file again reopens it
  });
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    void read(event.dataTransfer?.files?.[0]);
  });
}

/** One button per shipped file; the file is fetched when chosen. */
export function renderStartingPoints(list, { open, fail }) {
  const entries = [SITE_FILE, ...SEED_FILES.map((seed) => ({ ...seed, file: `policies/${seed.file}` }))];
  replaceChildren(
    list,
    entries.map(({ file, label }) =>
      h(
        'li',
        {},
        h('button', {
          type: 'button',
          class: 'secondary',
          'data-file': file,
          onclick: async () => {
            try {
              const response = await fetch(new URL(file, document.baseURI));
              if (!response.ok) throw new Error(`${file} could not be loaded (HTTP ${response.status}).`);
              open(parseConfigText(await response.text(), file.split('/').pop()), file.split('/').pop());
            } catch (error) {
              fail(error instanceof TypeError ? `${file} could not be loaded: is the demo server running?` : error.message);
            }
          },
        }, label),
      ),
    ),
  );
}
