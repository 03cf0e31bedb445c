// Drafts → People API Persons ready for batchCreateContacts, with every problem found.

export type { NormalizeOptions, NormalizeResult, NormalizedDraft } from '../types';
export { normalizeDraft, normalizeAll } from './normalize-draft';
export { parseDate } from './dates';
export { splitFullName } from './names';
export { CARD_LIMIT, cardFits, cardLength } from './card-size';
