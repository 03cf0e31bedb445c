// Header row → mapping → drafts.

export type { Mapping, MappingColumn, MappingLayout } from '../types';
export { autoMap, mappingFingerprint } from './auto-map';
export { applyMapping } from './apply-mapping';
export { headerKey } from './header-key';
