// Header row → mapping → drafts.

export type { Mapping, MappingColumn, MappingLayout } from '../types';
export { autoMap } from './auto-map';
export { mappingFingerprint, mappingHeaders } from './fingerprint';
export { applyMapping } from './apply-mapping';
export { headerKey } from './header-key';
export { guessByContent, mappingToRemember } from './content-guess';
