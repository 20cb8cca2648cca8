import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { AgentActionsTranslator } from './i18n/actions.js';
import type { AgentRow } from '../../contract/live.js';
import type { MenuEntry } from './agent-commands.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The row actions menu (ARIA menu button pattern): one popover for the whole
 * list, in the top layer so the scroller cannot clip it, placed by its row's
 * button. Arrow keys, Home and End move; Escape and Tab close and return focus
 * to the button; a click outside closes it.
 */
export class ActionMenu {
  /** The agent whose menu is open. */
  agentId: string | null = null;
  private returnFocus = false;

  constructor(private readonly host: Host) {}

  async open(agentId: string): Promise<void> {
    this.agentId = agentId;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const menu = this.menu;
    const trigger = this.trigger(agentId);
    if (!menu || !trigger) return;
    menu.showPopover();
    place(menu, trigger);
    this.items()[0]?.focus();
  }

  /** `focusTrigger`: after Escape, Tab or a choice that opens nothing else. */
  close(focusTrigger: boolean): void {
    this.returnFocus = focusTrigger;
    if (this.menu?.matches(':popover-open')) this.menu.hidePopover();
    else this.closed();
  }

  render(row: AgentRow | undefined, entries: readonly MenuEntry[], tr: AgentActionsTranslator, choose: (entry: MenuEntry) => void) {
    if (!this.agentId || !row) return nothing;
    const monitoredByOther = row.monitoredBy && !entries.some((e) => e.id === 'end');
    return html`<div
      id="action-menu"
      part="menu"
      class="menu"
      role="menu"
      popover
      aria-label=${tr.t('action.menu', { name: row.name })}
      @toggle=${(e: ToggleEvent) => e.newState === 'closed' && this.closed()}
      @keydown=${this.keydown}
    >
      ${monitoredByOther
        ? html`<div role="menuitem" aria-disabled="true" class="menu-note">${tr.t('action.monitoredByOther', { name: row.monitoredBy!.supervisorName })}</div>`
        : nothing}
      ${entries.map((entry) => html`<button role="menuitem" tabindex="-1" data-entry=${entry.id} @click=${() => choose(entry)}>${tr.t(entry.label)}</button>`)}
    </div>`;
  }

  private get menu(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('#action-menu');
  }

  /** Looked up by agent: the row's element may have been recycled by the virtualizer since. */
  trigger(agentId: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`[data-actions="${CSS.escape(agentId)}"]`);
  }

  private items(): HTMLElement[] {
    return [...(this.menu?.querySelectorAll<HTMLElement>('button[role=menuitem]') ?? [])];
  }

  private closed(): void {
    const agentId = this.agentId;
    this.agentId = null;
    if (this.returnFocus && agentId) this.trigger(agentId)?.focus();
    this.returnFocus = false;
    this.host.requestUpdate();
  }

  private readonly keydown = (e: KeyboardEvent) => {
    const items = this.items();
    const at = items.indexOf(this.host.shadowRoot?.activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        this.close(true);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
}

/** Below the button, right-aligned to it; above when the viewport has no room below. */
function place(menu: HTMLElement, trigger: HTMLElement): void {
  const anchor = trigger.getBoundingClientRect();
  const size = menu.getBoundingClientRect();
  const below = anchor.bottom + 4 + size.height <= innerHeight;
  menu.style.top = `${below ? anchor.bottom + 4 : Math.max(4, anchor.top - 4 - size.height)}px`;
  menu.style.left = `${Math.max(4, Math.min(anchor.right - size.width, innerWidth - size.width - 4))}px`;
}
