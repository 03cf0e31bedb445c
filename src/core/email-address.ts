// Sender strings as Gmail gives them: `Иван Петров <ivan@example.com>`, `"Petrov, Ivan" <ivan@x.ru>`, `ivan@x.ru`.

export interface MailAddress {
  name: string;
  email: string;
}

export function parseMailAddress(from: string): MailAddress | undefined {
  const text = String(from ?? '').trim();
  const angle = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/.exec(text);
  if (angle)
    return {
      name: angle[1]
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
      email: angle[2].toLowerCase(),
    };
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(text)) return { name: '', email: text.toLowerCase() };
  return undefined;
}
