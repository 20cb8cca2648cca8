import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { normalizeApi, type ApiTarget } from './api.js';
import { ensureContextRoot, floorviewContext, SCRIPT_ORIGIN, type FloorviewContext, type ThemeName } from './context.js';
import { validTimeZone } from './format.js';
import { onLanguagesChange, resolveLang, translator, type Catalogs, type Lang, type Translator } from './i18n/index.js';
import type { TokenProvider } from './token-provider.js';
import { VERSION } from './version.js';

const THEMES: readonly ThemeName[] = ['light', 'dark', 'auto'];

/**
 * What every widget shares: `api`, `token` (or `tokenProvider`), `lang`, `time-zone` and `theme`
 * from its own attributes, else from an enclosing `<fv-provider>`, else the
 * defaults (the server the script came from, the session cookie, the page's
 * language, the browser's zone, the OS colour scheme).
 *
 * The theme tokens every widget reads (theme.styles.ts), each with a built-in
 * light and dark value, so a page needs no theme file; set one on the widget or
 * any ancestor and it holds in both themes:
 *
 * @cssproperty --fv-font-family - Typeface. Default: inherited from the page.
 * @cssproperty --fv-font-size - Base size; the widget's other sizes follow it. Default: 0.875rem.
 * @cssproperty --fv-radius - Corner radius. Default: 6px.
 * @cssproperty --fv-color-surface - Background. Default: #ffffff (light), #111827 (dark).
 * @cssproperty --fv-color-surface-raised - Toolbars, headings, cards. Default: #f3f4f6, #1f2937.
 * @cssproperty --fv-color-text - Text. Default: #111827, #f3f4f6.
 * @cssproperty --fv-color-text-muted - Secondary text. Default: #4b5563, #9ca3af.
 * @cssproperty --fv-color-border - Lines. Default: #d1d5db, #374151.
 * @cssproperty --fv-color-accent - Primary buttons, chosen options, the first chart series. Default: #1d4ed8, #60a5fa.
 * @cssproperty --fv-color-on-accent - Text on the accent colour. Default: #ffffff, #0b1220.
 * @cssproperty --fv-color-focus - The focus ring. Default: #1d4ed8, #93c5fd.
 * @cssproperty --fv-color-success - Available, live, done. Default: #166534, #86efac.
 * @cssproperty --fv-color-success-bg - Behind success. Default: #dcfce7, #14532d.
 * @cssproperty --fv-color-warning - Unavailable, reconnecting, warnings. Default: #92400e, #fcd34d.
 * @cssproperty --fv-color-warning-bg - Behind warnings. Default: #fef3c7, #78350f.
 * @cssproperty --fv-color-danger - Offline, alerts, refusals and failures. Default: #b91c1c, #fca5a5.
 * @cssproperty --fv-color-danger-bg - Behind them. Default: #fee2e2, #7f1d1d.
 * @cssproperty --fv-color-monitor - A supervisor monitoring, coaching or barging in. Default: #6d28d9, #c4b5fd.
 * @cssproperty --fv-color-monitor-bg - Behind it. Default: #ede9fe, #4c1d95.
 * @cssproperty --fv-color-neutral-bg - Badges with no status colour (e.g. signed out). Default: #e5e7eb, #374151.
 * @cssproperty --fv-shadow - Dialogs and menus. Default: 0 10px 30px rgb(0 0 0 / 0.2) (light), 0 10px 30px rgb(0 0 0 / 0.6) (dark).
 */
export abstract class FloorviewElement extends LitElement {
  /** Compared by `defineElement` when a second copy of the library is loaded. @internal */
  static readonly floorviewVersion = VERSION;

  /** Floorview server base URL; default: the server the script came from. */
  @property() accessor api: string | undefined;
  /**
   * Bearer token (`/auth/login`, or a display token: read-only; for `<fv-agent-desk>` an agent desk
   * token); default: the session cookie, with a sign-in form when there is none. A portal on another
   * *site* must pass a token (the session cookie is `SameSite=Lax`).
   */
  @property() accessor token: string | undefined;
  /**
   * The host's way to get a current token (`() => Promise<string>`), e.g. from the portal's OpenID
   * Connect library: asked a margin before the token's `exp` (read from a JWT, unverified) and after
   * the server refuses it with 401, then the request is sent once more; the live stream reconnects
   * with the new token where it left off. `token`, when also set, is used first. One call at a time
   * however many widgets share the provider.
   */
  @property({ attribute: false }) accessor tokenProvider: TokenProvider | undefined;
  /**
   * `en`, `zh-CN` or a language registered with `registerLanguage` (also `zh`, `zh-Hans`, `fr-CA`…:
   * matched from most to least specific); default: the provider's, else the page's `lang`. Widgets
   * put the resolved one on their `base` part.
   */
  @property() override accessor lang = '';
  /** IANA zone for clock times, e.g. `Asia/Shanghai`; the history widgets also read dates in it (default there: the browser's). */
  @property({ attribute: 'time-zone' }) accessor timeZone: string | undefined;
  /** `light`, `dark` or `auto` (follows the OS; the default). */
  @property() accessor theme: ThemeName | undefined;

  @consume({ context: floorviewContext, subscribe: true })
  @state()
  protected accessor provided: FloorviewContext = {};

  private stopListening: (() => void) | undefined;

  override connectedCallback(): void {
    ensureContextRoot();
    super.connectedCallback();
    // A language registered, or the page's changed, after the widget rendered: render again in it.
    this.stopListening = onLanguagesChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  protected get target(): ApiTarget {
    // Credentials come as a pair: the widget's own, else the provider's, never the token of one with the provider of the other.
    const own = this.token || this.tokenProvider;
    const token = (own ? this.token : this.provided.token) || null;
    return {
      api: normalizeApi(this.api || this.provided.api || SCRIPT_ORIGIN),
      token,
      tokenProvider: own ? this.tokenProvider : this.provided.tokenProvider,
    };
  }

  /** The language in effect: own attribute, else the provider's, else the page's. */
  protected get language(): Lang {
    const page = this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    return resolveLang(this.lang || this.provided.lang || page);
  }

  /** A translator over the widget's own catalogs, in the language in effect. */
  protected translatorFor<K extends string>(catalogs: Catalogs<K>): Translator<K> {
    return translator(this.language, catalogs);
  }

  protected get zone(): string | undefined {
    return validTimeZone(this.timeZone || this.provided.timeZone);
  }

  /** Class for the `base` part: `light`, `dark` or `auto`. */
  protected get themeClass(): ThemeName {
    const theme = this.theme || this.provided.theme;
    return theme && THEMES.includes(theme) ? theme : 'auto';
  }
}
