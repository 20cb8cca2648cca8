import { html, nothing } from 'lit';
import { formatTime } from './format.js';
import type { Translator } from './i18n/index.js';
import type { FloorStream } from './stream.js';

/**
 * The live / reconnecting / offline indicator (`part="status"`, a polite live
 * region). When not live it says how old the rows on screen are. When the stream
 * is live but the server has lost the telephony platform, it says that instead:
 * the rows are current for Floorview, not for the phones.
 */
export function renderConnectionStatus(floor: FloorStream | null, tr: Translator, timeZone: string | undefined) {
  const state = floor?.state ?? 'connecting';
  const platform = floor?.platform;
  if (state === 'live' && platform && platform.state !== 'connected') {
    const text = tr.t(`connection.platform.${platform.state}`, { time: formatTime(Date.parse(platform.since), tr.lang, timeZone) });
    return html`<span part="status" class="status platform-${platform.state}" role="status" title=${platform.lastError ? `${text} — ${platform.lastError}` : text}>
      <span class="dot" aria-hidden="true"></span><span class="platform-text">${text}${platform.lastError
        ? html`<span class="platform-error"> — ${platform.lastError}</span>`
        : nothing}</span>
    </span>`;
  }
  const stale = state !== 'live' && floor?.receivedAt != null;
  return html`<span part="status" class="status ${state}" role="status">
    <span class="dot" aria-hidden="true"></span>${tr.t(`connection.${state}`)}${stale
      ? html`<span class="stale-note"> · ${tr.t('connection.staleAsOf', { time: formatTime(floor.receivedAt!, tr.lang, timeZone) })}</span>`
      : nothing}
  </span>`;
}
