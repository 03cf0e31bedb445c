// A sidebar's words use the same catalog rule as the server's (src/core/i18n/catalog.ts).

export { catalog } from '../../core/i18n/catalog';
