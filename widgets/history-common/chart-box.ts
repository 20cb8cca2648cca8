import type { EChartsType } from 'echarts/core';
import { html, nothing } from 'lit';
import type { ChartController } from '../core/chart-controller.js';
import type { HistoryTranslator } from './i18n/index.js';

export type Order = 'asc' | 'desc';

export interface ChartBoxProps {
  tr: HistoryTranslator;
  /** Finds the chart's container: `.chart[data-chart=<name>]`. */
  name: string;
  title: string;
  /** The chart in words, for assistive technology (the figures are also in the tables). */
  summary: string;
  /** `loading`: the rankings in this order are on their way. */
  state: 'ready' | 'empty' | 'loading';
  /** A highest/lowest switch, for rankings. */
  order?: { value: Order; onChange(order: Order): void } | undefined;
  /** A line of text under the chart: what the figures come to. */
  note?: string | undefined;
}

/** A titled chart panel (`part="chart"`), its order switch, a note while loading or when there is nothing to draw, and a line under it. */
export function renderChartBox(p: ChartBoxProps) {
  const { tr } = p;
  return html`<figure class="chart-box">
    <figcaption class="section-head">
      <h3>${p.title}</h3>
      ${p.order
        ? html`<div class="segmented" role="group" aria-label=${tr.t('history.order', { chart: p.title })}>
            ${(['desc', 'asc'] as const).map(
              (o) => html`<button class="button" aria-pressed=${p.order!.value === o ? 'true' : 'false'} @click=${() => p.order!.onChange(o)}>
                ${tr.t(o === 'desc' ? 'history.highest' : 'history.lowest')}
              </button>`,
            )}
          </div>`
        : nothing}
    </figcaption>
    ${p.state === 'ready'
      ? html`<div part="chart" class="chart" data-chart=${p.name} role="img" aria-label=${`${p.title}: ${p.summary}`}></div>`
      : html`<p class="empty" role="status">${tr.t(p.state === 'loading' ? 'history.loading' : 'history.noData')}</p>`}
    ${p.note ? html`<p class="chart-note">${p.note}</p>` : nothing}
  </figure>`;
}

const bound = new WeakSet<EChartsType>();

/** Calls `onClick(dataIndex)` when a bar, point or slice is clicked; bound once per chart instance (a theme change makes a new one). */
export async function bindChartClicks(chart: ChartController, onClick: (dataIndex: number) => void): Promise<void> {
  await chart.drawn;
  const instance = chart.instance;
  if (!instance || bound.has(instance)) return;
  bound.add(instance);
  instance.on('click', (params) => onClick(params.dataIndex));
}
