// E-mail cells: one address, several (`a@x.ru; b@y.ru`), `Иван <ivan@x.ru>`, `mailto:…`. Addresses are kept as
// written (trimmed); comparisons and dedupe keys use lower case.

import { parseMailAddress } from '../../email-address';

// Local part of dot-separated runs (no dot at either end, none doubled) without spaces or separators; a domain of
// letter/digit labels in any script (`почта.рф`) ending in a top-level domain of two or more letters. No lookbehind:
// the sidebar runs this too, and older Safari rejects the whole script over one.
const EMAIL =
  /^[^\s@<>()[\],;:"\\.]+(?:\.[^\s@<>()[\],;:"\\.]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

export function isValidEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

export interface EmailPiece {
  /** The address as the office wrote it (a display name around it removed). */
  value: string;
  valid: boolean;
}

function piece(raw: string): EmailPiece {
  const text = raw.trim().replace(/^mailto:/i, '');
  const parsed = /[<>]/.test(text) ? parseMailAddress(text) : undefined;
  if (parsed) {
    const inner = /<\s*([^<>\s]+)\s*>/.exec(text)?.[1] ?? parsed.email;
    return { value: inner, valid: isValidEmail(inner) };
  }
  return { value: text, valid: isValidEmail(text) };
}

export function splitEmailCell(text: string): EmailPiece[] {
  const trimmed = String(text ?? '').trim();
  if (!trimmed) return [];
  // Only split when there clearly are several addresses: `ivan@mail,ru` is one mistyped address, not two.
  const at = trimmed.indexOf('@');
  if (at < 0 || trimmed.indexOf('@', at + 1) < 0) return [piece(trimmed)];
  const parts = trimmed
    .split(/[,;\r\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.flatMap((p) => ((p.match(/@/g) ?? []).length > 1 && !/[<>]/.test(p) ? p.split(/\s+/) : [p])).map(piece);
}
