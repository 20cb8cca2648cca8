import { css } from 'lit';

/** The directory administration: section tabs, record tables, the form, retirement and secret dialogs. */
export const directoryAdminStyles = css`
  .base {
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0.75rem 0;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }
  .title {
    margin: 0 0 0.5rem;
    font-size: 1rem;
    font-weight: 600;
  }
  /* At 360 px the tabs scroll sideways in their row rather than wrap into a block of buttons. */
  .tabs {
    display: flex;
    flex: 1 1 20rem;
    min-width: 0;
    overflow-x: auto;
    scrollbar-width: thin;
  }
  .tab {
    flex: none;
    padding: 0.5rem 0.75rem;
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_text-muted);
    white-space: nowrap;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_text);
    font-weight: 600;
  }
  .tab:focus-visible {
    outline-offset: -2px;
  }
  .panel {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
  }
  .panel > * {
    min-width: 0;
  }
  .section-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .muted {
    color: var(--_text-muted);
  }
  .empty {
    margin: 0;
    padding: 1.5rem;
    text-align: center;
    color: var(--_text-muted);
  }
  .base > .alert {
    margin: 0.75rem;
  }
  .content {
    padding: 0.75rem;
  }
  .table-wrap {
    overflow: auto;
    max-height: var(--table-max-height, 32rem);
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    scroll-padding-block-start: 3rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.375rem 0.625rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface-raised);
    font-weight: 600;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 400;
  }
  td:focus-visible,
  th:focus-visible {
    outline-offset: -2px;
  }
  td.action {
    width: 1%;
    white-space: nowrap;
  }
  .button.small {
    min-height: 1.75rem;
    padding: 0.125rem 0.625rem;
  }
  .clip {
    display: block;
    max-width: 16rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .changes {
    margin: 0;
    padding: 0;
    list-style: none;
    overflow-wrap: anywhere;
    min-width: 10rem;
  }
  .more {
    justify-self: start;
  }
  .sign-in {
    display: grid;
    gap: 0.5rem;
    max-width: 20rem;
  }
  .sign-in h2 {
    margin: 0;
    font-size: 1rem;
  }
  .sign-in label {
    display: grid;
    gap: 0.25rem;
  }

  /* Dialogs: every rule starts at the dialog, so a table's class names cannot reach into it. */
  dialog.dialog {
    width: min(32rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    overflow: auto;
  }
  dialog .alert {
    margin: 0 0 0.75rem;
  }
  dialog .record-form {
    display: grid;
    gap: 0.75rem;
  }
  dialog .form-row {
    display: grid;
    gap: 0.25rem;
  }
  dialog .form-row > .field,
  dialog textarea.field {
    width: 100%;
  }
  dialog textarea.field {
    font: inherit;
    color: inherit;
    resize: vertical;
  }
  dialog .hint {
    margin: 0;
    font-size: 0.8125rem;
  }
  dialog .field[aria-invalid='true'],
  dialog fieldset[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  dialog .field-error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.8125rem;
  }
  dialog fieldset {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
  }
  dialog legend {
    padding: 0 0.25rem;
  }
  dialog .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: 0 0.75rem;
  }
  dialog .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0;
  }
  dialog .secret-warning {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--fv-radius, 6px);
    background: var(--_warning-bg);
    color: var(--_warning);
    font-weight: 600;
  }
  dialog .secret-row {
    display: flex;
    gap: 0.5rem;
  }
  dialog .secret {
    flex: 1;
    min-width: 0;
    font-family: ui-monospace, monospace;
  }
  dialog .copy-outcome {
    min-height: 1.25em;
    margin: 0;
    font-size: 0.8125rem;
  }
  dialog .dialog-actions {
    flex-wrap: wrap;
  }
`;
