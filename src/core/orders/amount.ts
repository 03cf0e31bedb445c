// An amount of money as offices type it: a number cell, "15000", "15 000,50", "15 000.50 ₽", "1,250.00".

/** The amount, or undefined when the text is not one number (a sign, digits with group spaces, one decimal mark). */
export function parseAmount(value: unknown): number | undefined {
  if (typeof value === 'number') return isFinite(value) ? value : undefined;
  let text = String(value ?? '')
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/(₽|руб\.?|р\.|rub|gel|₾|usd|\$|eur|€|лари)$/i, '');
  if (text === '') return undefined;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // Both marks: the later one is the decimal mark, the other groups thousands ("1,250.00", "1.250,00").
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma >= 0) {
    text = text.replace(',', '.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return isFinite(n) ? n : undefined;
}

/** Money rounded to cents, so sums of many rows do not drift (0.1 + 0.2). */
export function cents(n: number): number {
  return Math.round(n * 100) / 100;
}
