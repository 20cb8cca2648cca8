import { css } from 'lit';

/** Out of sight, still read by assistive technology: for a rule that hides a word only in some layouts. */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

/**
 * Design tokens. Every `--fv-*` token is read with a literal fallback, because a
 * foreign page has no Floorview theme file; widgets use the private `--_*` copies.
 * Light and dark differ only in the fallbacks, so a host that sets a token sets it for both.
 */
const light = css`
  --_surface: var(--fv-color-surface, #ffffff);
  --_surface-raised: var(--fv-color-surface-raised, #f3f4f6);
  --_text: var(--fv-color-text, #111827);
  --_text-muted: var(--fv-color-text-muted, #4b5563);
  --_border: var(--fv-color-border, #d1d5db);
  --_accent: var(--fv-color-accent, #1d4ed8);
  --_on-accent: var(--fv-color-on-accent, #ffffff);
  --_success: var(--fv-color-success, #166534);
  --_success-bg: var(--fv-color-success-bg, #dcfce7);
  --_warning: var(--fv-color-warning, #92400e);
  --_warning-bg: var(--fv-color-warning-bg, #fef3c7);
  --_danger: var(--fv-color-danger, #b91c1c);
  --_danger-bg: var(--fv-color-danger-bg, #fee2e2);
  --_monitor: var(--fv-color-monitor, #6d28d9);
  --_monitor-bg: var(--fv-color-monitor-bg, #ede9fe);
  --_neutral-bg: var(--fv-color-neutral-bg, #e5e7eb);
  --_focus: var(--fv-color-focus, #1d4ed8);
  --_shadow: var(--fv-shadow, 0 10px 30px rgb(0 0 0 / 0.2));
  color-scheme: light;
`;

const dark = css`
  --_surface: var(--fv-color-surface, #111827);
  --_surface-raised: var(--fv-color-surface-raised, #1f2937);
  --_text: var(--fv-color-text, #f3f4f6);
  --_text-muted: var(--fv-color-text-muted, #9ca3af);
  --_border: var(--fv-color-border, #374151);
  --_accent: var(--fv-color-accent, #60a5fa);
  --_on-accent: var(--fv-color-on-accent, #0b1220);
  --_success: var(--fv-color-success, #86efac);
  --_success-bg: var(--fv-color-success-bg, #14532d);
  --_warning: var(--fv-color-warning, #fcd34d);
  --_warning-bg: var(--fv-color-warning-bg, #78350f);
  --_danger: var(--fv-color-danger, #fca5a5);
  --_danger-bg: var(--fv-color-danger-bg, #7f1d1d);
  --_monitor: var(--fv-color-monitor, #c4b5fd);
  --_monitor-bg: var(--fv-color-monitor-bg, #4c1d95);
  --_neutral-bg: var(--fv-color-neutral-bg, #374151);
  --_focus: var(--fv-color-focus, #93c5fd);
  --_shadow: var(--fv-shadow, 0 10px 30px rgb(0 0 0 / 0.6));
  color-scheme: dark;
`;

/**
 * Shared by every widget: tokens on `.base` (light, `.dark`, or `.auto` following
 * the OS), and a reset of the inherited properties a host page might set
 * (`letter-spacing`, `text-transform`…) so nothing leaks in; the font family is
 * inherited on purpose (CONVENTIONS: fonts).
 */
export const themeStyles = css`
  :host {
    display: block;
    contain: content;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    ${light}
    box-sizing: border-box;
    font-family: var(--fv-font-family, inherit);
    font-size: var(--fv-font-size, 0.875rem);
    font-weight: 400;
    font-style: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    visibility: visible;
    cursor: auto;
    color: var(--_text);
    background: var(--_surface);
  }
  .base.dark {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    .base.auto {
      ${dark}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    ${visuallyHidden}
    margin: -1px;
    padding: 0;
    border: 0;
  }
`;

/** Buttons, fields and dialogs in the house look; a widget adds these to its styles when it uses them. */
export const controlStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_surface-raised);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  .button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .field {
    min-height: 2rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    background: var(--_surface);
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--fv-radius, 6px) * 1.5);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
    font-weight: 600;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  .alert {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--fv-radius, 6px);
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .alert p {
    flex: 1;
    margin: 0;
  }
`;
