// `npm run crm -- <command>`: the CRM from a terminal, on the sandbox's emulated Workspace (.sandbox/, or --dir).
// Every command prints JSON on stdout (preview: a summary unless --json); messages go to stderr; a usage error
// exits with 2, a failure with 1.

import { flag, parseArgs, Refusal, UsageError } from './args';
import { addClientCommand, clientCommand, editCommand } from './client-commands';
import { findCommand } from './find-commands';
import {
  birthdaysCommand,
  cancelCommand,
  doneCommand,
  dueCommand,
  rescheduleCommand,
  undoLastCommand,
} from './day-commands';
import { cardCommand, logCommand, quietCommand } from './event-commands';
import { connect, runOnGoogle } from './google-commands';
import { contactsCommand, exportCommand, importCommand, previewCommand, undoCommand } from './import-commands';
import { openCliOffice } from './office-state';
import { settingsCommand, sheetCommand } from './sheet-commands';
import { dashboardCommand, reportCommand } from './report-commands';
import { orderCommand } from './order-commands';
import { backupCommand, backupsCommand } from './backup-commands';
import { staffCommand } from './staff-commands';
import { restoreCommand } from './restore-commands';
import { journalCommand, revertCommand } from './journal-commands';
import { callbacksCommand, importCallsCommand, processInboxCommand } from './call-commands';
import { pbxSecretCommand, webhookCommand } from './pbx-commands';
import { documentCommand } from './document-commands';
import { mailingCommand } from './mailing-commands';

/** A refusal says what was refused and what is allowed; a malformed command also gets the usage text. */
function usageText(e: UsageError): string {
  return e instanceof Refusal ? `${e.message}\n` : `${e.message}\n\n${HELP}\n`;
}

const HELP = `Usage: npm run crm -- <command> [options]   (state: .sandbox/, or --dir FOLDER)

  preview FILE [--region RU] [--encoding windows-1251] [--sheet NAME] [--json]
                                   read and clean a client base; writes nothing
  import FILE [--region RU] [--label NAME] [--id IMPORT_ID]
                                   import it into Google Contacts (dedupe, merge, resumable)
  undo IMPORT_ID                   remove what an import created and restore what it changed
  export --format google-csv|outlook-csv|vcard|xlsx --out FILE [--label NAME]
  contacts --json                  every contact of the account, as People API Persons with labels
  restore NIGHT|FILE [--preview] [--only RN,RN] --json
                                   bring a kept night (YYYY-MM-DD) or a copy on disk (a night folder of
                                   backup --out, a contacts-NNN.json, a .vcf) back: created, updated, unchanged,
                                   events relinked; runs until done (a big base takes several executions)

  find QUERY [--label L] [--manager M] [--quiet] [--birthday-week] [--limit N] [--json]
                                   clients by name (any order, prefix, ё = е), phone (or its last 6+ digits),
                                   e-mail, label or manager, best match first, from the Card index
  log --client <name|e-mail|phone|resourceName> --kind KIND --reason REASON [--at ISO] [--planned]
      [--manager NAME] [--note TEXT] [--no-client | --new-client [--phone P]]
                                   log an event (a planned one gets a calendar reminder); the client must be ONE
                                   client (exit 2 with the candidates), or --no-client logs the text only, or
                                   --new-client creates the client from --client ("Name <e-mail>", an e-mail,
                                   a phone or a name), or finds the one with that e-mail or phone
  due [--at ISO] [--days N] [--manager M] --json
                                   planned events due today (N = 0, default) and overdue, or up to tomorrow
                                   (N = 1) or the week ahead (N = 7); one manager's with --manager; by manager
  birthdays [--at ISO] [--days N] --json
                                   clients whose birthday is today or in the next days (default 7: this week)
  done EVENT_ID [--result TEXT]    mark a planned event done (EVENT_ID: the id crm due prints)
  cancel EVENT_ID                  cancel a planned event (its calendar event is deleted)
  reschedule EVENT_ID --at ISO     move a planned event (and its calendar event)
  undo-last                        revert the last done / cancel / reschedule made from this state folder
  quiet [--days N] [--at ISO] --json
                                   clients gone quiet, with their last event date
  (ISO: 2026-12-02T10:00 is 10:00 office time — Settings → timeZone, else the spreadsheet's zone;
   with Z or an offset, e.g. 2026-12-02T10:00+03:00, it is that instant)
  card --from "Name <e-mail>" --json
                                   the Gmail card for a message from that sender, and its service calls

  client QUERY --json              one client's card, planned events, and the whole history newest first
  edit QUERY --set FIELD=VALUE... [--add FIELD=VALUE]... [--remove FIELD=VALUE]...
                                   change the card (FIELD: familyName, givenName, middleName, phone, email,
                                   label, manager, birthday, firstVisit, notes, company, title; --add/--remove
                                   for phone, email, label; dates dd.mm.yyyy or yyyy-mm-dd); prints the client
  add-client --from "Name <e-mail>" [--phone P] [--label L] [--manager M] --json
                                   add a client; an existing e-mail or phone gives created:false and that client
  (QUERY: what the resolver takes — a resourceName, an e-mail, a phone or its last 6+ digits, a name in any
   word order; exit 2 with the candidates when it names several clients or none)

  report --from ISO --to ISO [--by manager,kind|manager,reason|kind,reason|label|manager,shift] --json
                                   done events from..to (office days, both inclusive) counted by the grouping
                                   (default manager,kind): {"rows": [{"group", "count"}], "funnel": [{"stage",
                                   "count", "conversion"}], "period"}; computed from the sheets, nothing written
  order --client QUERY [--amount N] [--state offer|ordered|invoiced|paid|cancelled] [--currency C]
      [--kind K] [--reason R] [--at ISO] [--manager M] [--note T] --json
                                   log an order for ONE client (kind/reason default: Settings orderKind/
                                   orderReason; currency: Settings currency; state without one: ordered):
                                   {"event", "totals": {CUR: {"paid","debt","forecast","orders"}}, "problems"}
  order --event ID [--state S] [--amount N] [--currency C] --json
                                   change an order (crm undo-last reverts it); same output plus "message"
  dashboard --json                 refresh the Dashboard sheet (KPI cells, chart data, its four charts) and print
                                   the KPI cells: active clients, new clients, calls, meetings, on-time %

  backup [--out DIR] --json        run the nightly backup to Drive now (each execution the trigger would run, until
                                   done): {"night","contacts","events","files","status","executions"}; --out copies
                                   the night's files to DIR/<night>/
  backups --json                   the kept nights: [{night, status, contacts, events, files, url, problems, monthly}]

  process-inbox --json             turn the PBX Inbox's new rows into events now (the 5-minute trigger's run):
                                   {"events","missed","unknown","duplicates","recordings","closedCallbacks",
                                   "ignored","problems","left"}
  callbacks [--close PHONE] --json the callback list (one open item per number: attempts, last call) and the new
                                   callers; --close marks that number called back by hand
  import-calls FILE [--format asterisk|csv] --json
                                   import a PBX call log (Asterisk Master.csv, or a CSV with a header): calls
                                   become events, missed ones the callback list; a re-import makes nothing twice

  document --event EVENT_ID --template offer|invoice [--out FILE] [--send] --json
                                   an offer or invoice PDF for an order event, from the template in Settings
                                   (offerTemplate / invoiceTemplate; empty: the CRM's own Doc, made once), saved
                                   in the client's Drive folder and linked from the event: {"pdf", "url", "event",
                                   "name", "folder", "template"} (+ "xlsx" from a Sheets template); refused (exit 2)
                                   naming the empty fields; --out FILE also writes the PDF there; --send e-mails
                                   the PDF to the client (made first if the event has none) and logs an e-mail event
  mailing --label L --template FILE [--subject S] [--encoding E] [--preview | --dry-run] --json
                                   e-mail every client with label L (or --clients RN,RN, or a filter: --query Q,
                                   --manager M, --quiet, --birthday-week); FILE: the text with {{givenName}},
                                   {{manager}}, {{nextPlanned}}… placeholders, a first line "Subject: …" / "Тема: …"
                                   is the subject (or --template-doc DOC_ID|URL: a Google Doc). Sends what today's
                                   quota allows, queues the rest for the daily trigger: {"id", "queued", "sent",
                                   "skipped": [{"client", "reason", "detail"}], "remainingQuota", "done"};
                                   --preview: the first 5 messages, every skip, unknown placeholders; --dry-run:
                                   every message that would go out, nothing sent, queued or logged
  mailing --resume [--id ID] --json
                                   the daily trigger's run now (every waiting mailing, or one)
  mailing --list --json | mailing --stop ID --json
                                   the mailings with their progress | stop one (its queued messages are skipped)
  sms --label L --text T [--dry-run | --preview] --json
                                   the same by SMS through Settings → smsGateway (E.164 numbers only; the daily
                                   limit is Settings → smsDailyLimit); --template FILE also works

  sheet TITLE --json               a CRM sheet (hidden ones too, Reports and Dashboard too; title in any language
                                   or its key): its header,
                                   the rows below it as displayed, and each cell's formula
  settings [--set KEY=VALUE]... --json
                                   every setting with its value and default; --set changes one (checked first)
  staff --json                     the Staff sheet: [{name, email, role, roleText, head}] (role: director,
                                   administrator, manager or specialist; roleText: the Role cell's words)
  staff add --name N --email E --role director|administrator|manager|specialist [--head EMAIL]
                                   add a person (refused: an unknown role, an e-mail already there, an unknown head)

  journal [QUERY] [--limit N] --json
                                   changes the CRM made to contacts, newest first (QUERY: a contact's
                                   resourceName, or text in the client's name or values): [{id, at, actor, source,
                                   action, resourceName, client, fields, summary, reverted, revertOf}]
  revert CHANGE_ID                 undo one change (refused, exit 1, when the contact was changed again since);
                                   prints {"ok", "change", "message"}

  webhook --provider mango|zadarma --query "k=SECRET&..." [--path events/summary] --form "key=value&..." [--get]
                                   send one PBX notification to the sheet project's web app as the PBX would
                                   (POST form-urlencoded, or GET with --get; --path: what follows /exec, e.g.
                                   events/summary or mango/SECRET/events/summary); prints {"status", "body"}
  pbx-secret --json                the PBX endpoint's secret (made if missing): {"secret"}; Mango's key and
                                   salt are the settings mangoApiKey and mangoApiSalt (kept secret, shown masked)

  --as EMAIL                       run the command as that person (the sandbox's domain is example.com: a staff
                                   member there is named by Google, and their role's rules apply)

  --target google [--credentials FILE]
                                   preview/import/undo/export/contacts on a real account (README)`;

const FLAGS = {
  json: 'switch',
  preview: 'switch',
  only: 'value',
  dir: 'value',
  target: 'value',
  region: 'value',
  encoding: 'value',
  delimiter: 'value',
  sheet: 'value',
  label: 'value',
  id: 'value',
  format: 'value',
  out: 'value',
  at: 'value',
  days: 'value',
  from: 'value',
  to: 'value',
  by: 'value',
  client: 'value',
  kind: 'value',
  reason: 'value',
  planned: 'switch',
  'no-client': 'switch',
  quiet: 'switch',
  'birthday-week': 'switch',
  limit: 'value',
  manager: 'value',
  note: 'value',
  result: 'value',
  credentials: 'value',
  set: 'list',
  add: 'list',
  remove: 'list',
  phone: 'value',
  'new-client': 'switch',
  as: 'value',
  name: 'value',
  email: 'value',
  role: 'value',
  head: 'value',
  close: 'value',
  provider: 'value',
  query: 'value',
  path: 'value',
  form: 'value',
  get: 'switch',
  event: 'value',
  template: 'value',
  send: 'switch',
  'template-doc': 'value',
  text: 'value',
  subject: 'value',
  clients: 'value',
  'dry-run': 'switch',
  resume: 'switch',
  list: 'switch',
  stop: 'value',
  amount: 'value',
  state: 'value',
  currency: 'value',
} as const;

/** `preview` without --json: what a person reads before importing. */
function previewText(p: ReturnType<typeof previewCommand>): string {
  const lines = [
    `${p.format}, ${p.encoding}: ${p.summary.rows} rows → ${p.summary.create} new, ${p.summary.update} to complete, ${p.summary.skip} skipped`,
    `Columns: ${
      Object.entries(p.mapping)
        .map(([from, to]) => `${from} → ${to}`)
        .join('; ') || '(vCard)'
    }`,
    ...p.warnings,
    ...p.errors.map((e) => `Row ${e.row}, ${e.column}: "${e.value}" — ${e.message}`),
    ...p.duplicates.map(
      (d) => `Duplicates: rows ${d.rowNumbers.join(', ')} (${d.key})${d.resourceName ? ` = ${d.resourceName}` : ''}`,
    ),
    'Nothing was written. Run the same with `import` to import, or add --json for the full preview.',
  ];
  return `${lines.join('\n')}\n`;
}

/** One command: prints its answer and returns the exit code (tests call it with their own arguments). */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, FLAGS);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (args.command === 'help' || args.command === '--help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const target = flag(args, 'target') ?? 'sandbox';
  if (target !== 'sandbox' && target !== 'google') {
    process.stderr.write(`--target must be sandbox (default) or google\n`);
    return 2;
  }
  if (target === 'google') {
    try {
      const result = await runOnGoogle(args.command, args, await connect(args));
      if (args.command === 'preview' && !args.flags.json)
        process.stdout.write(previewText(result as ReturnType<typeof previewCommand>));
      else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    } catch (e) {
      process.stderr.write(
        e instanceof UsageError ? usageText(e) : `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`,
      );
      return e instanceof UsageError ? 2 : 1;
    }
  }
  const commands: Record<string, () => unknown> = {};
  try {
    const office = await openCliOffice(flag(args, 'dir'));
    Object.assign(commands, {
      preview: () => previewCommand(office, args),
      import: () => importCommand(office, args),
      undo: () => undoCommand(office, args),
      export: () => exportCommand(office, args),
      contacts: () => contactsCommand(office),
      find: () => findCommand(office, args),
      log: () => logCommand(office, args),
      due: () => dueCommand(office, args),
      birthdays: () => birthdaysCommand(office, args),
      done: () => doneCommand(office, args),
      cancel: () => cancelCommand(office, args),
      reschedule: () => rescheduleCommand(office, args),
      'undo-last': () => undoLastCommand(office, args),
      quiet: () => quietCommand(office, args),
      card: () => cardCommand(office, args),
      client: () => clientCommand(office, args),
      edit: () => editCommand(office, args),
      'add-client': () => addClientCommand(office, args),
      sheet: () => sheetCommand(office, args),
      settings: () => settingsCommand(office, args),
      report: () => reportCommand(office, args),
      dashboard: () => dashboardCommand(office),
      order: () => orderCommand(office, args),
      backup: () => backupCommand(office, args),
      backups: () => backupsCommand(office),
      staff: () => staffCommand(office, args),
      restore: () => restoreCommand(office, args),
      journal: () => journalCommand(office, args),
      revert: () => revertCommand(office, args),
      'process-inbox': () => processInboxCommand(office),
      callbacks: () => callbacksCommand(office, args),
      'import-calls': () => importCallsCommand(office, args),
      webhook: () => webhookCommand(office, args),
      'pbx-secret': () => pbxSecretCommand(office),
      document: () => documentCommand(office, args),
      mailing: () => mailingCommand(office, args, 'email'),
      sms: () => mailingCommand(office, args, 'sms'),
    });
    const run = commands[args.command];
    if (!run) throw new UsageError(`Unknown command "${args.command}"`);
    // --as: every execution the command starts is that person's, and Session answers for them by Google's rules.
    const as = flag(args, 'as');
    const result = as ? office.workspace.runAs({ email: as }, run) : run();
    if (args.command === 'preview' && !args.flags.json)
      process.stdout.write(previewText(result as ReturnType<typeof previewCommand>));
    else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    // A revert refused (the contact changed since, already undone, unknown id) printed why: a failure's exit code.
    if (args.command === 'revert' && !(result as { ok?: boolean }).ok) return 1;
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(usageText(e));
      return 2;
    }
    // A right the person's role lacks (src/server/staff/guard.ts) is a refusal like any other: exit 2, its words.
    if (e instanceof Error && e.name === 'NotAllowed') {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  // `crm … | head` closes the pipe early: that is the reader's choice, not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  // exitCode, not exit(): a large JSON answer on a pipe must be flushed before the process ends.
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
