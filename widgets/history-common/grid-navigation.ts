import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What marks a table as a keyboard grid; `renderTable` and the calls dialog put it on their tables. */
export const GRID_SELECTOR = 'table[role=grid]';

/** Rows a PageUp or PageDown moves. */
const PAGE_ROWS = 10;

interface Position {
  row: number;
  col: number;
}

/** The element a cell gives focus to: its own control (a sort button, a figure that opens calls), else the cell itself. */
function focusTarget(cell: HTMLTableCellElement): HTMLElement {
  return cell.querySelector<HTMLElement>('button, a[href], input, select') ?? cell;
}

function cellAt(table: HTMLTableElement, p: Position): HTMLTableCellElement | null {
  return table.rows[p.row]?.cells[p.col] ?? null;
}

/** The nearest position that exists: rows shrink after a filter, and a row may have fewer cells. */
function clamp(table: HTMLTableElement, p: Position): Position {
  const row = Math.max(0, Math.min(p.row, table.rows.length - 1));
  const cells = table.rows[row]?.cells.length ?? 0;
  return { row, col: Math.max(0, Math.min(p.col, cells - 1)) };
}

function setTabIndex(el: HTMLElement, value: number): void {
  if (el.tabIndex !== value || !el.hasAttribute('tabindex')) el.tabIndex = value;
}

/** The move a key asks for from `at`, or null when the key is not the grid's. */
function moveFor(e: KeyboardEvent, at: Position, table: HTMLTableElement): Position | null {
  const last = table.rows.length - 1;
  const lastCol = (row: number) => (table.rows[row]?.cells.length ?? 1) - 1;
  const ctrl = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'ArrowRight':
      return { row: at.row, col: Math.min(at.col + 1, lastCol(at.row)) };
    case 'ArrowLeft':
      return { row: at.row, col: Math.max(at.col - 1, 0) };
    case 'ArrowDown':
      return { row: Math.min(at.row + 1, last), col: at.col };
    case 'ArrowUp':
      return { row: Math.max(at.row - 1, 0), col: at.col };
    case 'PageDown':
      return { row: Math.min(at.row + PAGE_ROWS, last), col: at.col };
    case 'PageUp':
      return { row: Math.max(at.row - PAGE_ROWS, 0), col: at.col };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl ? { row: last, col: lastCol(last) } : { row: at.row, col: lastCol(at.row) };
    default:
      return null;
  }
}

/**
 * The ARIA grid pattern for every table of a widget (WAI-ARIA APG "Data Grid"):
 * each table is one Tab stop, the arrow keys move between cells, Home and End
 * go to the row's ends, Ctrl+Home and Ctrl+End to the grid's, PageUp and
 * PageDown ten rows. A cell's own button (sort, open the calls) takes the focus,
 * so Enter and Space do what the button does. The last cell visited keeps the
 * Tab stop (a roving tabindex), across re-renders and sorting.
 *
 * Listens on the widget's shadow root, so tables rendered anywhere in it (the
 * calls dialog too) need only `role="grid"`.
 */
export class GridNavigation implements ReactiveController {
  private readonly active = new WeakMap<HTMLTableElement, Position>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('keydown', this.onKeyDown as EventListener);
    this.host.renderRoot.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('keydown', this.onKeyDown as EventListener);
    this.host.renderRoot.removeEventListener('focusin', this.onFocusIn);
  }

  /** Rows and cells came and went: exactly one focus target per grid is in the Tab order again. */
  hostUpdated(): void {
    for (const table of this.host.renderRoot.querySelectorAll<HTMLTableElement>(GRID_SELECTOR)) this.rove(table);
  }

  private rove(table: HTMLTableElement, focus = false): void {
    const at = clamp(table, this.active.get(table) ?? { row: 0, col: 0 });
    this.active.set(table, at);
    const current = cellAt(table, at);
    const target = current ? focusTarget(current) : null;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const own = focusTarget(cell);
        if (own !== cell) cell.removeAttribute('tabindex');
        setTabIndex(own, own === target ? 0 : -1);
      }
    }
    if (focus) target?.focus();
  }

  private position(table: HTMLTableElement, from: EventTarget | null): Position | null {
    const cell = from instanceof Element ? from.closest('th, td') : null;
    if (!(cell instanceof HTMLTableCellElement) || cell.closest('table') !== table) return null;
    const row = cell.parentElement as HTMLTableRowElement;
    return { row: row.rowIndex, col: cell.cellIndex };
  }

  private readonly onFocusIn = (e: Event): void => {
    const table = (e.target as Element).closest?.(GRID_SELECTOR) as HTMLTableElement | null;
    const at = table && this.position(table, e.target);
    if (!table || !at) return;
    const before = this.active.get(table);
    if (before?.row === at.row && before.col === at.col) return;
    this.active.set(table, at);
    this.rove(table);
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.defaultPrevented) return;
    const table = (e.target as Element).closest?.(GRID_SELECTOR) as HTMLTableElement | null;
    const at = table && this.position(table, e.target);
    if (!table || !at) return;
    const to = moveFor(e, at, table);
    if (!to) return;
    e.preventDefault();
    this.active.set(table, clamp(table, to));
    this.rove(table, true);
  };
}
