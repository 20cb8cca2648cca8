import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { HistoryTranslator } from './i18n/index.js';
import { datesOf, RANGE_PRESETS, type RangeChoice } from './range.js';

export interface FilterChoice {
  queue: string;
  agent: string;
  location: string;
}

export interface FilterOptions {
  queues: readonly { id: string; name: string }[];
  agents: readonly { id: string; name: string }[];
  locations: readonly string[];
}

export interface ToolbarProps {
  tr: HistoryTranslator;
  title: string;
  choice: RangeChoice;
  /** The zone the range's dates are read in. */
  timeZone: string;
  filters: FilterChoice;
  options: FilterOptions;
  status: TemplateResult | typeof nothing;
  onRange(change: Partial<RangeChoice>): void;
  onFilter(change: Partial<FilterChoice>): void;
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** The range and filters in words (`Last 7 days: 2026-11-29 – 2026-12-05 · Queue: Sales`): what a printout shows instead of the controls. */
export function choiceSummary(p: Pick<ToolbarProps, 'tr' | 'choice' | 'timeZone' | 'filters' | 'options'>): string {
  const { tr, choice, filters, options } = p;
  const dates = datesOf(choice, p.timeZone);
  const nameOf = (id: string, list: readonly { id: string; name: string }[]) => list.find((x) => x.id === id)?.name ?? id;
  return [
    `${tr.t(`range.${choice.preset}`)}${dates ? `: ${dates.from === dates.to ? dates.from : `${dates.from} – ${dates.to}`}` : ''}`,
    choice.timeFrom || choice.timeTo ? `${tr.t('range.timeFrom')} ${choice.timeFrom || '00:00'} ${tr.t('range.timeTo')} ${choice.timeTo || '24:00'}` : '',
    filters.queue ? `${tr.t('filter.queue')}: ${nameOf(filters.queue, options.queues)}` : '',
    filters.agent ? `${tr.t('filter.agent')}: ${nameOf(filters.agent, options.agents)}` : '',
    filters.location ? `${tr.t('filter.location')}: ${filters.location}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Title, the range picker (presets, custom dates, a time-of-day window) and the filters (`part="header"`). */
export function renderToolbar(p: ToolbarProps) {
  const { tr, choice, filters, options } = p;
  const select = (label: string, all: string, current: string, items: readonly { id: string; name: string }[], key: keyof FilterChoice) =>
    html`<select class="field" aria-label=${label} @change=${(e: Event) => p.onFilter({ [key]: value(e) })}>
      <option value="" ?selected=${current === ''}>${all}</option>
      ${items.map((i) => html`<option value=${i.id} ?selected=${current === i.id}>${i.name}</option>`)}
    </select>`;
  return html`<div part="header" class="toolbar">
    <h2 class="title">${p.title}</h2>
    <p class="print-only">${choiceSummary(p)}</p>
    <div class="segmented" role="group" aria-label=${tr.t('range.label')}>
      ${RANGE_PRESETS.map(
        (preset) => html`<button class="button" aria-pressed=${choice.preset === preset ? 'true' : 'false'} @click=${() => p.onRange({ preset })}>
          ${tr.t(`range.${preset}`)}
        </button>`,
      )}
    </div>
    ${choice.preset === 'custom'
      ? html`<label class="inline">${tr.t('range.from')} <input class="field" type="date" .value=${live(choice.from)} @change=${(e: Event) => p.onRange({ from: value(e) })} /></label>
          <label class="inline">${tr.t('range.to')} <input class="field" type="date" .value=${live(choice.to)} @change=${(e: Event) => p.onRange({ to: value(e) })} /></label>`
      : nothing}
    <label class="inline">${tr.t('range.timeFrom')}
      <input class="field" type="time" step="900" .value=${live(choice.timeFrom)} @change=${(e: Event) => p.onRange({ timeFrom: value(e) })} />
    </label>
    <label class="inline">${tr.t('range.timeTo')}
      <input class="field" type="time" step="900" .value=${live(choice.timeTo)} @change=${(e: Event) => p.onRange({ timeTo: value(e) })} />
    </label>
    ${select(tr.t('filter.queue'), tr.t('filter.allQueues'), filters.queue, options.queues, 'queue')}
    ${select(tr.t('filter.agent'), tr.t('filter.allAgents'), filters.agent, options.agents, 'agent')}
    ${select(tr.t('filter.location'), tr.t('filter.allLocations'), filters.location, options.locations.map((l) => ({ id: l, name: l })), 'location')}
    ${p.status}
  </div>`;
}
