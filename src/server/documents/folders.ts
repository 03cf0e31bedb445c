// Where documents go: "CRM documents — <spreadsheet>" (made once, remembered by id like the backup's root), and in it
// one folder per client named as the card, told apart by its appProperties (the contact's resourceName), so two
// clients of the same name get two folders. Drive's query language can search appProperties, but only the name is
// searched here (the emulator does not model `appProperties has`, and a name query is as cheap): the folders of
// that name are listed and the one whose appProperties name the client is taken. A client renamed since gets a new
// folder under the new name; the old one keeps the earlier documents.

import { FOLDER_MIME, keptFolder, listAll, quoted, withDriveRetry } from '../backup/drive-folders';
import { addonProperties } from '../sheets/crm-spreadsheet';
import { files } from './google';

export const DOCUMENTS_FOLDER_PROPERTY = 'crm.documentsFolderId';
const CLIENT_KEY = 'crmClient';

export function documentsRoot(spreadsheetName: string): string {
  // The script properties are read whole once per execution (the office's owner is among them): no second read.
  const kept = addonProperties()[DOCUMENTS_FOLDER_PROPERTY] ?? null;
  return keptFolder(DOCUMENTS_FOLDER_PROPERTY, `CRM documents — ${spreadsheetName}`, kept).id;
}

/** The client's folder in the documents' root, made the first time. */
export function clientFolder(root: string, resourceName: string, clientName: string): string {
  const name = clientName.trim() || resourceName;
  const found = listAll(
    `${quoted(root)} in parents and name = ${quoted(name)} and mimeType = '${FOLDER_MIME}' and trashed = false`,
    'id,appProperties',
  ).find((f) => (f.appProperties as Record<string, string> | undefined)?.[CLIENT_KEY] === resourceName);
  if (found) return String(found.id);
  const made = withDriveRetry(() =>
    files().create({ name, mimeType: FOLDER_MIME, parents: [root], appProperties: { [CLIENT_KEY]: resourceName } }),
  );
  return String(made.id);
}
