// Tiny DOM helpers for the sandbox pages: text goes in through textContent only.

export type Child = Node | string | number | null | undefined | false;

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | ((e: Event) => void) | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (typeof v === 'function') node.addEventListener(k, v);
    else node.setAttribute(k, v);
  }
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'object' ? c : String(c));
  return node;
}

export async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  const data = await r.json();
  if (!r.ok) throw new Error(data?.error?.message ?? r.statusText);
  return data as T;
}

export async function postJson<T>(url: string, body: unknown = {}): Promise<T> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await r.json();
  if (!r.ok) throw new Error(data?.error?.message ?? r.statusText);
  return data as T;
}

export function toast(text: string): void {
  const node = element('div', { class: 'toast', role: 'status' }, text);
  document.body.append(node);
  setTimeout(() => node.remove(), 5000);
}

/** Tags of the small HTML subset Google renders in card text (cards reference: "Card text formatting"). */
const CARD_TAGS: Record<string, keyof HTMLElementTagNameMap> = {
  B: 'b',
  I: 'i',
  U: 'u',
  S: 's',
  STRIKE: 's',
  BR: 'br',
  FONT: 'span',
  A: 'a',
};

/**
 * Card text as Gmail shows it: the formatting subset rendered, anything else as plain text. Parsed into an inert
 * document and rebuilt element by element, so a script or handler in client data can never run here.
 */
export function cardText(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const out = document.createDocumentFragment();
  const copy = (from: Node, to: Node) => {
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) to.appendChild(document.createTextNode(child.textContent ?? ''));
      else if (child instanceof Element && CARD_TAGS[child.tagName]) {
        const node = document.createElement(CARD_TAGS[child.tagName]);
        const href = child.getAttribute('href');
        if (node instanceof HTMLAnchorElement && href && /^https?:\/\//i.test(href)) {
          node.href = href;
          node.target = '_blank';
          node.rel = 'noopener';
        }
        const color = child.getAttribute('color');
        if (child.tagName === 'FONT' && color && /^#?[\w]+$/.test(color)) node.style.color = color;
        copy(child, node);
        to.appendChild(node);
      } else copy(child, to);
    }
  };
  copy(parsed, out);
  return out;
}
