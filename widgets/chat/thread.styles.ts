import { css } from 'lit';

/** The log and typing box of a chat thread: the chat panel's and the agent desk's. */
export const threadStyles = css`
  .log {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.5rem 0.75rem;
    background: var(--_surface);
  }
  .log-start {
    display: flex;
    justify-content: center;
    padding: 0.25rem 0 0.5rem;
    font-size: 0.8125em;
  }
  .muted {
    margin: 0;
    color: var(--_text-muted);
  }
  .messages {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-width: 85%;
  }
  .message.mine {
    align-self: flex-end;
    align-items: flex-end;
  }
  .bubble {
    margin: 0;
    padding: 0.4rem 0.65rem;
    border-radius: calc(var(--fv-radius, 6px) * 2);
    background: var(--_surface-raised);
    color: var(--_text);
    /* Newlines as typed; long words and links wrap instead of widening the panel. */
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .mine .bubble {
    background: var(--fv-chat-mine-bg, var(--_accent));
    color: var(--fv-chat-mine-text, var(--_on-accent));
  }
  .sending .bubble {
    opacity: 0.7;
  }
  .failed .bubble {
    outline: 2px solid var(--_danger);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.375rem;
    margin-top: 0.125rem;
    font-size: 0.75em;
    color: var(--_text-muted);
  }
  .receipt.read {
    color: var(--_success);
  }
  .receipt.failed {
    color: var(--_danger);
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .composer {
    display: grid;
    grid-template-columns: 1fr auto;
    grid-template-rows: auto auto;
    align-items: end;
    gap: 0.25rem 0.5rem;
    padding: 0.5rem 0.75rem;
    border-top: 1px solid var(--_border);
    background: var(--_surface-raised);
  }
  .composer textarea {
    grid-row: 1;
    width: 100%;
    max-height: 8rem;
    resize: vertical;
    font: inherit;
    color: var(--_text);
  }
  .composer .button {
    grid-row: 1;
  }
  .countdown {
    grid-row: 2;
    grid-column: 1 / -1;
    font-size: 0.75em;
    color: var(--_text-muted);
  }
  .countdown:empty {
    display: none;
  }
`;
