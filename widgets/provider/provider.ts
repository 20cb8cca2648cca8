import { consume, provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ensureContextRoot, floorviewContext, type FloorviewContext, type ThemeName } from '../core/context.js';
import type { TokenProvider } from '../core/token-provider.js';
import { VERSION } from '../core/version.js';

/**
 * @summary Shares the Floorview server, credentials, language, time zone and
 * theme with every Floorview widget inside it, so a page sets them once.
 * A widget's own attribute wins over the provider's; a provider inside another
 * inherits what it does not set.
 *
 * @attr api - Base URL of the Floorview server (e.g. `https://floorview.example`).
 * @attr token - Bearer token from `/auth/login` or a display token; without one, widgets use the session cookie.
 * @attr lang - `en`, `zh-CN` or a language registered with `registerLanguage`.
 * @attr time-zone - IANA time zone for clock times and dates, e.g. `Asia/Shanghai`.
 * @attr theme - `light`, `dark` or `auto` (follows the OS; default).
 *
 * @slot - The widgets.
 */
export class FvProvider extends LitElement {
  /** @internal */
  static readonly floorviewVersion = VERSION;
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  @property() accessor api: string | undefined;
  @property() accessor token: string | undefined;
  /**
   * The host's way to get a current token (`() => Promise<string>`), for every widget inside: asked
   * before the token expires and after a 401 (see the widgets' `tokenProvider`).
   */
  @property({ attribute: false }) accessor tokenProvider: TokenProvider | undefined;
  @property() override accessor lang = '';
  @property({ attribute: 'time-zone' }) accessor timeZone: string | undefined;
  @property() accessor theme: ThemeName | undefined;

  @consume({ context: floorviewContext, subscribe: true })
  @state()
  private accessor outer: FloorviewContext = {};

  /** What the widgets inside receive: own settings over the outer provider's. @internal */
  @provide({ context: floorviewContext })
  accessor settings: FloorviewContext = {};

  override connectedCallback(): void {
    ensureContextRoot();
    super.connectedCallback();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const outer = this.outer;
    // A new object each time: context subscribers are notified when the value's identity changes.
    this.settings = {
      api: this.api || outer.api,
      ...(this.token || this.tokenProvider ? { token: this.token, tokenProvider: this.tokenProvider } : { token: outer.token, tokenProvider: outer.tokenProvider }),
      lang: this.lang || outer.lang,
      timeZone: this.timeZone || outer.timeZone,
      theme: this.theme || outer.theme,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
