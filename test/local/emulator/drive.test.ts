// The Drive advanced service (v3) over the account's Drive: folders and files with content, search, partial
// responses, trash, drive.file's narrow view, the upload and storage limits, faults, call counting, persistence,
// and DriveApp refused to a drive.file project.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GoogleJsonResponseException, loadProject, PAYLOAD_LIMITS, UiHost, Workspace } from 'workspace-emulator';

const AUTH = 'https://www.googleapis.com/auth/';
const DRIVE_V3 = { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' };
const FOLDER = 'application/vnd.google-apps.folder';
/** Google's types want a Blob before optionalArgs; a script passes null for "no new content". */
const NO_MEDIA = null as unknown as GoogleAppsScript.Base.Blob;

type G = {
  Drive: GoogleAppsScript.Drive;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
};

function setup(opts: { oauthScopes?: string[]; ws?: Workspace; project?: string } = {}) {
  const ws = opts.ws ?? Workspace.inMemory({ clockStart: '2026-03-02T03:00:00Z' });
  const project = opts.project ?? 'sheet';
  const g = ws.globals({
    project,
    htmlFiles: {},
    ui: new UiHost(),
    advancedServices: [DRIVE_V3],
    oauthScopes: opts.oauthScopes,
  }) as G;
  /** Runs `fn` as an execution of the project, under its manifest scopes; throws what the script would catch. */
  const run = <T>(fn: () => T): T => {
    const r = ws.run('script', 'test', fn, project);
    if (r.error) throw r.error;
    return r.result as T;
  };
  const blob = (text: string, type = 'application/json') => g.Utilities.newBlob(text, type);
  return { ws, Drive: g.Drive, DriveApp: g.DriveApp, blob, run };
}

function googleError(fn: () => unknown): GoogleJsonResponseException {
  try {
    fn();
  } catch (e) {
    if (e instanceof GoogleJsonResponseException) return e;
    throw e;
  }
  throw new Error('expected a GoogleJsonResponseException');
}

const md5 = (s: string | Uint8Array) => createHash('md5').update(s).digest('hex');

describe('Drive.Files: create, get, list', () => {
  it('makes a folder and a file in it; get gives the fields asked for, md5 as node computes it', () => {
    const { ws, Drive, blob } = setup();
    const folder = Drive.Files!.create({ name: 'CRM backups — Office', mimeType: FOLDER });
    // Without `fields` Drive v3 answers its default set only.
    expect(folder).toEqual({ kind: 'drive#file', id: folder.id, name: 'CRM backups — Office', mimeType: FOLDER });
    expect(folder.id).toMatch(/^[A-Za-z0-9_-]{33}$/);
    const text = JSON.stringify([{ name: 'Анна' }]);
    const file = Drive.Files!.create({ name: 'contacts-001.json', parents: [folder.id!] }, blob(text), {
      fields: 'id,name,size,md5Checksum,parents,webViewLink,mimeType,trashed',
    });
    const bytes = Buffer.byteLength(text, 'utf8');
    expect(file).toEqual({
      id: file.id,
      name: 'contacts-001.json',
      mimeType: 'application/json',
      parents: [folder.id],
      trashed: false,
      size: String(bytes),
      md5Checksum: md5(text),
      webViewLink: `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`,
    });
    expect(Drive.Files!.get(folder.id!, { fields: 'webViewLink,size,md5Checksum' })).toEqual({
      webViewLink: `https://drive.google.com/drive/folders/${folder.id}`,
    });
    expect(Drive.Files!.get(file.id!, { alt: 'media' })).toBe(text);
    expect(Buffer.from(ws.drive.content(file.id!)).toString('utf8')).toBe(text);
    expect(ws.drive.files({ parent: folder.id })).toEqual([
      expect.objectContaining({ id: file.id, ownerProject: 'sheet', trashed: false, size: bytes }),
    ]);
  });

  it('lists by parent, name and trashed, joined by and; pages with nextPageToken only when fields ask for it', () => {
    const { Drive, blob } = setup();
    const root = Drive.Files!.create({ name: 'Backups', mimeType: FOLDER });
    const night = Drive.Files!.create({ name: '2026-03-02', mimeType: FOLDER, parents: [root.id!] });
    for (const n of ['contacts-002.vcf', 'contacts-001.vcf', "it's.csv"])
      Drive.Files!.create({ name: n, parents: [night.id!] }, blob('x', 'text/vcard'));
    const names = (q: string, extra: object = {}) =>
      (Drive.Files!.list({ q, orderBy: 'name', ...extra }).files ?? []).map((f) => f.name);
    expect(names(`'${night.id}' in parents and trashed = false`)).toEqual([
      'contacts-001.vcf',
      'contacts-002.vcf',
      "it's.csv",
    ]);
    expect(names(`name = 'it\\'s.csv'`)).toEqual(["it's.csv"]);
    expect(names(`name contains 'contacts' and mimeType != '${FOLDER}'`)).toEqual([
      'contacts-001.vcf',
      'contacts-002.vcf',
    ]);
    expect(names(`mimeType = '${FOLDER}' and 'root' in parents`)).toEqual(['Backups']);
    expect(names(`'${night.id}' in parents`, { orderBy: 'name desc' })).toEqual([
      "it's.csv",
      'contacts-002.vcf',
      'contacts-001.vcf',
    ]);
    // Pages: the default answer carries the token; a `fields` without nextPageToken does not.
    const first = Drive.Files!.list({ q: `'${night.id}' in parents`, pageSize: 2, orderBy: 'name' });
    expect(first.files!.map((f) => f.name)).toEqual(['contacts-001.vcf', 'contacts-002.vcf']);
    expect(first.files![0]).toEqual({
      kind: 'drive#file',
      id: expect.any(String),
      name: 'contacts-001.vcf',
      mimeType: 'text/vcard',
    });
    const second = Drive.Files!.list({
      q: `'${night.id}' in parents`,
      pageSize: 2,
      orderBy: 'name',
      pageToken: first.nextPageToken,
      fields: 'nextPageToken,files(id,name,size)',
    });
    expect(second).toEqual({ files: [{ id: expect.any(String), name: "it's.csv", size: '1' }] });
    expect(Drive.Files!.list({ q: `'${night.id}' in parents`, pageSize: 2, fields: 'files(id)' })).toEqual({
      files: [{ id: expect.any(String) }, { id: expect.any(String) }],
    });
  });

  it('refuses a bad q, an unknown field, a bad page size or token, with Google’s 400s', () => {
    const { Drive } = setup();
    for (const q of ["name = 'x", 'name = x', "name == 'x'", "nam = 'x'", "name = 'a' and"]) {
      const e = googleError(() => Drive.Files!.list({ q }));
      expect([q, e.details.code, e.details.message]).toEqual([q, 400, 'Invalid Value']);
      expect(e.details.errors[0]).toMatchObject({ reason: 'invalid', location: 'q' });
    }
    expect(googleError(() => Drive.Files!.list({ q: "name = 'a' or name = 'b'" })).message).toBe(
      'API call to drive.files.list failed with error: Emulator: the query term or is not emulated.',
    );
    expect(googleError(() => Drive.Files!.list({ fields: 'files(id,bogus)' })).details).toMatchObject({
      code: 400,
      message: 'Invalid field selection bogus',
    });
    expect(googleError(() => Drive.Files!.get('root', { fields: 'nope' })).details.code).toBe(400);
    expect(googleError(() => Drive.Files!.list({ pageSize: 1001 })).details.message).toBe(
      "Invalid value '1001'. Values must be within the range: [1, 1000]",
    );
    expect(googleError(() => Drive.Files!.list({ pageToken: 'garbage' })).details.code).toBe(400);
    expect(googleError(() => Drive.Files!.list({ pageSiz: 10 })).details.code).toBe(400);
  });

  it('a refused write writes nothing: a bad fields selection, a Google Docs type, a trashed that is not a boolean', () => {
    const { ws, Drive, blob } = setup();
    expect(googleError(() => Drive.Files!.create({ name: 'a' }, blob('a'), { fields: 'id,sizes' })).details.code).toBe(
      400,
    );
    expect(
      googleError(() => Drive.Files!.create({ name: 's', mimeType: 'application/vnd.google-apps.presentation' }))
        .message,
    ).toMatch(/not emulated/);
    expect(ws.drive.files()).toEqual([]);
    const f = Drive.Files!.create({ name: 'a' }, blob('a'));
    expect(googleError(() => Drive.Files!.update({ trashed: 'true' as unknown as boolean }, f.id!)).details.code).toBe(
      400,
    );
    expect(ws.drive.files({ trashed: false })).toHaveLength(1);
  });

  it('name contains matches the start of the name or of a word in it, not the middle of a word', () => {
    const { Drive } = setup();
    Drive.Files!.create({ name: 'contacts-001.json' });
    Drive.Files!.create({ name: 'Events backup' });
    const names = (v: string) => (Drive.Files!.list({ q: `name contains '${v}'` }).files ?? []).map((f) => f.name);
    expect(names('contacts')).toEqual(['contacts-001.json']);
    expect(names('001')).toEqual(['contacts-001.json']);
    expect(names('ntacts')).toEqual([]);
    expect(names('BACK')).toEqual(['Events backup']);
  });

  it('a missing file is 404 File not found: <id>.', () => {
    const { Drive } = setup();
    const e = googleError(() => Drive.Files!.get('1nope'));
    expect(e.message).toBe('API call to drive.files.get failed with error: File not found: 1nope.');
    expect(e.details).toMatchObject({ code: 404, errors: [{ reason: 'notFound', location: 'fileId' }] });
    expect(googleError(() => Drive.Files!.remove('1nope')).message).toBe(
      'API call to drive.files.delete failed with error: File not found: 1nope.',
    );
  });
});

describe('Drive.Files.update and remove', () => {
  it('replaces content, renames, moves, trashes a folder with its files and restores them', () => {
    const { ws, Drive, blob } = setup();
    const a = Drive.Files!.create({ name: 'A', mimeType: FOLDER });
    const b = Drive.Files!.create({ name: 'B', mimeType: FOLDER });
    const f = Drive.Files!.create({ name: 'manifest.json', parents: [a.id!] }, blob('{"v":1}'));
    ws.clock.advance(60_000);
    const updated = Drive.Files!.update({ name: 'manifest.json' }, f.id!, blob('{"v":2}'), {
      fields: 'size,md5Checksum,modifiedTime',
    });
    // The clock moved a minute (plus the calls' latency) since the creation.
    expect(updated).toEqual({
      size: '7',
      md5Checksum: md5('{"v":2}'),
      modifiedTime: expect.stringMatching(/^2026-03-02T03:01:/),
    });
    expect(Drive.Files!.get(f.id!, { alt: 'media' })).toBe('{"v":2}');
    // Moving needs addParents/removeParents; parents in the body is Google's 403.
    expect(googleError(() => Drive.Files!.update({ parents: [b.id!] }, f.id!)).details).toMatchObject({
      code: 403,
      errors: [{ reason: 'fieldNotWritable' }],
    });
    expect(googleError(() => Drive.Files!.update({}, f.id!, NO_MEDIA, { addParents: b.id })).details.code).toBe(403);
    Drive.Files!.update({}, f.id!, NO_MEDIA, { addParents: b.id, removeParents: a.id });
    expect(Drive.Files!.get(f.id!, { fields: 'parents' })).toEqual({ parents: [b.id] });
    // Trash the folder: the file goes with it, and comes back with it.
    Drive.Files!.update({ trashed: true }, b.id!);
    expect(Drive.Files!.get(f.id!, { fields: 'trashed,explicitlyTrashed' })).toEqual({
      trashed: true,
      explicitlyTrashed: false,
    });
    expect(Drive.Files!.list({ q: 'trashed = true', orderBy: 'name' }).files!.map((x) => x.name)).toEqual([
      'B',
      'manifest.json',
    ]);
    Drive.Files!.update({ trashed: false }, b.id!);
    expect(ws.drive.files({ trashed: true })).toEqual([]);
    // remove is permanent, the folder's files with it.
    Drive.Files!.remove(b.id!);
    expect(ws.drive.files().map((x) => x.name)).toEqual(['A']);
  });
});

describe('scopes', () => {
  const FILE_ONLY = [`${AUTH}drive.file`];

  it('drive.file sees only what this project created: the person’s own file is 404 and never listed', () => {
    const { ws, Drive, blob, run } = setup({ oauthScopes: FILE_ONLY });
    const mine = run(() => Drive.Files!.create({ name: 'mine.json' }, blob('{}')));
    const theirs = ws.drive.userCreate({ name: 'passport-scan.pdf', content: 'PDF', mimeType: 'application/pdf' });
    const folder = ws.drive.userCreate({ name: 'Office folder', mimeType: FOLDER });
    expect(run(() => Drive.Files!.list({ q: 'trashed = false' }).files!.map((f) => f.name))).toEqual(['mine.json']);
    for (const call of [
      () => Drive.Files!.get(theirs.id),
      () => Drive.Files!.get(theirs.id, { alt: 'media' }),
      () => Drive.Files!.update({ trashed: true }, theirs.id),
      () => Drive.Files!.remove(theirs.id),
    ])
      expect(googleError(() => run(call)).message).toMatch(`File not found: ${theirs.id}.`);
    // Nor can it put a file into a folder it did not create (a Picker would be needed).
    expect(
      googleError(() => run(() => Drive.Files!.create({ name: 'x', parents: [folder.id] }, blob('{}')))).details,
    ).toMatchObject({ code: 404, message: `File not found: ${folder.id}.` });
    expect(ws.drive.files({ ownerProject: null }).map((f) => f.name)).toEqual(['passport-scan.pdf', 'Office folder']);
    // Another project with drive.file does not see this one's file either; full drive sees all.
    const other = setup({ ws, project: 'gmail', oauthScopes: FILE_ONLY });
    expect(googleError(() => other.run(() => other.Drive.Files!.get(mine.id!))).details.code).toBe(404);
    const full = setup({ ws, project: 'tool', oauthScopes: [`${AUTH}drive`] });
    expect(full.run(() => full.Drive.Files!.list({}).files!.length)).toBe(3);
  });

  it('without a Drive scope every call is the REST 403; drive.readonly reads but cannot write', () => {
    const none = setup({ oauthScopes: [`${AUTH}spreadsheets`] });
    const e = googleError(() => none.run(() => none.Drive.Files!.list({})));
    expect(e.message).toBe(
      'API call to drive.files.list failed with error: Request had insufficient authentication scopes.',
    );
    expect(e.details.code).toBe(403);
    const ro = setup({ oauthScopes: [`${AUTH}drive.readonly`] });
    ro.ws.drive.userCreate({ name: 'a.txt', content: 'a' });
    expect(ro.run(() => ro.Drive.Files!.list({}).files!.length)).toBe(1);
    expect(googleError(() => ro.run(() => ro.Drive.Files!.create({ name: 'b' }))).details.code).toBe(403);
  });

  it('DriveApp needs the full drive scope: a drive.file project cannot call DriveApp.getRootFolder()', () => {
    const { DriveApp, run } = setup({ oauthScopes: FILE_ONLY });
    expect(() => run(() => DriveApp.getRootFolder())).toThrow(
      `You do not have permission to call DriveApp.getRootFolder. Required permissions: ${AUTH}drive`,
    );
    const full = setup({ oauthScopes: [`${AUTH}drive`] });
    expect(() => full.run(() => full.DriveApp.getRootFolder())).toThrow(/DriveApp.getRootFolder is not emulated/);
  });

  it('the global exists only when the manifest enables drive v3', () => {
    const ws = Workspace.inMemory();
    const base = { project: 'sheet' as const, htmlFiles: {}, ui: new UiHost() };
    expect('Drive' in ws.globals(base)).toBe(false);
    expect('Drive' in ws.globals({ ...base, advancedServices: [{ ...DRIVE_V3, version: 'v2' }] })).toBe(false);
    expect('Drive' in ws.globals({ ...base, advancedServices: [DRIVE_V3] })).toBe(true);
  });
});

describe('limits', () => {
  it('a media upload over 5 MB is refused, nothing written; 5 MB exactly passes', () => {
    const { ws, Drive, blob } = setup();
    const limit = PAYLOAD_LIMITS.driveMediaUploadBytes.value;
    expect(limit).toBe(5 * 1024 * 1024);
    const e = googleError(() => Drive.Files!.create({ name: 'big.csv' }, blob('x'.repeat(limit + 1), 'text/csv')));
    expect(e.details.code).toBe(400);
    expect(e.message).toMatch(/too large for a multipart upload/);
    expect(ws.drive.files()).toEqual([]);
    // The request went out: counted, with the bytes it carried.
    expect(ws.calls.all()[0]).toMatchObject({ service: 'Drive.Files.create', failed: expect.any(String) });
    expect(ws.calls.all()[0].bytes).toBeGreaterThan(limit);
    const ok = Drive.Files!.create({ name: 'ok.csv' }, blob('x'.repeat(limit), 'text/csv'), { fields: 'size' });
    expect(ok.size).toBe(String(limit));
    expect(
      googleError(() => Drive.Files!.update({}, ws.drive.files()[0].id, blob('y'.repeat(limit + 1)))).details.code,
    ).toBe(400);
  });

  it('the 15 GB storage quota, shared with Gmail and Photos, counts trashed files: 403 storageQuotaExceeded', () => {
    const { ws, Drive, blob } = setup();
    expect(ws.drive.quotaBytes).toBe(15 * 1024 ** 3);
    ws.drive.setUsedElsewhere(ws.drive.quotaBytes - 10);
    const f = Drive.Files!.create({ name: 'a.txt' }, blob('0123456789', 'text/plain'));
    Drive.Files!.update({ trashed: true }, f.id!);
    const e = googleError(() => Drive.Files!.create({ name: 'b.txt' }, blob('x', 'text/plain')));
    expect(e.details).toMatchObject({
      code: 403,
      message: "The user's Drive storage quota has been exceeded.",
      errors: [{ reason: 'storageQuotaExceeded' }],
    });
    // Folders take no space; deleting the trashed file frees its bytes.
    expect(() => Drive.Files!.create({ name: 'F', mimeType: FOLDER })).not.toThrow();
    Drive.Files!.remove(f.id!);
    expect(() => Drive.Files!.create({ name: 'b.txt' }, blob('x', 'text/plain'))).not.toThrow();
  });

  it('appProperties: null clears one, a key and value over 124 bytes is refused', () => {
    const { Drive } = setup();
    const f = Drive.Files!.create({ name: 'x', appProperties: { night: '2026-03-02', part: '1' } });
    expect(
      Drive.Files!.update({ appProperties: { part: null } as unknown as Record<string, string> }, f.id!, NO_MEDIA, {
        fields: 'appProperties',
      }),
    ).toEqual({ appProperties: { night: '2026-03-02' } });
    expect(
      googleError(() => Drive.Files!.create({ name: 'y', appProperties: { k: 'v'.repeat(124) } })).details.code,
    ).toBe(400);
  });
});

describe('calls, faults, persistence', () => {
  it('each call is counted with the media it moved, both ways', () => {
    const { ws, Drive, blob } = setup();
    ws.calls.reset();
    const text = 'x'.repeat(100_000);
    const f = Drive.Files!.create({ name: 'a.csv' }, blob(text, 'text/csv'));
    Drive.Files!.get(f.id!, { alt: 'media' });
    const [create, get] = ws.calls.all();
    expect([create.service, get.service]).toEqual(['Drive.Files.create', 'Drive.Files.get']);
    expect(create.bytes).toBeGreaterThan(100_000);
    expect(create.bytes).toBeLessThan(100_300);
    expect(get.bytes).toBeGreaterThan(100_000);
    expect(ws.calls.count('Drive.')).toBe(2);
  });

  it('an injected 500 or 429 fails the call with Google’s shape; a lost response still created the file', () => {
    const { ws, Drive, blob } = setup();
    ws.faults.add({ service: 'Drive.Files.create', kind: 'quota', nth: [1] });
    ws.faults.add({ service: 'Drive.Files.create', kind: 'partial', nth: [2] });
    ws.faults.add({ service: 'Drive.Files.list', kind: 'unavailable', nth: [1] });
    const e = googleError(() => Drive.Files!.create({ name: 'a' }, blob('a')));
    expect(e.details).toMatchObject({ code: 429, errors: [{ reason: 'rateLimitExceeded' }] });
    expect(ws.drive.files()).toEqual([]);
    const lost = googleError(() => Drive.Files!.create({ name: 'a' }, blob('a')));
    expect(lost.details).toMatchObject({ code: 500, errors: [{ reason: 'backendError' }] });
    expect(ws.drive.files().map((f) => f.name)).toEqual(['a']);
    expect(googleError(() => Drive.Files!.list({})).details.code).toBe(503);
  });

  it('an internal fault is a 500 backendError before anything is written: the retry creates one file', () => {
    const { ws, Drive, blob } = setup();
    ws.faults.add({ service: 'Drive.Files.*', kind: 'internal', nth: [1] });
    const e = googleError(() => Drive.Files!.create({ name: 'a' }, blob('a')));
    expect(e.message).toBe('API call to drive.files.create failed with error: Internal error encountered.');
    expect(e.details).toMatchObject({ code: 500, errors: [{ reason: 'backendError' }] });
    expect(ws.drive.files()).toEqual([]);
    Drive.Files!.create({ name: 'a' }, blob('a'));
    expect(ws.drive.files()).toHaveLength(1);
    expect(
      ws.calls
        .all()
        .filter((c) => c.failed)
        .map((c) => c.service),
    ).toEqual(['Drive.Files.create']);
  });

  it('persists in the state folder: a new Workspace on it finds the files, content and trash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drive-state-'));
    try {
      const first = Workspace.open(dir, { clockStart: '2026-03-02T03:00:00Z' });
      const a = setup({ ws: first });
      const id = first.transaction(() => a.Drive.Files!.create({ name: 'n.json' }, a.blob('{"n":1}')).id!);
      first.transaction(() => first.drive.userTrash(id));
      first.close();
      const second = Workspace.open(dir, { clockStart: '2026-03-02T03:00:00Z' });
      const b = setup({ ws: second });
      expect(second.transaction(() => b.Drive.Files!.get(id, { alt: 'media' }))).toBe('{"n":1}');
      expect(second.drive.files()).toEqual([
        expect.objectContaining({
          id,
          name: 'n.json',
          trashed: true,
          ownerProject: 'sheet',
          md5Checksum: md5('{"n":1}'),
        }),
      ]);
      second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the office renaming or moving the CRM’s folder by hand: its id keeps working, drive.file still sees it', () => {
    const { ws, Drive, blob, run } = setup({ oauthScopes: [`${AUTH}drive.file`] });
    const folder = run(() => Drive.Files!.create({ name: 'CRM backups', mimeType: FOLDER }));
    const archive = ws.drive.userCreate({ name: 'Archive', mimeType: FOLDER });
    ws.drive.userRename(folder.id!, 'Old backups');
    ws.drive.userMove(folder.id!, archive.id);
    expect(run(() => Drive.Files!.get(folder.id!, { fields: 'name,parents' }))).toEqual({
      name: 'Old backups',
      parents: [archive.id],
    });
    expect(() => run(() => Drive.Files!.create({ name: 'n.json', parents: [folder.id!] }, blob('{}')))).not.toThrow();
  });

  it('the office deleting a folder by hand takes its files with it', () => {
    const { ws, Drive, blob } = setup();
    const folder = Drive.Files!.create({ name: 'Backups', mimeType: FOLDER });
    const f = Drive.Files!.create({ name: 'a', parents: [folder.id!] }, blob('a'));
    ws.drive.userTrash(folder.id!);
    expect(Drive.Files!.get(f.id!, { fields: 'trashed' })).toEqual({ trashed: true });
    ws.drive.userDelete(folder.id!);
    expect(googleError(() => Drive.Files!.get(f.id!)).details.code).toBe(404);
  });
});

describe('Drive in a loaded project (the bundle’s V8 context)', () => {
  const CODE = `
    function backup(name, text) {
      var folder = Drive.Files.create({ name: 'B', mimeType: 'application/vnd.google-apps.folder' }, null, { fields: 'id' });
      var blob = Utilities.newBlob(text, 'application/json', name);
      var f = Drive.Files.create({ name: name, parents: [folder.id] }, blob, { fields: 'id,size,md5Checksum' });
      return [f.size, f.md5Checksum, Drive.Files.get(f.id, { alt: 'media' })];
    }
    function missing() {
      try { Drive.Files.get('1x'); } catch (e) { return [e.name, e.message, e.details.code]; }
    }
    function root() { return DriveApp.getRootFolder().getId(); }`;

  it('a script writes a blob and reads it back, sees Google’s error shape, and cannot reach DriveApp', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drive-project-'));
    try {
      fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
      fs.writeFileSync(
        path.join(dir, 'appsscript.json'),
        JSON.stringify({
          timeZone: 'Europe/Moscow',
          runtimeVersion: 'V8',
          dependencies: { enabledAdvancedServices: [DRIVE_V3] },
          oauthScopes: [`${AUTH}drive.file`],
        }),
      );
      const ws = Workspace.inMemory({ clockStart: '2026-03-02T03:00:00Z' });
      const p = loadProject(ws, dir, { project: 'sheet' });
      const text = JSON.stringify({ name: 'Ника' });
      expect(p.invoke('backup', ['contacts-001.json', text]).result).toEqual([
        String(Buffer.byteLength(text)),
        md5(text),
        text,
      ]);
      expect(p.invoke('missing').result).toEqual([
        'GoogleJsonResponseException',
        'API call to drive.files.get failed with error: File not found: 1x.',
        404,
      ]);
      expect(p.invoke('root').error?.message).toBe(
        `You do not have permission to call DriveApp.getRootFolder. Required permissions: ${AUTH}drive`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
