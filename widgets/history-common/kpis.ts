import { html } from 'lit';
import type { HistoryTranslator } from './i18n/index.js';

export interface Kpi {
  label: string;
  value: string;
  /** A second line (the queue a KPI names, a count). */
  note?: string | undefined;
  /** Opens the calls behind the figure. */
  drill?: (() => void) | undefined;
}

/** The KPI cards (`part="kpi"` each) in a row that wraps. */
export function renderKpis(kpis: readonly Kpi[], tr: HistoryTranslator) {
  return html`<dl class="kpis">
    ${kpis.map(
      (k) => html`<div part="kpi" class="kpi">
        <dt>${k.label}</dt>
        <dd>
          ${k.drill
            ? html`<button class="figure" title=${tr.t('history.drill', { figure: k.label })} @click=${k.drill}>${k.value}</button>`
            : k.value}
          ${k.note ? html`<span class="note">${k.note}</span>` : ''}
        </dd>
      </div>`,
    )}
  </dl>`;
}
