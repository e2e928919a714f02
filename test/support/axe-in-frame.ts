/**
 * axe-core run inside a page opened in a frame (the page's own document and window), so that it
 * sees the page as the page's browser context renders it. The page must allow the injected
 * script: open it without its Content-Security-Policy (the editor's and console's `?axe`).
 */
interface AxeWindow {
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> };
}

/** WCAG 2.2 A and AA, and axe's best practices. */
export const AXE_RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe's findings in `context` (a document, or an element in it), as `rule: elements`. */
export async function axeInFrame(context: Document | Element, runOnly: string[] = AXE_RULES): Promise<string[]> {
  const doc = context.ownerDocument ?? (context as Document); // a document's own is null (and instanceof fails across frames)
  const win = doc.defaultView as unknown as AxeWindow;
  if (!win.axe) {
    const script = doc.createElement('script');
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    script.src = '/node_modules/axe-core/axe.min.js';
    doc.head.append(script);
    await loaded;
  }
  const { violations } = await win.axe!.run(context, { runOnly });
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
