import { css } from 'lit';

/** The queues, state and sign-out dialogs: loaded with the actions chunk, like the menu. */
export const agentDialogStyles = css`
  /* Dialog content: every rule starts at the dialog, so a row's class names cannot reach into it
     (a dialog that shared the name of the row's queue list once laid out as one squashed row). */
  dialog.dialog {
    width: min(28rem, calc(100vw - 2rem));
  }
  dialog.dialog > .alert {
    margin: 0.75rem 0 0;
  }
  dialog fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  dialog .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.375rem 0;
  }
  dialog .hint {
    margin: 0 0 0.75rem;
  }
  dialog .reason-field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-top: 0.5rem;
  }
`;
