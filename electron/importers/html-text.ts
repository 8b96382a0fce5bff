/**
 * DOM to plain text the way a reader sees it: one paragraph per block, a blank line between
 * blocks, whitespace collapsed as a browser collapses it, `<br>` kept as a line break, and
 * nothing from scripts, styles or form controls. Used for HTML pages and HTML-only e-mail.
 * Walks with an explicit stack: scraped pages nest deep enough to overflow recursion.
 */

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'button', 'select', 'textarea', 'input', 'head', 'title', 'meta', 'link',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface HtmlTextOptions {
  /** Also drop site chrome (`nav`, `header`, `footer`, `aside`, `form`): for pages Readability could not read. */
  dropChrome?: boolean;
}

const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form']);

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

type Step = { node: Node; exit: false } | { node: Element; exit: true };

export function htmlToText(root: Node, options: HtmlTextOptions = {}): string {
  const paragraphs: string[] = [];
  let buffer = '';
  let preDepth = 0;

  const flush = (): void => {
    const lines = buffer.split('\n').map((l) => (preDepth > 0 ? l.replace(/\s+$/, '') : l.trim()));
    const paragraph = lines.join('\n').replace(/^\n+|\n+$/g, '');
    if (paragraph.trim() !== '') paragraphs.push(paragraph);
    buffer = '';
  };

  const stack: Step[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.exit) {
      const tag = step.node.localName;
      if (tag === 'pre') {
        flush();
        preDepth--;
      } else if (BLOCK.has(tag)) flush();
      continue;
    }
    const node = step.node;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      // Collapse only HTML whitespace: a no-break space is content, as in a browser.
      buffer += preDepth > 0 ? value : value.replace(/[ \t\n\r\f]+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.localName;
      if (SKIP.has(tag) || isHidden(el) || (options.dropChrome && CHROME.has(tag))) continue;
      if (tag === 'br') {
        buffer += '\n';
        continue;
      }
      if (tag === 'td' || tag === 'th') buffer += ' ';
      if (tag === 'pre') {
        flush();
        preDepth++;
      } else if (BLOCK.has(tag)) flush();
      stack.push({ node: el, exit: true });
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
  }
  flush();
  return paragraphs.join('\n\n');
}
