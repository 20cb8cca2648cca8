import { Task } from '@lit/task';
import type { nothing, ReactiveControllerHost, TemplateResult } from 'lit';
import { credentialKey, type ApiTarget } from '../core/api.js';
import { collator } from '../core/format.js';
import type { Lang } from '../core/i18n/index.js';
import { fetchFilterOptions, NO_OPTIONS, sortedOptions } from './filter-options.js';
import { renderToolbar, type FilterOptions } from './history-toolbar.js';
import type { HistoryTranslator } from './i18n/index.js';
import { datesOf, idList, RANGE_PRESETS, statsParams, type RangeChoice, type RangePreset, type StatsParams } from './range.js';

/** The host's attributes the range and filters live in (range-filter-element.ts declares them). */
export interface RangeFilterAttributes {
  range: RangePreset;
  from: string;
  to: string;
  timeFrom: string;
  timeTo: string;
  queue: string;
  agent: string;
  location: string;
}

export interface RangeFilterOptions {
  target(): ApiTarget;
  /** The `time-zone` in effect, if any. */
  zone(): string | undefined;
  lang(): Lang;
}

/**
 * The range and filters of a history widget or the wrap-up reports: read from
 * the host's attributes, set back on them from the toolbar, turned into a
 * request's parameters; and what the filters offer, loaded for the host's
 * server, credentials and language.
 */
export class RangeFilterController {
  private readonly offered: Task<readonly [string, string | null, Lang], FilterOptions>;

  constructor(
    private readonly host: ReactiveControllerHost & RangeFilterAttributes,
    private readonly options: RangeFilterOptions,
  ) {
    this.offered = new Task(host, {
      task: ([, , lang], { signal }) => fetchFilterOptions(options.target(), signal, lang).catch(() => NO_OPTIONS),
      args: () => [options.target().api, credentialKey(options.target()), options.lang()] as const,
    });
  }

  /** The queues, agents and locations in scope (none until they loaded). */
  get offers(): FilterOptions {
    return this.offered.value ?? NO_OPTIONS;
  }

  /** After signing in: what was refused before is offered now. */
  reload(): void {
    void this.offered.run();
  }

  /** The zone dates are read in: `time-zone`, the provider's, else the browser's. */
  get timeZone(): string {
    return this.options.zone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  get choice(): RangeChoice {
    const h = this.host;
    const preset = (RANGE_PRESETS as readonly string[]).includes(h.range) ? h.range : 'last7';
    return { preset, from: h.from, to: h.to, timeFrom: h.timeFrom, timeTo: h.timeTo };
  }

  /** The range and filter parameters of a request; null while a custom range is incomplete. */
  get params(): StatsParams | null {
    const dates = datesOf(this.choice, this.timeZone);
    if (!dates) return null;
    const h = this.host;
    const filters = { queues: idList(h.queue), agents: idList(h.agent), location: h.location };
    return statsParams(dates, this.choice, this.timeZone, filters);
  }

  /** The toolbar (`part="header"`) with the range picker and the filters, and the host's `status` at its end. */
  renderToolbar(tr: HistoryTranslator, title: string, status: TemplateResult | typeof nothing) {
    const h = this.host;
    return renderToolbar({
      tr,
      title,
      choice: this.choice,
      timeZone: this.timeZone,
      filters: { queue: idList(h.queue)[0] ?? '', agent: idList(h.agent)[0] ?? '', location: h.location },
      options: sortedOptions(this.offers, collator(tr.lang)),
      status,
      onRange: (c) => {
        if (c.preset !== undefined) h.range = c.preset;
        if (c.from !== undefined) h.from = c.from;
        if (c.to !== undefined) h.to = c.to;
        if (c.timeFrom !== undefined) h.timeFrom = c.timeFrom;
        if (c.timeTo !== undefined) h.timeTo = c.timeTo;
      },
      onFilter: (f) => {
        if (f.queue !== undefined) h.queue = f.queue;
        if (f.agent !== undefined) h.agent = f.agent;
        if (f.location !== undefined) h.location = f.location;
      },
    });
  }
}
