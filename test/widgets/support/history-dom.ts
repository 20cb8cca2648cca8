/** Reading a history widget's shadow DOM the way a user sees it: its figures and its table. */

export const root = (el: Element) => el.shadowRoot!;

/** Each figure's label and value, whitespace collapsed. */
export const kpis = (el: Element) => [...root(el).querySelectorAll('.kpi')].map((k) => k.textContent!.replace(/\s+/g, ' ').trim());

/** The table's body, cell by cell. */
export const tableRows = (el: Element) =>
  [...root(el).querySelectorAll('.table-section tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
