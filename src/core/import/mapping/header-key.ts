// Headers are compared by a key that ignores case, spaces and punctuation: `Моб. телефон`, `МОБ ТЕЛЕФОН` and
// `моб.телефон` are the same column to a person, so they are to us.

export function headerKey(header: string): string {
  return String(header ?? '')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** `Телефон 2`, `E-mail2` → the key without the trailing counter. */
export function withoutCounter(key: string): string {
  return key.replace(/\d+$/, '');
}
