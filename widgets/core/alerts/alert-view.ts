import { html, nothing } from 'lit';
import type { Alert } from '../../../contract/alerts.js';
import { formatDuration, formatNumber, formatPercent, formatTime } from '../format.js';
import { translator, type Catalogs, type Lang, type Translator } from '../i18n/index.js';
import { localName } from '../../../common/local-name.js';
import { refusalText } from '../refusals.js';
import { alertsEn, type AlertsKey } from './alerts-en.js';
import { alertsZhCN } from './alerts-zh-CN.js';
import { AlertList } from './alert-list.js';

/**
 * The alerts' look, loaded with the first frame rather than with the widget: a count in the
 * header that opens the list of open alerts (each acknowledgeable by a supervisor), and a
 * toast for an alert raised while the supervisor watches. The widget's stylesheet has the rules.
 */
export { AlertList };
export { alertStyles } from './alert.styles.js';

const catalogs: Catalogs<AlertsKey> = { en: alertsEn, 'zh-CN': alertsZhCN };
type Tr = Translator<AlertsKey>;

/** A rule's figure in its unit: seconds as a duration, service level as a percentage, else a count. */
function figure(a: Alert, value: number, lang: Lang): string {
  if (a.rule === 'serviceLevelBelow') return formatPercent(value, lang);
  if (a.rule.endsWith('Seconds')) return formatDuration(value, lang);
  return formatNumber(value, lang);
}

export function alertText(a: Alert, lang: Lang): string {
  const tr = translator(lang, catalogs);
  return tr.t(a.rule === 'raisedHand' && a.note !== null ? 'rule.raisedHandNote' : `rule.${a.rule}`, {
    note: a.note ?? '',
    queue: a.queueName === null ? '' : localName(a.queueName, a.queueNames, lang),
    agent: a.agentName ?? '',
    value: figure(a, a.value, lang),
    threshold: figure(a, a.threshold, lang),
  });
}

export interface AlertViewContext {
  lang: Lang;
  timeZone: string | undefined;
  /** Supervisors acknowledge; a wallboard only shows. */
  canAcknowledge: boolean;
  open: boolean;
  error: string | null;
  onToggle(): void;
  onAcknowledge(id: number): void;
  onDismiss(): void;
  /** Where offered (the agent list, a supervisor): "Monitor" beside an agent's alert — a raised hand is often a call in trouble. */
  onMonitor?: (agentId: string) => void;
}

/** The header's count: a button that opens the list. Nothing while no alert is open. */
export function renderAlertCount(alerts: readonly Alert[], ctx: AlertViewContext) {
  if (alerts.length === 0) return nothing;
  const tr = translator(ctx.lang, catalogs);
  return html`<button
    type="button"
    part="alerts-count"
    class="button alerts-count"
    aria-expanded=${ctx.open ? 'true' : 'false'}
    aria-controls="alerts"
    @click=${ctx.onToggle}
  >
    ${tr.tn('alerts.count', alerts.length)}
  </button>`;
}

/** The list of open alerts, newest first. */
export function renderAlertPanel(alerts: readonly Alert[], ctx: AlertViewContext) {
  if (!ctx.open || alerts.length === 0) return nothing;
  const tr = translator(ctx.lang, catalogs);
  return html`<section id="alerts" part="alerts" class="alerts" aria-label=${tr.t('alerts.title')}>
    ${ctx.error ? html`<p class="alert" role="alert">${ctx.error}</p>` : nothing}
    <ul role="list">
      ${alerts.map((a) => html`<li class="alert-item" data-alert=${a.id}>${renderAlert(a, tr, ctx)}</li>`)}
    </ul>
  </section>`;
}

/** The newest alert raised while watching, until acknowledged, cleared or dismissed; the open list shows it already. */
export function renderAlertToast(raised: readonly Alert[], ctx: AlertViewContext) {
  const newest = raised[0];
  if (!newest || ctx.open) return nothing;
  const tr = translator(ctx.lang, catalogs);
  return html`<div part="toast" class="toast" role="alert">
    ${renderAlert(newest, tr, ctx)}
    <button type="button" class="button" @click=${ctx.onDismiss}>${tr.t('alerts.dismiss')}</button>
  </div>`;
}

function renderAlert(a: Alert, tr: Tr, ctx: AlertViewContext) {
  const monitor = ctx.onMonitor && a.agentId !== null ? ctx.onMonitor : null;
  return html`<span class="alert-text">${alertText(a, ctx.lang)}</span>
    <span class="alert-since">${tr.t('alerts.since', { time: formatTime(Date.parse(a.raisedAt), ctx.lang, ctx.timeZone) })}</span>
    ${a.acknowledged
      ? html`<span class="alert-ack">${tr.t('alerts.acknowledged', { name: a.acknowledged.supervisorName })}</span>`
      : ctx.canAcknowledge
        ? html`<button type="button" class="button ack" @click=${() => ctx.onAcknowledge(a.id)}>${tr.t('alerts.acknowledge')}</button>`
        : nothing}
    ${monitor ? html`<button type="button" class="button monitor" @click=${() => monitor(a.agentId!)}>${tr.t('alerts.monitor')}</button>` : nothing}`;
}

/**
 * A browser notification for an alert just raised, when the page allowed them: the host page
 * asks the person (`Notification.requestPermission()`); a widget never does. One per alert
 * however many widgets show it (the tag).
 */
export function notify(a: Alert, lang: Lang): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  new Notification(translator(lang, catalogs).t('alerts.title'), { body: alertText(a, lang), tag: `floorview-alert-${a.id}` });
}

/** An acknowledgement or a monitor command refused: the reason, in the widget's language where it has one. */
export function failedText(lang: Lang, error: unknown, agentName: string): string {
  return translator(lang, catalogs).t('alerts.failed', { message: refusalText(lang, error, agentName) });
}
