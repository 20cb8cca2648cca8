import { html, nothing } from 'lit';
import { builtInLang, type Lang } from '../core/i18n/index.js';
import { idList } from '../history-common/range.js';
import type { WrapupReportsTranslator } from './i18n/index.js';
import type { CreateReportBody } from '../../contract/reports.js';
import type { StatsParams } from '../history-common/range.js';

/** The report the toolbar's range and filters describe (their request parameters); null while a custom range is incomplete. */
export function reportBody(params: StatsParams | null, lang: Lang): CreateReportBody | null {
  if (!params) return null;
  return {
    from: params.from!,
    to: params.to!,
    tz: params.tz!,
    ...(params.timeFrom ? { timeFrom: params.timeFrom } : {}),
    ...(params.timeTo ? { timeTo: params.timeTo } : {}),
    ...(params.queue ? { queue: idList(params.queue) } : {}),
    ...(params.agent ? { agent: idList(params.agent) } : {}),
    ...(params.location ? { location: params.location } : {}),
    // The server writes the report's CSV in a built-in language: a registered one gets its fallback.
    lang: builtInLang(lang),
  };
}

export interface RequestProps {
  tr: WrapupReportsTranslator;
  body: CreateReportBody | null;
  /** A request is on its way. */
  requesting: boolean;
  /** The list has loaded. */
  ready: boolean;
  onGenerate(): void;
}

/** The Generate button at the toolbar's end, and why it is disabled while the custom range is incomplete. */
export function renderRequest(p: RequestProps) {
  const { tr } = p;
  return html`<span class="generate">
    ${p.body === null ? html`<span class="muted">${tr.t('range.incomplete')}</span>` : nothing}
    <button part="generate-button" class="button primary" ?disabled=${p.body === null || p.requesting || !p.ready} @click=${p.onGenerate}>
      ${p.requesting ? tr.t('reports.generating') : tr.t('reports.generate')}
    </button>
  </span>`;
}
