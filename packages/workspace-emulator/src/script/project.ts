// An Apps Script project's id, as the host names it when it loads the project (e.g. a script id or a short name).
// Properties, caches, locks and triggers are scoped per project, as they are in Apps Script.
export type ScriptProject = string;
