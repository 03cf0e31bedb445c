// Builds DOM from data with textContent only: no client-supplied string is ever parsed as HTML.

type Child = Node | string | number | null | undefined | false;

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false) el.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the sidebar`);
  return el as T;
}

/** Puts each element's words in (by id), in the sidebar's language: `say` turns a catalogue key into text. */
export function fillTexts<K extends string>(texts: Record<string, K>, say: (key: K) => string): void {
  for (const [id, key] of Object.entries(texts)) byId(id).textContent = say(key as K);
}

/**
 * A phone as a tel: link (the office's phones dial from the sidebar; mobile browsers and softphones take it). `e164`,
 * when known, is what is dialled: the number as the office writes it may be national (8 912…).
 */
export function phoneLink(phone: string, e164 = ''): Node | null {
  if (!phone) return null;
  const dial = (e164 || phone).replace(/[^\d+]/g, '');
  return element('a', { class: 'tel', href: `tel:${dial}`, 'data-phone': dial }, phone);
}

/** Refills a select with `values` (after an optional first choice), keeping the current choice when it remains. */
export function options(select: HTMLSelectElement, values: string[], first?: { value: string; label: string }): void {
  const keep = select.value;
  replaceChildren(
    select,
    first ? element('option', { value: first.value }, first.label) : null,
    ...values.map((v) => element('option', { value: v }, v)),
  );
  if (keep && [...select.options].some((o) => o.value === keep)) select.value = keep;
}
