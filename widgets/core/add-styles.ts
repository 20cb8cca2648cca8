import type { CSSResult } from 'lit';

/**
 * Adds a lazily loaded chunk's styles to a widget's shadow root, after the
 * widget's own: constructed sheets, as the CSP wants, and each sheet once.
 */
export function addStyles(root: HTMLElement | DocumentFragment, ...styles: CSSResult[]): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheets = styles.flatMap((s) => (s.styleSheet && !root.adoptedStyleSheets.includes(s.styleSheet) ? [s.styleSheet] : []));
  if (sheets.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}
