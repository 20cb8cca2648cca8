import { css } from 'lit';

/** The frame the chat panel and the agent desk share: a bordered column with a title bar, an alert line and the sign-in form. */
export const panelStyles = css`
  .base {
    display: flex;
    flex-direction: column;
    height: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    overflow: hidden;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }
  /* The title names the agent, the one thing the panel is about: in a 360 px column it wraps rather than cutting the name. */
  .header h2 {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .alert {
    margin: 0.5rem 0.75rem 0;
  }
  .sign-in {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 1rem;
  }
  .sign-in label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .sign-in h2 {
    margin: 0;
    font-size: 1.0625em;
  }
`;
