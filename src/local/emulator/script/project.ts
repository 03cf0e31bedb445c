// The two Apps Script projects of the product (see workspace.ts `ProjectId`). Properties, caches, locks and triggers
// are scoped per project, as they are in Apps Script.
export type ScriptProject = 'sheet' | 'gmail';
