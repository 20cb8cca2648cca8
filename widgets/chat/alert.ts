import { html, nothing } from 'lit';

/** A failed request's message, dismissable (`part="alert"`); nothing when there is none. */
export function renderAlert(message: string, dismissLabel: string, dismiss: () => void) {
  if (!message) return nothing;
  return html`<div part="alert" class="alert" role="alert">
    <p>${message}</p>
    <button class="icon-button" aria-label=${dismissLabel} @click=${dismiss}><span aria-hidden="true">×</span></button>
  </div>`;
}
