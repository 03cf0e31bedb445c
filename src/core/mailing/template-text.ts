// A template as the office writes it in a file or a Google Doc: an optional first line "Subject: …" (or "Тема: …",
// "თემა: …") is the e-mail's subject, the rest the body. A Doc whose first line is not so marked still gives its first
// line as the subject when none was typed (the design: a Doc's title line is what the office reads as the subject).

const SUBJECT_LINE = /^\s*(?:subject|тема|თემა)\s*:\s*(.*)$/i;

export interface TemplateText {
  subject?: string;
  body: string;
}

/** Splits a marked subject line off; `firstLineIsSubject` takes an unmarked first line as the subject too. */
export function splitTemplate(text: string, firstLineIsSubject = false): TemplateText {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const [first, ...rest] = normalised.split('\n');
  const marked = SUBJECT_LINE.exec(first ?? '');
  const body = rest.join('\n').replace(/^\n+/, '').replace(/\s+$/, '');
  if (marked) return { subject: marked[1].trim(), body };
  if (firstLineIsSubject && (first ?? '').trim() !== '' && rest.length) return { subject: first.trim(), body };
  return { body: normalised.replace(/\s+$/, '') };
}
