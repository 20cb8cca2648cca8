import { css } from 'lit';

/** The connection indicator of `renderConnectionStatus`: a dot in the state's colour before its words. Widgets size it. */
export const connectionStatusStyles = css`
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
  }
  .status .dot {
    width: 0.625em;
    height: 0.625em;
    flex: none;
    border-radius: 50%;
    background: var(--_warning);
  }
  .status.live .dot {
    background: var(--_success);
  }
  .status.offline .dot,
  .status.platform-failed .dot,
  .status.unauthenticated .dot {
    background: var(--_danger);
  }
  /* An error from the phone system can be long: at most two lines (a phone's width still shows since when), the whole text in the title. */
  .status[class*='platform-'] {
    min-width: 0;
    max-width: 100%;
  }
  .platform-text {
    min-width: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }
`;
