// The migration commands against a real Google account (`--target google`): the same core code (read, map, clean,
// plan, undo plan) over googleapis instead of the sandbox's bundle. Not testable here (no network); the executor is
// tested over the emulator through the same AsyncPeopleDirectory (test/local/google/import-target.test.ts).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanImportFile, openImportFile } from '../../core/import/pipeline';
import { planSteps } from '../../core/import/execute/run';
import type { Person } from '../../core/import/types';
import { phoneKey } from '../../core/phone';
import { settingDefault } from '../../core/settings/definitions';
import type { AsyncPeopleDirectory } from '../../core/ports/people';
import { runStepsAsync } from '../../core/ports/steps';
import { authorize } from '../google/auth';
import { importToGoogle, undoOnGoogle } from '../google/import-runner';
import { googlePeople } from '../google/people-client';
import { flag, ParsedArgs, UsageError } from './args';
import { exportTarget, writeExport } from './export-file';
import { previewOutput } from './preview-output';

export function journalDir(): string {
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'office-crm', 'imports');
}

export async function connect(args: ParsedArgs): Promise<AsyncPeopleDirectory> {
  const credentials = flag(args, 'credentials') ?? process.env.CRM_GOOGLE_CREDENTIALS;
  if (!credentials)
    throw new UsageError(
      '--target google needs the OAuth client JSON: --credentials FILE or CRM_GOOGLE_CREDENTIALS (README → "The CLI against a real account")',
    );
  return googlePeople(await authorize(credentials));
}

function readAndClean(args: ParsedArgs, importId?: string) {
  const file = args.positional[0];
  if (!file) throw new UsageError('Which file?');
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
  const opened = openImportFile(new Uint8Array(fs.readFileSync(file)), path.basename(file), {
    encoding: flag(args, 'encoding'),
    delimiter: flag(args, 'delimiter'),
    sheetName: flag(args, 'sheet'),
  });
  const region = (flag(args, 'region') ?? settingDefault('defaultCountry', () => 'ru')).toUpperCase();
  const cleaned = cleanImportFile(opened, opened.proposed, { defaultCountry: region, locale: 'ru', importId });
  const label = flag(args, 'label');
  if (label)
    for (const c of cleaned.contacts)
      if (!c.labels.some((l) => l.toLowerCase() === label.toLowerCase())) c.labels.push(label);
  return { opened, cleaned, keyOf: (raw: string) => phoneKey(raw, region) };
}

async function labelled(
  port: AsyncPeopleDirectory,
  label?: string,
): Promise<Array<{ person: Person; labels: string[] }>> {
  const [contacts, groups] = await Promise.all([port.listContacts(), port.listUserGroups()]);
  const nameOf = new Map(groups.map((g) => [g.resourceName, g.name]));
  const wanted = label ? groups.find((g) => g.name.toLowerCase() === label.toLowerCase()) : undefined;
  if (label && !wanted) throw new Error(`There is no label "${label}" in Google Contacts.`);
  return contacts
    .map((person) => {
      const ids = (person.memberships ?? []).map((m) =>
        String(m.contactGroupMembership?.contactGroupResourceName ?? ''),
      );
      return { person, labels: ids.map((id) => nameOf.get(id)).filter((n): n is string => !!n), ids };
    })
    .filter((c) => !wanted || c.ids.includes(wanted.resourceName))
    .map(({ person, labels }) => ({ person, labels }));
}

export async function runOnGoogle(command: string, args: ParsedArgs, port: AsyncPeopleDirectory): Promise<unknown> {
  switch (command) {
    case 'preview': {
      const { opened, cleaned, keyOf } = readAndClean(args);
      const { plan } = await runStepsAsync(planSteps('preview', cleaned.contacts, keyOf), { people: port });
      return previewOutput(opened, opened.proposed, cleaned, plan);
    }
    case 'import': {
      const importId = flag(args, 'id') ?? `imp-${Date.now().toString(36)}`;
      const { cleaned, keyOf } = readAndClean(args, importId);
      const result = await importToGoogle(port, cleaned.contacts, {
        importId,
        journalDir: journalDir(),
        phoneKey: keyOf,
      });
      return { ...result, errors: cleaned.problems };
    }
    case 'undo': {
      const importId = args.positional[0];
      if (!importId) throw new UsageError('Which import?');
      const region = (flag(args, 'region') ?? settingDefault('defaultCountry', () => 'ru')).toUpperCase();
      return undoOnGoogle(port, { importId, journalDir: journalDir(), phoneKey: (raw) => phoneKey(raw, region) });
    }
    case 'export': {
      const target = exportTarget(args);
      return writeExport(target, await labelled(port, flag(args, 'label')));
    }
    case 'contacts':
      return (await labelled(port)).map(({ person, labels }) => ({ ...person, labels }));
    default:
      throw new UsageError(`"${command}" works on the sandbox only (the event log lives in the CRM spreadsheet)`);
  }
}
