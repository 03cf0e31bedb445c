// Planning an import into Google Contacts — dedupe, merge, batching, resume and undo — as pure functions.
// The executor (core/import/execute) lists the account once, calls planImport, then runs batchPlan's calls,
// journaling entriesBeforeCall/entriesAfterCall around each; undoPlan plans the way back from the journal.
// Nothing here touches a Google global.

export * from './types';
export { CRM_KEYS, contentFingerprint, fieldFingerprint, type PhoneKey } from './keys';
export { CONTENT_FIELDS, FIELD_ORDER, MERGE_FIELDS } from './fields';
export { mergePerson, type MergeResult } from './merge';
export { existingIndex, type ExistingIndex } from './existing-index';
export { clientIdFor, planImport, resumeFilter } from './plan';
export {
  PEOPLE_LIMITS,
  batchPlan,
  callBudget,
  labelMembers,
  minimumCalls,
  personForCreate,
  planCounts,
  updateMaskOf,
  type CallBudget,
} from './batches';
export { reapplyUpdate } from './reapply';
export {
  SHEET_CELL_LIMIT,
  afterCall,
  beforeCall,
  checkpointChunks,
  checkpointOf,
  entriesAfterCall,
  entriesBeforeCall,
  entriesOf,
  joinCheckpointChunks,
  newCheckpoint,
  parseCheckpoint,
  serializeCheckpoint,
  updateRecords,
  withEntries,
  type CallResult,
} from './checkpoint';
export { ACCOUNT_CONTACT_LIMIT, AccountLimitError, accountRoom, type AccountRoom } from './account-limit';
export { undoPlan, type UndoOptions } from './undo';
