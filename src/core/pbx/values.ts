// Small readers shared by the PBX adapters: a PBX sends every value as text (form fields) or as loosely typed JSON, and
// a call-log file holds whatever the PBX or a person wrote. Nothing here knows a provider.

/** A field as text: numbers become their decimal text, anything else (objects, null) is ''. */
export function fieldText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && isFinite(value)) return String(value);
  return '';
}

/** A whole number of seconds written as digits ('185', 185, a unix time); undefined for anything else. */
export function wholeSeconds(value: unknown): number | undefined {
  const text = fieldText(value);
  if (!/^\d{1,11}$/.test(text)) return undefined;
  return Number(text);
}

/** A unix time in seconds (Mango's create_time…) as an instant; undefined when it is not one. */
export function unixInstant(value: unknown): Date | undefined {
  const seconds = wholeSeconds(value);
  // 2001-09-09 … 2286: anything smaller is a zero or a duration sent by mistake, not a call's time.
  if (seconds === undefined || seconds < 1_000_000_000) return undefined;
  return new Date(seconds * 1000);
}

/** The digits of a phone-like text ('+7 (912) 345-67-89' → '79123456789'); '' when it holds other letters. */
export function phoneDigits(text: string): string {
  const t = text.trim();
  if (!/^\+?[\d\s().-]+$/.test(t)) return '';
  return t.replace(/\D/g, '');
}

/**
 * An extension of the office's PBX: 2–5 digits ('101', '5000'). Outside numbers are longer — even a short city
 * number has six digits — so the length tells the two apart in every log we read.
 */
export function isExtension(text: string): boolean {
  return /^\d{2,5}$/.test(text.trim());
}

/** A number outside the office: 6 digits or more once spaces, brackets and dashes are gone. */
export function isOutsideNumber(text: string): boolean {
  return phoneDigits(text).length >= 6;
}

/** A duration as seconds: '185', '3:05', '03:05', '0:03:05', '00:03:05'; undefined when it is none of those. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,9}$/.test(t)) return Number(t);
  const clock = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (!clock) return undefined;
  const [h, m, s] = [Number(clock[1] ?? 0), Number(clock[2]), Number(clock[3])];
  if (s > 59 || (clock[1] !== undefined && m > 59)) return undefined;
  return h * 3600 + m * 60 + s;
}
