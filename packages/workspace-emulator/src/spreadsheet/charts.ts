// Embedded charts as a script sees them: Sheet.newChart()'s builders, the EmbeddedChart a build() or getCharts()
// gives, its ChartOptions and ContainerInfo.
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
//
// What costs a round trip: builders and built charts are local objects (the typings' sample builds a chart with
// several setters and then makes one call, `sheet.insertChart(chartBuilder.build())`), so nothing here is counted
// except learning a data range's size in addRange. Only Sheet.insertChart/getCharts/updateChart/removeChart reach
// the server (sheet.ts). An EmbeddedChart from getCharts is the chart as that call read it: its getters read the copy
// (UNVERIFIED: Google may fetch lazily; a copy never costs a project more than it would pay).
//
// Options are stored under their Gviz names (the builders' reference: "For more details, see the Gviz
// documentation"), flat by dotted path as setOption takes them: setTitle → 'title', setStacked → 'isStacked'. Where
// the typed setters' exact option is not documented, the comment says UNVERIFIED.

import { Emulated, member, signatureMismatch } from '../script/emulated';
import { ChartOptionValue, ChartRangeRecord, ChartSpecRecord, copySpec } from './chart-record';
import { HandleContext, SheetRef } from './env';
import { Range } from './range';
import { fail, unsupported } from './rules';
import { isRangeSource, RangeSource, SOURCE } from './validation';

export const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;
export const MERGE_STRATEGIES = ['MERGE_COLUMNS', 'MERGE_ROWS'] as const;
export const HIDDEN_STRATEGIES = ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'] as const;
export const POSITIONS = ['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const;
export const CURVE_STYLES = ['NORMAL', 'SMOOTH'] as const;
export const POINT_STYLES = ['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'] as const;

/** Wordings for what Google refuses; all UNVERIFIED (no public execution log quotes them), so they say what went wrong. */
export const CHART_MESSAGES = {
  otherSpreadsheet: 'A chart can only use ranges of the spreadsheet it is in.',
  noType: 'The chart type is not set.',
  noRanges: 'The chart has no data ranges.',
  rangeNotInChart: 'The range is not one of the chart ranges.',
  alreadyInserted: 'This chart is already on a sheet: use updateChart to change it.',
  otherSheet: 'The chart was built for another sheet.',
  notOnSheet: 'The chart is not on this sheet.',
  sourceGone: 'A chart range refers to a sheet that does not exist.',
  anchorOutside: 'The chart anchor is outside the sheet.',
  notEmulated: (what: string) => `Emulator: ${what} is not emulated (no chart images are drawn here).`,
};

/** What a builder (and the chart it builds) knows: where newChart was called, the spec, the chart's id if on a sheet. */
export interface ChartState {
  origin: SheetRef;
  spec: ChartSpecRecord;
  chartId: number | null;
  /** A built chart inserted once: inserting the same object again is refused (UNVERIFIED; stricter). */
  inserted: boolean;
}

/** Host side: the state behind a chart object, out of the scripts' reach (they only see the object). */
const STATES = new WeakMap<object, ChartState>();

export function chartState(chart: unknown): ChartState | undefined {
  return chart && typeof chart === 'object' ? STATES.get(chart) : undefined;
}

export function defaultSpec(): ChartSpecRecord {
  return {
    type: '',
    ranges: [],
    options: {},
    // UNVERIFIED: where Sheets puts a chart nobody positioned; the top-left cell is the plainest guess.
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    mergeStrategy: 'MERGE_COLUMNS',
    // UNVERIFIED default; Sheets' chart editor leaves hidden rows and columns out unless told.
    hiddenDimensionStrategy: 'IGNORE_BOTH',
    transpose: false,
  };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const sameRange = (a: ChartRangeRecord, b: ChartRangeRecord) =>
  a.sheetId === b.sheetId &&
  a.row === b.row &&
  a.column === b.column &&
  a.numRows === b.numRows &&
  a.numColumns === b.numColumns;

/** An option's value as JSON (what Gviz options are); functions and other objects are refused. */
function optionValue(value: unknown, method: string): ChartOptionValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((v) => optionValue(v, method));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, ChartOptionValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = optionValue(v, method);
    return out;
  }
  throw signatureMismatch(method, ['', value]);
}

class ChartOptions implements Emulated<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  readonly #options: Record<string, ChartOptionValue>;

  constructor(options: Record<string, ChartOptionValue>) {
    this.#options = options;
  }

  /** The value set under this path; null when none was (UNVERIFIED: Google may give undefined). */
  get(option: string): unknown {
    if (typeof option !== 'string') throw signatureMismatch('ChartOptions.get', [option]);
    const v = this.#options[option];
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  }
}

class ContainerInfo implements Emulated<
  GoogleAppsScript.Spreadsheet.ContainerInfo,
  'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'
> {
  constructor(private readonly p: ChartSpecRecord['position']) {}
  getAnchorColumn(): number {
    return this.p.anchorColumn;
  }
  getAnchorRow(): number {
    return this.p.anchorRow;
  }
  getOffsetX(): number {
    return this.p.offsetX;
  }
  getOffsetY(): number {
    return this.p.offsetY;
  }
}

function rangeHandles(env: HandleContext, spreadsheetId: string, ranges: ChartRangeRecord[]): Range[] {
  return ranges.map((r) => new Range(new SheetRef(env, spreadsheetId, r.sheetId), { ...r }));
}

type EmbeddedChartApi = Emulated<
  GoogleAppsScript.Spreadsheet.EmbeddedChart,
  | 'getAs'
  | 'getBlob'
  | 'getChartId'
  | 'getContainerInfo'
  | 'getHiddenDimensionStrategy'
  | 'getMergeStrategy'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify'
>;

export class EmbeddedChart implements EmbeddedChartApi {
  constructor(state: ChartState) {
    STATES.set(this, state);
  }

  get #s(): ChartState {
    return STATES.get(this)!;
  }

  /**
   * "Returns a stable identifier for the chart that is unique across the spreadsheet containing the chart or null if
   * the chart is not in a spreadsheet" (EmbeddedChart reference): null for a chart only built, until getCharts reads
   * it back (UNVERIFIED whether Google fills in the id of the very object passed to insertChart; we do not).
   */
  getChartId(): number | null {
    return this.#s.chartId;
  }

  getContainerInfo(): ContainerInfo {
    return new ContainerInfo({ ...this.#s.spec.position });
  }

  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return member(this.#s.spec.hiddenDimensionStrategy);
  }

  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return member(this.#s.spec.mergeStrategy);
  }

  getNumHeaders(): number {
    return this.#s.spec.numHeaders;
  }

  getOptions(): ChartOptions {
    return new ChartOptions(copySpec(this.#s.spec).options);
  }

  getRanges(): Range[] {
    const s = this.#s;
    return rangeHandles(s.origin.env, s.origin.spreadsheetId, s.spec.ranges);
  }

  getTransposeRowsAndColumns(): boolean {
    return this.#s.spec.transpose;
  }

  /** A builder holding a copy of this chart, id included, for Sheet.updateChart. */
  modify(): EmbeddedChartBuilder {
    const s = this.#s;
    return builderFor({ origin: s.origin, spec: copySpec(s.spec), chartId: s.chartId, inserted: false });
  }

  getAs(contentType: string): never {
    throw fail(CHART_MESSAGES.notEmulated(`EmbeddedChart.getAs(${JSON.stringify(contentType)})`));
  }

  getBlob(): never {
    throw fail(CHART_MESSAGES.notEmulated('EmbeddedChart.getBlob()'));
  }
}

type BuilderApi = Emulated<
  GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  | 'addRange'
  | 'asAreaChart'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asComboChart'
  | 'asHistogramChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'asScatterChart'
  | 'asTableChart'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getContainer'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setHiddenDimensionStrategy'
  | 'setMergeStrategy'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'setTransposeRowsAndColumns'
>;

/** EmbeddedChartBuilder: the setters every chart has. The typed builders (asColumnChart...) share its state. */
export class EmbeddedChartBuilder implements BuilderApi {
  protected readonly s: ChartState;

  constructor(state: ChartState) {
    this.s = state;
  }

  protected option(key: string, value: ChartOptionValue): this {
    this.s.spec.options[key] = value;
    return this;
  }

  /** A range of this spreadsheet, any sheet of it (a Dashboard chart may read a Reports sheet). */
  addRange(range: GoogleAppsScript.Spreadsheet.Range | RangeSource): this {
    if (!isRangeSource(range)) throw signatureMismatch('EmbeddedChartBuilder.addRange', [range]);
    const src = range[SOURCE]();
    if (src.spreadsheetId !== this.s.origin.spreadsheetId) throw fail(CHART_MESSAGES.otherSpreadsheet);
    const { sheetId, row, column, numRows, numColumns } = src;
    this.s.spec.ranges.push({ sheetId, row, column, numRows, numColumns });
    return this;
  }

  /** Strict: a range the chart does not have is refused (UNVERIFIED: Google may ignore it). */
  removeRange(range: GoogleAppsScript.Spreadsheet.Range | RangeSource): this {
    if (!isRangeSource(range)) throw signatureMismatch('EmbeddedChartBuilder.removeRange', [range]);
    const src = range[SOURCE]();
    const r = { ...src };
    const at = this.s.spec.ranges.findIndex(
      (x) => src.spreadsheetId === this.s.origin.spreadsheetId && sameRange(x, r),
    );
    if (at < 0) throw fail(CHART_MESSAGES.rangeNotInChart);
    this.s.spec.ranges.splice(at, 1);
    return this;
  }

  clearRanges(): this {
    this.s.spec.ranges = [];
    return this;
  }

  getRanges(): Range[] {
    return rangeHandles(this.s.origin.env, this.s.origin.spreadsheetId, this.s.spec.ranges);
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    // UNVERIFIED: what Google returns before a type is set; null here.
    return (this.s.spec.type || null) as unknown as GoogleAppsScript.Charts.ChartType;
  }

  getContainer(): ContainerInfo {
    return new ContainerInfo({ ...this.s.spec.position });
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    if (!CHART_TYPES.includes(type as unknown as (typeof CHART_TYPES)[number]))
      throw signatureMismatch('EmbeddedChartBuilder.setChartType', [type]);
    this.s.spec.type = String(type);
    return this;
  }

  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): this {
    const name = String(strategy) as ChartSpecRecord['hiddenDimensionStrategy'];
    if (!HIDDEN_STRATEGIES.includes(name))
      throw signatureMismatch('EmbeddedChartBuilder.setHiddenDimensionStrategy', [strategy]);
    this.s.spec.hiddenDimensionStrategy = name;
    return this;
  }

  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): this {
    const name = String(mergeStrategy) as ChartSpecRecord['mergeStrategy'];
    if (!MERGE_STRATEGIES.includes(name))
      throw signatureMismatch('EmbeddedChartBuilder.setMergeStrategy', [mergeStrategy]);
    this.s.spec.mergeStrategy = name;
    return this;
  }

  setNumHeaders(headers: number): this {
    if (!isInt(headers) || headers < -1) throw signatureMismatch('EmbeddedChartBuilder.setNumHeaders', [headers]);
    this.s.spec.numHeaders = headers;
    return this;
  }

  setOption(option: string, value: unknown): this {
    if (typeof option !== 'string' || option === '')
      throw signatureMismatch('EmbeddedChartBuilder.setOption', [option, value]);
    return this.option(option, optionValue(value, 'EmbeddedChartBuilder.setOption'));
  }

  /** Anchor cell (1-based) and pixel offsets from it. Strict: whole numbers, anchor ≥ 1, offsets ≥ 0 (UNVERIFIED). */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every(isInt)) throw signatureMismatch('EmbeddedChartBuilder.setPosition', args);
    if (anchorRowPos < 1 || anchorColPos < 1 || offsetX < 0 || offsetY < 0) throw fail(CHART_MESSAGES.anchorOutside);
    this.s.spec.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    if (typeof transpose !== 'boolean')
      throw signatureMismatch('EmbeddedChartBuilder.setTransposeRowsAndColumns', [transpose]);
    this.s.spec.transpose = transpose;
    return this;
  }

  #as<B>(type: string, make: (s: ChartState) => B): B {
    this.s.spec.type = type;
    return make(this.s);
  }

  asAreaChart(): StackedChartBuilder {
    return this.#as('AREA', (s) => new StackedChartBuilder(s));
  }

  asBarChart(): BarChartBuilder {
    return this.#as('BAR', (s) => new BarChartBuilder(s));
  }

  asColumnChart(): StackedChartBuilder {
    return this.#as('COLUMN', (s) => new StackedChartBuilder(s));
  }

  asComboChart(): StackedChartBuilder {
    return this.#as('COMBO', (s) => new StackedChartBuilder(s));
  }

  asHistogramChart(): StackedChartBuilder {
    return this.#as('HISTOGRAM', (s) => new StackedChartBuilder(s));
  }

  asLineChart(): LineChartBuilder {
    return this.#as('LINE', (s) => new LineChartBuilder(s));
  }

  asPieChart(): PieChartBuilder {
    return this.#as('PIE', (s) => new PieChartBuilder(s));
  }

  asScatterChart(): never {
    throw unsupported('EmbeddedChartBuilder.asScatterChart');
  }

  asTableChart(): never {
    throw unsupported('EmbeddedChartBuilder.asTableChart');
  }

  /** A chart (not yet on the sheet). Strict: a type and at least one range (UNVERIFIED whether Google checks here). */
  build(): EmbeddedChart {
    if (!this.s.spec.type) throw fail(CHART_MESSAGES.noType);
    if (!this.s.spec.ranges.length) throw fail(CHART_MESSAGES.noRanges);
    return new EmbeddedChart({ ...this.s, spec: copySpec(this.s.spec), inserted: false });
  }
}

/** The builder modify() gives: the plain EmbeddedChartBuilder, as the typings say; asXxxChart() gives the typed one. */
export function builderFor(state: ChartState): EmbeddedChartBuilder {
  return new EmbeddedChartBuilder(state);
}

const LEGEND: Record<string, string> = { TOP: 'top', RIGHT: 'right', BOTTOM: 'bottom', NONE: 'none' };

/** What the pie builder shares with the axis builders: title, legend, colours, background. */
class TitledChartBuilder extends EmbeddedChartBuilder {
  setTitle(chartTitle: string): this {
    if (typeof chartTitle !== 'string') throw signatureMismatch('EmbeddedChartBuilder.setTitle', [chartTitle]);
    return this.option('title', chartTitle);
  }

  /** Gviz `legend.position` in lower case, as Google Charts spells it (UNVERIFIED: the key Apps Script stores). */
  setLegendPosition(position: GoogleAppsScript.Charts.Position): this {
    const name = LEGEND[String(position)];
    if (!name) throw signatureMismatch('EmbeddedChartBuilder.setLegendPosition', [position]);
    return this.option('legend.position', name);
  }

  setColors(cssValues: string[]): this {
    if (!Array.isArray(cssValues) || cssValues.some((c) => typeof c !== 'string'))
      throw signatureMismatch('EmbeddedChartBuilder.setColors', [cssValues]);
    return this.option('colors', [...cssValues]);
  }

  setBackgroundColor(cssValue: string): this {
    if (typeof cssValue !== 'string') throw signatureMismatch('EmbeddedChartBuilder.setBackgroundColor', [cssValue]);
    return this.option('backgroundColor', cssValue);
  }
}

/** Column, area, combo, histogram: axis titles, value range, log scale, stacking. */
class AxisChartBuilder extends TitledChartBuilder {
  /** The axis the values run along: vertical, but horizontal in a bar chart. */
  protected valueAxis = 'vAxis';
  protected categoryAxis = 'hAxis';

  setXAxisTitle(title: string): this {
    if (typeof title !== 'string') throw signatureMismatch('EmbeddedChartBuilder.setXAxisTitle', [title]);
    return this.option('hAxis.title', title);
  }

  setYAxisTitle(title: string): this {
    if (typeof title !== 'string') throw signatureMismatch('EmbeddedChartBuilder.setYAxisTitle', [title]);
    return this.option('vAxis.title', title);
  }

  /** The value axis' bounds: Gviz viewWindow (UNVERIFIED key). */
  setRange(start: number, end: number): this {
    if (typeof start !== 'number' || typeof end !== 'number')
      throw signatureMismatch('EmbeddedChartBuilder.setRange', [start, end]);
    this.option(`${this.valueAxis}.viewWindow.min`, start);
    return this.option(`${this.valueAxis}.viewWindow.max`, end);
  }

  useLogScale(): this {
    return this.option(`${this.valueAxis}.logScale`, true);
  }

  /** Gviz `direction: -1` on the category axis (UNVERIFIED key). */
  reverseCategories(): this {
    return this.option(`${this.categoryAxis}.direction`, -1);
  }
}

/** Column, area, combo and histogram builders: axis charts that stack. */
class StackedChartBuilder extends AxisChartBuilder {
  /** Gviz `isStacked: true`: the series of a category are drawn one on another. */
  setStacked(): this {
    return this.option('isStacked', true);
  }

  /** Area charts only in Google's typings; harmless elsewhere here. Gviz `pointSize` (UNVERIFIED sizes). */
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): this {
    return pointStyle(this, style);
  }
}

class BarChartBuilder extends AxisChartBuilder {
  protected override valueAxis = 'hAxis';
  protected override categoryAxis = 'vAxis';

  setStacked(): this {
    return this.option('isStacked', true);
  }

  /** Bars grow right to left: Gviz `hAxis.direction: -1` (UNVERIFIED key). */
  reverseDirection(): this {
    return this.option('hAxis.direction', -1);
  }
}

const POINT_SIZES: Record<string, number> = { NONE: 0, TINY: 2, MEDIUM: 7, LARGE: 14, HUGE: 28 };

function pointStyle<B extends EmbeddedChartBuilder>(b: B, style: unknown): B {
  const size = POINT_SIZES[String(style)];
  if (size === undefined) throw signatureMismatch('EmbeddedChartBuilder.setPointStyle', [style]);
  return b.setOption('pointSize', size) as B;
}

class LineChartBuilder extends AxisChartBuilder {
  /** Gviz `curveType`: 'function' draws smooth curves, 'none' straight segments. */
  setCurveStyle(style: GoogleAppsScript.Charts.CurveStyle): this {
    const name = String(style);
    if (!CURVE_STYLES.includes(name as (typeof CURVE_STYLES)[number]))
      throw signatureMismatch('EmbeddedLineChartBuilder.setCurveStyle', [style]);
    return this.option('curveType', name === 'SMOOTH' ? 'function' : 'none');
  }

  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): this {
    return pointStyle(this, style);
  }
}

class PieChartBuilder extends TitledChartBuilder {
  /** Gviz `is3D: true`. */
  set3D(): this {
    return this.option('is3D', true);
  }

  /** Gviz pie option `reverseCategories: true` (slices counter-clockwise). */
  reverseCategories(): this {
    return this.option('reverseCategories', true);
  }
}

export type { ChartOptions, ContainerInfo };

/** The Charts service's enums (what an embedded chart's builders take); its own chart builders are not emulated. */
export function createCharts(): Pick<
  GoogleAppsScript.Charts.Charts,
  'ChartType' | 'ChartMergeStrategy' | 'ChartHiddenDimensionStrategy' | 'Position' | 'CurveStyle' | 'PointStyle'
> &
  Record<string, unknown> {
  const enumOf = (names: readonly string[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
  const notEmulated = (name: string) => () => {
    throw unsupported(`Charts.${name} (charts outside a spreadsheet)`);
  };
  return {
    ChartType: enumOf(CHART_TYPES),
    ChartMergeStrategy: enumOf(MERGE_STRATEGIES),
    ChartHiddenDimensionStrategy: enumOf(HIDDEN_STRATEGIES),
    Position: enumOf(POSITIONS),
    CurveStyle: enumOf(CURVE_STYLES),
    PointStyle: enumOf(POINT_STYLES),
    ColumnType: enumOf(['DATE', 'NUMBER', 'STRING']),
    newAreaChart: notEmulated('newAreaChart'),
    newBarChart: notEmulated('newBarChart'),
    newColumnChart: notEmulated('newColumnChart'),
    newDataTable: notEmulated('newDataTable'),
    newLineChart: notEmulated('newLineChart'),
    newPieChart: notEmulated('newPieChart'),
    newScatterChart: notEmulated('newScatterChart'),
    newTableChart: notEmulated('newTableChart'),
    newTextStyle: notEmulated('newTextStyle'),
  } as never;
}
