// The card index behind the Gmail card: sender e-mail or phone → what the card shows. Pure rules; the Sheets and
// CacheService adapters live in src/server/card-index.

export * from './entry';
export * from './build';
export * from './apply-event';
export * from './apply-contact';
export * from './fit-entry';
export * from './keys';
export * from './summary';
export * from './key-cache';
export * from './recording-directory';
