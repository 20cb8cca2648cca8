import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './charts.js';

export type { ChartOption };

/** What a widget tells its chart; read on every update. */
export interface ChartSource {
  /** The element drawn into, sized by CSS (`part="chart"`); null while not rendered. */
  container(): HTMLElement | null | undefined;
  /** The option for the current data; null: nothing to draw yet. */
  option(): ChartOption | null;
  /** The widget's resolved theme class (`light`, `dark`, `auto`). */
  theme(): 'light' | 'dark' | 'auto';
}

type ChartsModule = typeof import('./charts.js');
let charts: Promise<ChartsModule> | null = null;
/** The chart code is a separate chunk: a widget paints its numbers first, and a page without charts never loads it. */
const loadCharts = () => (charts ??= import('./charts.js'));

const darkScheme = () => matchMedia('(prefers-color-scheme: dark)');
const printing = () => matchMedia('print');

/**
 * One echarts instance for a widget: created once the chart code has loaded,
 * updated after each render, re-created when the theme flips, resized with its
 * container, disposed when the widget leaves the page.
 */
export class ChartController implements ReactiveController {
  private chart: EChartsType | null = null;
  private dark = false;
  private readonly resizes = new ResizeObserver(() => this.chart?.resize());
  private drawing: Promise<void> = Promise.resolve();
  /** The option last given to the chart: a widget re-rendering for other reasons (its clock) does not redraw it. */
  private drawnOption: ChartOption | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ChartSource,
  ) {
    host.addController(this);
  }

  /** The live instance (for a widget's event handlers); null before the chart code has arrived. */
  get instance(): EChartsType | null {
    return this.chart;
  }

  /** Settles when the latest update has been drawn. */
  get drawn(): Promise<void> {
    return this.drawing;
  }

  hostConnected(): void {
    darkScheme().addEventListener('change', this.onSchemeChange);
    printing().addEventListener('change', this.onPrint);
  }

  hostUpdated(): void {
    this.drawing = this.draw();
  }

  hostDisconnected(): void {
    darkScheme().removeEventListener('change', this.onSchemeChange);
    printing().removeEventListener('change', this.onPrint);
    this.resizes.disconnect();
    this.chart?.dispose();
    this.chart = null;
    this.drawnOption = null;
  }

  private readonly onSchemeChange = () => this.host.requestUpdate();

  /** Printing: drawn again on paper's terms (light, the print stylesheet's colours, the page's width), and back after. */
  private readonly onPrint = () => {
    this.drawnOption = null;
    this.chart?.resize();
    this.host.requestUpdate();
  };

  private async draw(): Promise<void> {
    if (!this.source.container() || !this.source.option()) return;
    const { init } = await loadCharts();
    // Read again: the widget may have re-rendered or left the page while the chunk loaded.
    const el = this.source.container();
    const option = this.source.option();
    if (!el || !option || !this.host.isConnected) return;
    const theme = this.source.theme();
    const dark = !printing().matches && (theme === 'dark' || (theme === 'auto' && darkScheme().matches));
    if (!this.chart || this.chart.getDom() !== el || dark !== this.dark) {
      this.chart?.dispose();
      this.resizes.disconnect();
      this.chart = init(el, dark ? 'dark' : undefined);
      this.dark = dark;
      this.resizes.observe(el);
      this.drawnOption = null;
    }
    if (option === this.drawnOption) return;
    this.drawnOption = option;
    this.chart.setOption({ ...themeOption(el), ...option });
  }
}

/** Colours and font from the widget's tokens, so a host's `--fv-*` theme reaches the canvas too. */
function themeOption(el: HTMLElement): ChartOption {
  const style = getComputedStyle(el);
  const token = (name: string) => style.getPropertyValue(name).trim();
  const palette = ['--_accent', '--_success', '--_warning', '--_danger', '--_monitor', '--_text-muted'].map(token).filter(Boolean);
  return {
    backgroundColor: 'transparent',
    textStyle: { color: token('--_text') || undefined, fontFamily: style.fontFamily },
    ...(palette.length > 0 ? { color: palette } : {}),
  };
}
