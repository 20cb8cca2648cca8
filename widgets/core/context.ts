import { ContextRoot, createContext } from '@lit/context';
import type { TokenProvider } from './token-provider.js';

export type ThemeName = 'light' | 'dark' | 'auto';

/** What `<fv-provider>` shares with every widget inside it; each field may be overridden by a widget's own attribute. */
export interface FloorviewContext {
  api?: string | undefined;
  token?: string | undefined;
  tokenProvider?: TokenProvider | undefined;
  lang?: string | undefined;
  timeZone?: string | undefined;
  theme?: ThemeName | undefined;
}

/** `Symbol.for`, so widgets from separately built bundles find the same provider. */
export const floorviewContext = createContext<FloorviewContext>(Symbol.for('floorview/api'));

/** The server a widget's script was loaded from: the default `api`. */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

const ROOT = Symbol.for('floorview/context-root');
type Page = typeof globalThis & { [ROOT]?: ContextRoot };

/**
 * A provider defined after its widgets (its bundle loaded later) would never
 * answer their requests; a page-wide ContextRoot replays them when it upgrades.
 */
export function ensureContextRoot(): void {
  const page = globalThis as Page;
  if (page[ROOT] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  page[ROOT] = root;
}
