import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { normalizeApi, type ApiTarget } from './api.js';
import { ensureContextRoot, floorviewContext, SCRIPT_ORIGIN, type FloorviewContext, type ThemeName } from './context.js';
import { validTimeZone } from './format.js';
import { resolveLang, translator, type Catalogs, type Lang, type Translator } from './i18n/index.js';
import { VERSION } from './version.js';

const THEMES: readonly ThemeName[] = ['light', 'dark', 'auto'];

/**
 * What every widget shares: `api`, `token`, `lang`, `time-zone` and `theme`
 * from its own attributes, else from an enclosing `<fv-provider>`, else the
 * defaults (the server the script came from, the session cookie, the page's
 * language, the browser's zone, the OS colour scheme).
 */
export abstract class FloorviewElement extends LitElement {
  /** Compared by `defineElement` when a second copy of the library is loaded. */
  static readonly floorviewVersion = VERSION;

  /** Base URL of the Floorview server; default: where this script was loaded from. */
  @property() accessor api: string | undefined;
  /** A bearer token (supervisor session or display token); without one, the session cookie. */
  @property() accessor token: string | undefined;
  /** `en` or `zh-CN` (also `zh`, `zh-Hans`…); default: the page's language. Widgets put the resolved one on their `base` part. */
  @property() override accessor lang = '';
  /** IANA time zone for clock times, e.g. `Asia/Shanghai`. */
  @property({ attribute: 'time-zone' }) accessor timeZone: string | undefined;
  @property() accessor theme: ThemeName | undefined;

  @consume({ context: floorviewContext, subscribe: true })
  @state()
  protected accessor provided: FloorviewContext = {};

  override connectedCallback(): void {
    ensureContextRoot();
    super.connectedCallback();
  }

  protected get target(): ApiTarget {
    return {
      api: normalizeApi(this.api || this.provided.api || SCRIPT_ORIGIN),
      token: this.token || this.provided.token || null,
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
