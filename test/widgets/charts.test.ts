import { expect, fixture, html } from '@open-wc/testing';
import { css, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ChartController, type ChartOption } from '../../widgets/core/chart-controller.js';
import { defineElement } from '../../widgets/core/define.js';
import { themeStyles } from '../../widgets/core/theme.styles.js';
import { waitUntil } from '../support/wait-until.js';

/** A minimal widget with a number and a chart, as later widgets (queue trends, statistics) will have. */
class ChartProbe extends LitElement {
  static override styles = [themeStyles, css`.chart { width: 300px; height: 150px; }`];
  @property() accessor theme: 'light' | 'dark' | 'auto' = 'light';
  @property({ attribute: false }) accessor values: number[] = [3, 1, 4, 1, 5];
  readonly chart = new ChartController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.chart'),
    option: (): ChartOption => ({
      xAxis: { type: 'category', data: this.values.map((_, i) => String(i)) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', data: this.values }],
    }),
    theme: () => this.theme,
  });
  protected override render() {
    return html`<div part="base" class="base ${this.theme}">
      <span part="kpi" class="kpi">${this.values.reduce((a, b) => a + b, 0)}</span>
      <div part="chart" class="chart"></div>
    </div>`;
  }
}
defineElement('chart-probe', ChartProbe);

describe('ChartController (widgets/core/charts.ts)', () => {
  it('paints the widget’s numbers first, then draws once the chart code has loaded', async () => {
    const el = await fixture<ChartProbe>(html`<chart-probe></chart-probe>`);
    expect(el.shadowRoot!.querySelector('.kpi')!.textContent).to.equal('14');
    await el.chart.drawn;
    expect(el.chart.instance).to.exist;
    expect(el.shadowRoot!.querySelector('.chart canvas')).to.exist;
    el.values = [10, 20];
    await el.updateComplete;
    await el.chart.drawn;
    expect((el.chart.instance!.getOption() as { series: { data: number[] }[] }).series[0]!.data).to.deep.equal([10, 20]);
  });

  it('follows the widget’s theme and its --fv-* tokens', async () => {
    const el = await fixture<ChartProbe>(html`<chart-probe style="--fv-color-accent: rgb(1, 2, 3)"></chart-probe>`);
    await el.chart.drawn;
    const option = () => el.chart.instance!.getOption() as { color: string[]; textStyle: { color: string } };
    expect(option().color[0]).to.equal('rgb(1, 2, 3)');
    expect(option().textStyle.color).to.equal('#111827');
    const light = el.chart.instance;
    el.theme = 'dark';
    await el.updateComplete;
    await el.chart.drawn;
    expect(el.chart.instance).not.to.equal(light);
    expect(light!.isDisposed()).to.equal(true);
    expect(option().textStyle.color).to.equal('#f3f4f6');
  });

  it('resizes with its container', async () => {
    const el = await fixture<ChartProbe>(html`<chart-probe></chart-probe>`);
    await el.chart.drawn;
    expect(el.chart.instance!.getWidth()).to.equal(300);
    el.shadowRoot!.querySelector<HTMLElement>('.chart')!.style.width = '420px';
    await waitUntil(() => el.chart.instance!.getWidth() === 420, 'resized');
  });

  it('is disposed when the widget leaves the page', async () => {
    const el = await fixture<ChartProbe>(html`<chart-probe></chart-probe>`);
    await el.chart.drawn;
    const chart = el.chart.instance!;
    el.remove();
    expect(chart.isDisposed()).to.equal(true);
    expect(el.chart.instance).to.equal(null);
  });
});
