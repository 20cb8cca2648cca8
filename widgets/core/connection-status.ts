import { html, nothing } from 'lit';
import { formatTime } from './format.js';
import type { Translator } from './i18n/index.js';
import type { FloorStream } from './stream.js';

/**
 * The live / reconnecting / offline indicator (`part="status"`, a polite live
 * region). When not live it says how old the rows on screen are.
 */
export function renderConnectionStatus(floor: FloorStream | null, tr: Translator, timeZone: string | undefined) {
  const state = floor?.state ?? 'connecting';
  const stale = state !== 'live' && floor?.receivedAt != null;
  return html`<span part="status" class="status ${state}" role="status">
    <span class="dot" aria-hidden="true"></span>${tr.t(`connection.${state}`)}${stale
      ? html`<span class="stale-note"> · ${tr.t('connection.staleAsOf', { time: formatTime(floor.receivedAt!, tr.lang, timeZone) })}</span>`
      : nothing}
  </span>`;
}
