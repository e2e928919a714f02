/**
 * Drives the settings editor (demo/editor.html) in an iframe, as a person would: buttons are
 * clicked, text is typed into fields, files are chosen through the real file input. Fields are
 * found by the JSON path they edit (`data-path`).
 */
import { loadFrame, until } from './helpers.js';
import { axeInFrame } from './axe-in-frame.js';

export interface Download {
  /** The downloaded file's text, read back from the download link's object URL. */
  json?: string;
  /** The refusal shown instead, when the editor refused to export. */
  refused?: string;
}

export class EditorFrame {
  constructor(readonly frame: HTMLIFrameElement) {}

  get doc(): Document {
    return this.frame.contentDocument!;
  }

  get win(): Window & typeof globalThis {
    return this.frame.contentWindow as Window & typeof globalThis;
  }

  $<T extends Element = HTMLElement>(selector: string): T {
    const element = this.doc.querySelector<T>(selector);
    if (!element) throw new Error(`No ${selector} in the editor`);
    return element;
  }

  /** The input, checkbox or text area that edits `path`. */
  field<T extends HTMLElement = HTMLInputElement>(path: string): T {
    return this.$<T>(`[data-path="${CSS.escape(path)}"]`);
  }

  /** Sets a field's text as typing would, firing `input`. */
  type(path: string, text: string): void {
    const field = this.field<HTMLInputElement>(path);
    field.value = text;
    field.dispatchEvent(new this.win.Event('input', { bubbles: true }));
  }

  click(selector: string): void {
    this.$<HTMLElement>(selector).click();
  }

  /** Opens one of the files shipped with the demo (`privacy.json`, `policies/…`). */
  async startFrom(file: string): Promise<void> {
    const opened = this.openings();
    this.$<HTMLButtonElement>(`#starting-points button[data-file="${file}"]`).click();
    await until(() => this.openings() > opened && this.$('#opened-name').textContent === file.split('/').pop(), `editor to open ${file}`, 15000);
  }

  /** How many times a file was opened in this editor. */
  private openings(): number {
    return Number(this.doc.documentElement.dataset.opened ?? 0);
  }

  /** Chooses a file through the file input, as the file picker would. */
  async openFile(content: string, name = 'privacy.json'): Promise<void> {
    const opened = this.openings();
    const input = this.$<HTMLInputElement>('#file-input');
    const transfer = new this.win.DataTransfer();
    transfer.items.add(new this.win.File([content], name, { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new this.win.Event('change', { bubbles: true }));
    await until(() => this.openings() > opened && this.$('#opened-name').textContent === name, `editor to open ${name}`, 15000);
  }

  /** Presses Check and download; returns the file or the refusal. */
  async download(): Promise<Download> {
    this.click('#download');
    const link = this.$<HTMLAnchorElement>('#download-link');
    const result = this.$('#download-result');
    await until(() => result.textContent !== '', 'download result', 15000);
    if (result.classList.contains('refused')) return { refused: result.textContent! };
    const response = await fetch(link.href);
    return { json: await response.text() };
  }

  /** The texts of the problem summary's items. */
  problems(): string[] {
    return [...this.doc.querySelectorAll('#problem-summary li')].map((item) => item.textContent!.trim());
  }

  /** The missing-translation items, as `language path`. */
  missing(): string[] {
    return [...this.doc.querySelectorAll<HTMLElement>('#missing-translations button[data-path]')].map((button) => button.dataset.path!);
  }
}

/**
 * axe-core's findings on the editor page, as `rule: elements`. axe runs inside the page, so the
 * page must be opened with `openEditor('?axe')` (without the CSP, which forbids injecting it).
 */
export function axeViolations(editor: EditorFrame): Promise<string[]> {
  return axeInFrame(editor.doc);
}

export async function openEditor(query = ''): Promise<EditorFrame> {
  const frame = await loadFrame(`/demo/editor.html${query}`);
  frame.style.width = '1200px';
  frame.style.height = '900px';
  await until(() => frame.contentDocument?.documentElement.dataset.editorReady === 'true', 'the editor to start', 8000);
  return new EditorFrame(frame);
}
