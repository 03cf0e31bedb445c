// The `Sheets` advanced service (Sheets API v4) as an Apps Script project sees it once the manifest enables it
// (`{"userSymbol":"Sheets","serviceId":"sheets","version":"v4"}`), over the same SpreadsheetStore SpreadsheetApp uses.
// Only what a project needs: Spreadsheets.Values.batchGet (many ranges, one round trip) and Spreadsheets.batchUpdate
// with appendCells / updateCells / deleteDimension (atomic writes, one round trip). Every method is one counted call
// `Sheets.Spreadsheets.<...>`; errors are the GoogleJsonResponseException Apps Script throws for a REST failure.
// https://developers.google.com/apps-script/advanced/sheets

import { ServiceContext, apiMethodName } from '../context';
import { HTTP } from '../errors';
import { ActiveFault } from '../faults';
import { Emulated } from '../script/emulated';
import type { ScriptProject } from '../script/project';
import { writerOf } from '../spreadsheet/protection';
import { SpreadsheetRecord, SpreadsheetStore } from '../spreadsheet/store';
import { queryArgs, enumArg, listArg } from './args';
import { applyBatch } from './batch-update';
import { batchGetUrl, requirePayload, requireUrl } from './limits';
import { useQuota } from './quota';
import { ApiValue, DATE_RENDER, DIMENSIONS, readBox, VALUE_RENDER } from './read';
import { resolveRange } from './ranges';
import { SAY } from './wording';

/** One manifest entry of `dependencies.enabledAdvancedServices`. */
export interface AdvancedServiceEntry {
  userSymbol: string;
  serviceId: string;
  version: string;
}

/** The global name the manifest gives the Sheets v4 service, if it enables it. */
export function sheetsSymbol(services: readonly AdvancedServiceEntry[] | undefined): string | undefined {
  return services?.find((s) => s.serviceId === 'sheets' && s.version === 'v4')?.userSymbol;
}

export interface SheetsBinding {
  project: ScriptProject;
}

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type BatchGetResponse = GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse;

/** What the collections share; kept out of reach of script code (a private field). */
class SheetsCore {
  constructor(
    readonly store: SpreadsheetStore,
    readonly ctx: ServiceContext,
    readonly binding: SheetsBinding,
  ) {}

  /**
   * One request: counted, scope- and quota-checked, on an existing spreadsheet. `count` learns how many cells it read
   * or wrote: its price grows with them (latency.ts).
   */
  call<T>(
    service: string,
    kind: 'read' | 'write',
    spreadsheetId: unknown,
    sent: unknown,
    fn: (api: string, ss: SpreadsheetRecord, count: (cells: number) => void, fault?: ActiveFault) => T,
  ): T {
    const api = apiMethodName(service);
    let cells = 0;
    return this.ctx.call(
      service,
      (fault) => {
        useQuota(this.ctx, api, kind, this.binding.project);
        const ss = typeof spreadsheetId === 'string' ? this.store.record(spreadsheetId) : undefined;
        if (!ss) throw HTTP.notFound(api, SAY.notFound);
        return fn(api, ss, (n) => (cells += n), fault);
      },
      { sent, units: () => ({ cells }) },
    );
  }
}

const BATCH_GET_PARAMS = ['ranges', 'valueRenderOption', 'dateTimeRenderOption', 'majorDimension'] as const;

type ValuesApi = Emulated<GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection, 'batchGet'>;

export class ValuesCollection implements ValuesApi {
  readonly #core: SheetsCore;

  constructor(core: SheetsCore) {
    this.#core = core;
  }

  /** spreadsheets.values.batchGet: the ranges' values in request order, each range normalised as Google echoes it. */
  batchGet(spreadsheetId: string, optionalArgs?: object): BatchGetResponse {
    return this.#core.call(
      'Sheets.Spreadsheets.Values.batchGet',
      'read',
      spreadsheetId,
      { spreadsheetId, ...optionalArgs },
      (api, ss, count) => {
        const args = queryArgs(api, optionalArgs, BATCH_GET_PARAMS);
        requireUrl(api, batchGetUrl(ss.id, args));
        const valueRender = enumArg(api, 'valueRenderOption', args.valueRenderOption, VALUE_RENDER, 'FORMATTED_VALUE');
        if (valueRender === 'FORMULA') throw HTTP.badRequest(api, SAY.unsupported('valueRenderOption FORMULA'));
        const opts = {
          valueRender,
          dateRender: enumArg(api, 'dateTimeRenderOption', args.dateTimeRenderOption, DATE_RENDER, 'SERIAL_NUMBER'),
          majorDimension: enumArg(api, 'majorDimension', args.majorDimension, DIMENSIONS, 'ROWS'),
        };
        const ranges = listArg(args.ranges);
        // UNVERIFIED: Google may answer a batchGet without ranges with an empty list; refusing is stricter.
        if (!ranges.length) throw HTTP.badRequest(api, SAY.noRanges);
        const resolved = ranges.map((text) => {
          const r = resolveRange(ss, text);
          if (typeof r === 'string') throw HTTP.badRequest(api, r);
          return r;
        });
        const valueRanges: ValueRange[] = resolved.map((r) => {
          const { values, cells } = readBox(ss, r.sheet, r.box, opts);
          count(cells);
          const out: { range: string; majorDimension: string; values?: ApiValue[][] } = {
            range: r.a1,
            majorDimension: opts.majorDimension,
          };
          if (values.length) out.values = values;
          return out as ValueRange;
        });
        return { spreadsheetId: ss.id, valueRanges };
      },
    );
  }
}

type SpreadsheetsApi = Emulated<GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection, 'batchUpdate'>;
type BatchUpdateRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest;
type BatchUpdateResponse = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;

export class SpreadsheetsCollection implements SpreadsheetsApi {
  readonly Values: ValuesCollection;
  readonly #core: SheetsCore;

  constructor(core: SheetsCore) {
    this.#core = core;
    this.Values = new ValuesCollection(core);
  }

  /**
   * spreadsheets.batchUpdate: every request is checked against the spreadsheet as the earlier ones left it, and the
   * whole batch is applied only if all pass ("if any request is not valid then the entire update is unsuccessful",
   * limits page). A `partial` fault fails the call with nothing applied, as an atomic batch cannot half-land.
   */
  batchUpdate(resource: BatchUpdateRequest, spreadsheetId: string): BatchUpdateResponse {
    return this.#core.call(
      'Sheets.Spreadsheets.batchUpdate',
      'write',
      spreadsheetId,
      { spreadsheetId, ...resource },
      (api, ss, count, fault) => {
        requirePayload(api, resource);
        const { replies, commit, cells } = applyBatch(api, ss, resource, writerOf(this.#core.ctx));
        count(cells);
        if (fault?.kind !== 'partial') commit();
        return { spreadsheetId: ss.id, replies } as BatchUpdateResponse;
      },
    );
  }
}

/** The subset of GoogleAppsScript.Sheets the project uses, with Google's method names and parameter types. */
export class SheetsService {
  readonly Spreadsheets: SpreadsheetsCollection;

  constructor(store: SpreadsheetStore, ctx: ServiceContext, binding: SheetsBinding) {
    this.Spreadsheets = new SpreadsheetsCollection(new SheetsCore(store, ctx, binding));
  }
}

export function createSheets(store: SpreadsheetStore, ctx: ServiceContext, binding: SheetsBinding): SheetsService {
  return new SheetsService(store, ctx, binding);
}
