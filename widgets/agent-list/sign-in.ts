import { css } from 'lit';
import { providerSignInStyles } from '../core/sign-in-methods.js';

/** The sign-in form and its look: a chunk the list fetches only when it first has to show it (core/sign-in-loader.ts). */
export { SignInController } from '../core/sign-in.js';

export const signInStyles = css`
  ${providerSignInStyles}
  .sign-in {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    max-width: 22rem;
    margin: 2rem auto;
    padding: 0 1rem;
  }
  .sign-in h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  .sign-in label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
`;
