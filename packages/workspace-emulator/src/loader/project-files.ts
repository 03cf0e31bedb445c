// Which files of a folder make up an Apps Script project, and in what order, by clasp's default rules: the loader
// evaluates exactly what `clasp push` would upload, in the order the project would hold it. Source: @google/clasp
// 3.4.1 build/src/core/files.js (collectLocalFiles, getFileType, push) and core/clasp.js (DEFAULT_CLASP_IGNORE,
// readFileExtensions). A `.claspignore` or extension overrides in a `.clasp.json` are the deploying host's business:
// it must check that what clasp pushes is this list (see the package README).

import * as fs from 'node:fs';
import * as path from 'node:path';

export type ProjectFileType = 'SERVER_JS' | 'HTML' | 'JSON';

export interface ProjectFile {
  /** Path relative to the project folder, with '/' separators (what `.claspignore` and filePushOrder name). */
  localPath: string;
  /** The file's name inside the Apps Script project: the path without its extension; the manifest is 'appsscript'. */
  remotePath: string;
  type: ProjectFileType;
  bytes: number;
}

/** clasp's default `scriptExtensions`, `htmlExtensions`, `jsonExtensions` (compared lower-cased, as clasp does). */
const EXTENSIONS: Record<ProjectFileType, string[]> = { SERVER_JS: ['.js', '.gs'], HTML: ['.html'], JSON: ['.json'] };
/** clasp's default ignore rules skip these folders whatever they hold. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export const MANIFEST_FILE = 'appsscript.json';

function fileType(localPath: string): ProjectFileType | undefined {
  const ext = path.extname(localPath).toLowerCase();
  if (EXTENSIONS.SERVER_JS.includes(ext)) return 'SERVER_JS';
  if (EXTENSIONS.HTML.includes(ext)) return 'HTML';
  // Only a manifest is pushed of the JSON files; clasp matches its base name in any folder, Apps Script reads the
  // root one. A nested one would clash with it under the one remote name 'appsscript': refused below.
  if (EXTENSIONS.JSON.includes(ext) && path.basename(localPath, path.extname(localPath)) === 'appsscript')
    return 'JSON';
  return undefined;
}

/** Every regular file under dir (symlinks skipped, as clasp does without --allow-symlinks), relative, '/'-joined. */
function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) out.push(...walk(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * clasp's push order: the files named in `filePushOrder` first, in that order, then the rest by `localeCompare` of
 * the whole path (so a subfolder's files sort among the top-level ones by name, not where the folder is listed).
 * clasp's README: filePushOrder is for "scripts that rely on order of execution" — the project runs its script files
 * in this order.
 */
export function pushOrder<T extends { localPath: string }>(files: T[], filePushOrder: string[] = []): T[] {
  const rank = (f: T) => {
    const i = filePushOrder.map((p) => path.posix.normalize(p)).indexOf(path.posix.normalize(f.localPath));
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return files.slice().sort((a, b) => rank(a) - rank(b) || a.localPath.localeCompare(b.localPath));
}

/** The project files clasp would push from dir, in push order. */
export function projectFiles(dir: string, filePushOrder: string[] = []): ProjectFile[] {
  const files: ProjectFile[] = [];
  const remoteNames = new Map<string, string>();
  for (const localPath of walk(dir)) {
    const type = fileType(localPath);
    if (!type) continue;
    const parsed = path.posix.parse(localPath);
    const remotePath = type === 'JSON' ? 'appsscript' : parsed.dir ? `${parsed.dir}/${parsed.name}` : parsed.name;
    // clasp refuses Code.js next to Code.gs ("Conflicting files found"). It does not check Code.js next to Code.html;
    // whether Apps Script accepts a script and an HTML file of one name is UNVERIFIED, so that is refused too.
    const clash = remoteNames.get(remotePath);
    if (clash) throw new Error(`${dir}: ${clash} and ${localPath} are both the project file "${remotePath}"`);
    remoteNames.set(remotePath, localPath);
    files.push({ localPath, remotePath, type, bytes: fs.statSync(path.join(dir, localPath)).size });
  }
  return pushOrder(files, filePushOrder);
}
