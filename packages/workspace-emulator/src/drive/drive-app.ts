// DriveApp, only so a project that calls it is refused as Google would refuse it. DriveApp needs the full `drive`
// scope (its reads also drive.readonly: https://developers.google.com/apps-script/reference/drive/drive-app), a
// restricted scope that needs Google's security assessment; the product uses the Drive advanced service with
// drive.file instead. So every member first checks the manifest's scopes (a drive.file-only project gets Apps Script's
// "You do not have permission to call DriveApp.getRootFolder" sentence) and then, authorised, fails as not emulated.

import { authorize } from '../auth/authorize';
import { DRIVE_APP_READS } from '../auth/member-scopes';
import type { ServiceContext } from '../context';
import { GasException } from '../errors';

const MEMBERS = [...DRIVE_APP_READS, 'createFile', 'createFolder', 'createShortcut'] as const;

export type DriveAppStub = Record<(typeof MEMBERS)[number], (...args: unknown[]) => never>;

export function createDriveApp(ctx: ServiceContext): DriveAppStub {
  const out = {} as DriveAppStub;
  for (const name of MEMBERS)
    out[name] = () => {
      const service = `DriveApp.${name}`;
      authorize(ctx.execution, service);
      throw new GasException(
        `Emulator: ${service} is not emulated (DriveApp needs the restricted drive scope); use the Drive advanced service v3.`,
      );
    };
  return out;
}
