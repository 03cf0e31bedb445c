// vCard files (2.1, 3.0, 4.0) go straight to contact drafts: they already say which value is a phone or a name.
// What a card carries that Google Contacts cannot take from an import is dropped knowingly: photos (one warning with
// a count, `hadPhoto` on the draft), sounds, keys, revision stamps, app-internal X- properties.

import type { Locale } from '../../i18n/locale';
import { readerText } from './reader-messages';
import { ContactDraft, emptyDraft } from '../types';
import { ReadError, unknownEncoding } from './read-error';
import { canonicalEncoding, decodeText, detectEncoding, encodingDecision } from './text-decoding';
import { CardDraft, groupLabels, readProperty } from './vcard-properties';
import { logicalLines, parseProperty, VProperty } from './vcard-syntax';

export interface VcardOptions {
  encoding?: string;
  /** The language of the warnings (English when absent). */
  locale?: Locale;
}

export interface VcardRead {
  encoding: string;
  drafts: ContactDraft[];
  warnings: string[];
}

export interface Card {
  line: number;
  props: VProperty[];
  closed: boolean;
}

function isVcardMarker(p: VProperty): boolean {
  return p.raw.trim().toUpperCase() === 'VCARD';
}

/** The cards of a file, each with its properties (nested AGENT cards left out). */
export function splitCards(text: string): Card[] {
  const cards: Card[] = [];
  let card: Card | undefined;
  let nested = 0;
  for (const l of logicalLines(text)) {
    const p = parseProperty(l);
    if (!p) continue;
    if (p.name === 'BEGIN' && isVcardMarker(p)) {
      if (card) nested++;
      else cards.push((card = { line: l.line, props: [], closed: false }));
    } else if (p.name === 'END' && isVcardMarker(p)) {
      if (nested > 0) nested--;
      else if (card) {
        card.closed = true;
        card = undefined;
      }
    } else if (card && p.name === 'AGENT' && p.raw.trim().toUpperCase() === 'BEGIN:VCARD') {
      nested++; // a 2.1 AGENT embeds another person's card: not this client's data
    } else if (card && nested === 0) card.props.push(p);
  }
  return cards;
}

// Properties that describe the file or the program, not the client.
const IGNORED = new Set([
  'VERSION',
  'PRODID',
  'REV',
  'UID',
  'SOURCE',
  'NAME',
  'KIND',
  'CLASS',
  'SORT-STRING',
  'MAILER',
  'TZ',
  'GEO',
  'KEY',
  'SOUND',
  'LOGO',
  'AGENT',
  'PROFILE',
  'CLIENTPIDMAP',
  'XML',
  'FBURL',
  'CALURI',
  'CALADRURI',
  'MEMBER',
  'LANG',
  'X-ABLABEL',
]);

interface CardRead {
  draft: ContactDraft;
  photo: boolean;
}

function cardToDraft(card: Card): CardRead {
  const filling: CardDraft = { draft: emptyDraft(card.line), addressLabels: [] };
  const labels = groupLabels(card.props);
  let photo = false;
  for (const p of card.props) {
    if (p.name === 'PHOTO') photo = true;
    else if (!IGNORED.has(p.name) && p.encoding !== 'base64') readProperty(filling, p, labels);
  }
  attachAddressLabels(filling);
  if (photo) filling.draft.hadPhoto = true;
  return { draft: filling.draft, photo };
}

/** A 2.1/3.0 LABEL is the printed form of the ADR of its type, or an address of its own when there is none. */
function attachAddressLabels({ draft, addressLabels }: CardDraft): void {
  for (const l of addressLabels) {
    const match = draft.addresses.find((a) => !a.formatted && a.type === l.type);
    if (match) match.formatted = l.text;
    else draft.addresses.push({ column: 'LABEL', ...(l.type ? { type: l.type } : {}), formatted: l.text });
  }
}

/**
 * 2.1 cards may carry raw 8-bit text in the charset a CHARSET parameter names (Shift_JIS, Windows-1251). When the bytes
 * are not UTF-8, that parameter is a better guide than guessing.
 */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const detected = detectEncoding(bytes);
  if (detected === 'utf-8' || detected.startsWith('utf-16')) return undefined;
  let ascii = '';
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i++) ascii += bytes[i] < 0x80 ? String.fromCharCode(bytes[i]) : ' ';
  const re = /CHARSET=([A-Za-z0-9_.-]+)/gi;
  for (let m = re.exec(ascii); m; m = re.exec(ascii)) {
    const label = canonicalEncoding(m[1]);
    if (label && label !== 'utf-8') return label;
  }
  return undefined;
}

export function readVcard(bytes: Uint8Array, fileName: string, options: VcardOptions = {}): VcardRead {
  const decoded = decodeText(bytes, options.encoding ?? declaredCharset(bytes));
  if (!decoded) throw unknownEncoding(fileName, options.encoding);
  const cards = splitCards(decoded.text);
  if (cards.length === 0)
    throw new ReadError('no-vcard', fileName, `"${fileName}" holds no contact: no BEGIN:VCARD line was found.`);
  const warnings: string[] = [];
  const decision = encodingDecision(decoded, fileName, options.locale);
  if (decision) warnings.push(decision);
  const drafts: ContactDraft[] = [];
  let photos = 0;
  for (const card of cards) {
    const { draft, photo } = cardToDraft(card);
    if (photo) photos++;
    drafts.push(draft);
    if (!card.closed) warnings.push(readerText(options.locale, 'vcardUnclosed', { line: card.line, file: fileName }));
  }
  if (photos > 0) warnings.push(readerText(options.locale, 'vcardPhotos', { count: photos }));
  if (decoded.guess?.kind === 'utf-8-damaged') {
    const damaged = drafts.filter((d) => JSON.stringify(d).includes('\uFFFD')).map((d) => d.rowNumber);
    if (damaged.length)
      warnings.push(readerText(options.locale, 'vcardDamaged', { file: fileName, lines: damaged.join(', ') }));
  }
  return { encoding: decoded.encoding, drafts, warnings };
}
