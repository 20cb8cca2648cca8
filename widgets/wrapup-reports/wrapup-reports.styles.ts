import { css } from 'lit';

/** The report list: status badges, progress, row actions, the notice under the toolbar. */
export const reportsStyles = css`
  .generate {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  .notice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0.75rem 0.75rem 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--fv-radius, 6px);
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .notice.error {
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .notice p {
    flex: 1;
    margin: 0;
  }
  .dismiss {
    padding: 0 0.25rem;
    border: 0;
    background: none;
    color: inherit;
    font-size: 1.125rem;
    line-height: 1;
    cursor: pointer;
  }
  .filters,
  .status-cell {
    white-space: normal;
    min-width: 10rem;
  }
  .badge {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    background: var(--_neutral-bg);
    white-space: nowrap;
  }
  .badge.ready {
    background: var(--_success-bg);
    color: var(--_success);
  }
  .badge.failed {
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .badge.generating {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  progress {
    display: block;
    width: 100%;
    max-width: 10rem;
    margin-top: 0.25rem;
    accent-color: var(--_accent);
  }
  .failure {
    margin: 0.25rem 0 0;
    color: var(--_danger);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.375rem;
  }
  .kept {
    margin: 0;
    color: var(--_text-muted);
  }
  @media print {
    .actions,
    .dismiss {
      display: none;
    }
  }
`;
