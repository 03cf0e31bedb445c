// A sheet's embedded charts, drawn in the browser with chart.js from the table each chart reads from its ranges now
// (the API's ChartView), as Sheets draws them over the grid: column and bar charts stacked or not, line, area and pie;
// the title, the legend where the script put it, the axis titles and colours it set. Each card says where the chart
// is anchored. Text reaches the page only through chart.js' canvas and textContent.

import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartConfiguration,
  ChartDataset,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  DoughnutController,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';
import { element } from './dom';
import type { ChartView } from './types';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Title,
  Tooltip,
);

/** Sheets' default series colours (its chart editor's palette), used where the script set none. */
const PALETTE = ['#4285F4', '#EA4335', '#FBBC04', '#34A853', '#FF6D01', '#46BDC6', '#7BAAF7', '#F07B72', '#FCD04F'];

/** An option by its Gviz path, set flat ('legend.position') by setOption/the typed setters or nested ({legend:{…}}). */
function option(options: Record<string, unknown>, path: string): unknown {
  if (path in options) return options[path];
  let at: unknown = options;
  for (const key of path.split('.')) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Gviz isStacked: true, 'true', 'absolute'; 'percent'/'relative' are drawn stacked too (not as shares). */
const isStacked = (v: unknown): boolean => v === true || (typeof v === 'string' && v !== 'false' && v !== '');

function colours(view: ChartView, count: number): string[] {
  const set = option(view.options, 'colors');
  const given = Array.isArray(set) ? set.filter((c): c is string => typeof c === 'string') : [];
  return Array.from({ length: count }, (_, i) => given[i] ?? PALETTE[i % PALETTE.length]);
}

type Drawn = 'bar' | 'line' | 'pie' | 'doughnut';

/** How chart.js draws each Sheets chart type; undefined: not drawn here (a card says so). */
function drawnAs(type: string): { kind: Drawn; horizontal?: boolean; fill?: boolean; stepped?: boolean } | undefined {
  switch (type) {
    case 'COLUMN':
    case 'HISTOGRAM':
    case 'COMBO':
      return { kind: 'bar' };
    case 'BAR':
      return { kind: 'bar', horizontal: true };
    case 'LINE':
      return { kind: 'line' };
    case 'AREA':
      return { kind: 'line', fill: true };
    case 'STEPPED_AREA':
      return { kind: 'line', fill: true, stepped: true };
    case 'PIE':
      return { kind: 'pie' };
    default:
      return undefined;
  }
}

const LEGEND = { top: 'top', bottom: 'bottom', right: 'right', left: 'left' } as const;

function configFor(view: ChartView, how: NonNullable<ReturnType<typeof drawnAs>>): ChartConfiguration {
  const title = text(option(view.options, 'title'));
  const legendAt = String(option(view.options, 'legend.position') ?? option(view.options, 'legend') ?? 'right');
  const legend = {
    display: legendAt !== 'none',
    position: LEGEND[legendAt as keyof typeof LEGEND] ?? 'right',
  };
  const plugins = { title: { display: !!title, text: title ?? '' }, legend };
  if (how.kind === 'pie') {
    // A pie draws the first series, one slice per category; pieHole makes it a ring, as in Sheets.
    const hole = Number(option(view.options, 'pieHole') ?? 0);
    const first = view.series[0] ?? { name: '', values: [] };
    return {
      type: hole > 0 ? 'doughnut' : 'pie',
      data: {
        labels: view.labels,
        datasets: [{ label: first.name, data: first.values, backgroundColor: colours(view, view.labels.length) }],
      },
      options: { animation: false, responsive: false, plugins },
    } as ChartConfiguration;
  }
  const stacked = isStacked(option(view.options, 'isStacked'));
  const palette = colours(view, view.series.length);
  const datasets: ChartDataset[] = view.series.map((s, i) => ({
    label: s.name,
    data: s.values,
    backgroundColor: how.kind === 'line' && !how.fill ? palette[i] : `${palette[i]}${how.fill ? '66' : ''}`,
    borderColor: palette[i],
    ...(how.kind === 'line' && {
      fill: how.fill ? (stacked && i > 0 ? '-1' : 'origin') : false,
      stepped: how.stepped ?? false,
      tension: option(view.options, 'curveType') === 'function' ? 0.4 : 0,
    }),
  })) as ChartDataset[];
  const axisTitle = (path: string) => {
    const t = text(option(view.options, path));
    return { display: !!t, text: t ?? '' };
  };
  return {
    type: how.kind,
    data: { labels: view.labels, datasets },
    options: {
      animation: false,
      responsive: false,
      indexAxis: how.horizontal ? 'y' : 'x',
      plugins,
      scales: {
        // Sheets starts the value axis at zero for counts; in a bar chart that axis is the horizontal one.
        x: { stacked, title: axisTitle('hAxis.title'), beginAtZero: !!how.horizontal },
        y: { stacked, title: axisTitle('vAxis.title'), beginAtZero: !how.horizontal },
      },
    },
  } as ChartConfiguration;
}

/** The charts on screen now: destroyed before the page redraws the sheet, so none leaks or draws twice. */
const live = new Map<number, Chart>();

export function destroyCharts(): void {
  for (const c of live.values()) c.destroy();
  live.clear();
}

function chartCard(view: ChartView): HTMLElement {
  const how = drawnAs(view.type);
  const card = element('figure', { class: 'chart', 'data-chart-id': String(view.chartId), 'data-type': view.type });
  const caption = element('figcaption', {}, `${view.type} · anchored at ${view.anchor.a1} · ${view.ranges.join(', ')}`);
  if (!how) {
    card.append(element('p', { class: 'chart-missing' }, `The sandbox does not draw ${view.type} charts.`), caption);
    return card;
  }
  const canvas = element('canvas', { width: '480', height: '300', 'aria-label': text(view.options.title) ?? '' });
  card.append(canvas, caption);
  live.set(view.chartId, new Chart(canvas, configFor(view, how)));
  return card;
}

/** The section under the grid with each chart of the sheet; nothing when it has none. */
export function renderCharts(charts: ChartView[]): HTMLElement | null {
  destroyCharts();
  if (!charts.length) return null;
  return element('section', { class: 'charts', 'aria-label': 'Charts' }, ...charts.map(chartCard));
}

/** What a test reads of the drawn charts: chart.js' own instances (their type, title, labels and datasets). */
export interface DrawnChart {
  chartId: number;
  type: string;
  title: string;
  stacked: boolean;
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null> }>;
}

function drawn(): DrawnChart[] {
  return [...live.entries()].map(([chartId, c]) => {
    const options = c.options as {
      plugins?: { title?: { text?: string } };
      scales?: { x?: { stacked?: boolean } };
    };
    return {
      chartId,
      type: (c.config as { type: string }).type,
      title: String(options.plugins?.title?.text ?? ''),
      stacked: !!options.scales?.x?.stacked,
      labels: (c.data.labels ?? []).map(String),
      datasets: c.data.datasets.map((d) => ({ label: String(d.label ?? ''), data: d.data as Array<number | null> })),
    };
  });
}

(window as unknown as { crmSandboxCharts: () => DrawnChart[] }).crmSandboxCharts = drawn;
