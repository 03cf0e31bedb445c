// How a text is compared with a client's name, label or manager: lower-case, ё as е, one space between words. The
// resolver and the search both compare through here, so "Ёлкина", "ёлкина" and "ЕЛКИНА  " are one name.

/** Lower-case, ё → е, runs of spaces (and non-breaking ones) as one, trimmed. */
export function normalizeText(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The words of a name: "Козлова  Елена, Петровна" → ['козлова', 'елена', 'петровна']. */
export function nameTokens(text: unknown): string[] {
  return normalizeText(text)
    .split(/[\s,;]+/)
    .filter((t) => t !== '');
}

export const digitsOf = (text: string): string => String(text ?? '').replace(/\D/g, '');

const RESOURCE_NAME = /^people\/c[\w-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^[+\d\s().\-\u00a0]+$/;

export const isResourceName = (text: string): boolean => RESOURCE_NAME.test(text.trim());
export const isEmail = (text: string): boolean => EMAIL.test(text.trim());
/** Digits and what people write between them (+, spaces, brackets, dashes, dots), with at least `min` digits. */
export const isPhoneLike = (text: string, min = 6): boolean =>
  PHONE_CHARS.test(text.trim()) && digitsOf(text).length >= min;

/**
 * Whether every query token is a prefix of a different name token (any order): "козлова ел" matches
 * "козлова елена петровна", "ел ел" does not match "елена". Names have a few words, so trying each assignment is cheap.
 */
export function tokensMatch(query: string[], name: string[]): boolean {
  if (query.length === 0 || query.length > name.length) return false;
  const used = new Array<boolean>(name.length).fill(false);
  // Longest query tokens first: they have the fewest places to go.
  const order = [...query].sort((a, b) => b.length - a.length);
  const place = (i: number): boolean => {
    if (i === order.length) return true;
    for (let j = 0; j < name.length; j++) {
      if (used[j] || !name[j].startsWith(order[i])) continue;
      used[j] = true;
      if (place(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return place(0);
}

/** The same words, in any order: "петрова мария" is "мария петрова". */
export function sameTokens(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((t, i) => t === y[i]);
}
