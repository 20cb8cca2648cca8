import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import * as Fv from '../floorview.js';

/**
 * React components for the widgets (`floorview/react`), made by `@lit/react`'s createComponent
 * from one list: each widget's tag and the `fv-*` events it fires. A prop sets the element's
 * property (objects and arrays too, which an attribute cannot carry); an event becomes an
 * `onFv…` prop whose handler gets the widget's typed event (`fv-agent-chat` → `onFvAgentChat`).
 * Importing this module registers every widget, as `floorview` does.
 */

type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;
type FvEvent = Extract<keyof GlobalEventHandlersEventMap, `fv-${string}`>;
type EventProps<E extends FvEvent> = { [K in E as `on${Pascal<K>}`]: EventName<GlobalEventHandlersEventMap[K]> };

const propOf = (event: string) => `on${event.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase())}`;

function wrap<T extends keyof HTMLElementTagNameMap & `fv-${string}`, E extends FvEvent = never>(tagName: T, elementClass: new () => HTMLElementTagNameMap[T], ...events: E[]) {
  return createComponent({
    react: React,
    tagName,
    elementClass,
    // propOf spells at run time the names EventProps spells in types.
    events: Object.fromEntries(events.map((event) => [propOf(event), event])) as unknown as EventProps<E>,
    displayName: propOf(tagName).slice(2),
  });
}

export const FvProvider = wrap('fv-provider', Fv.FvProvider);
export const FvAgentList = wrap('fv-agent-list', Fv.FvAgentList, 'fv-agent-chat', 'fv-connection-change', 'fv-error');
export const FvQueueRealtime = wrap('fv-queue-realtime', Fv.FvQueueRealtime, 'fv-queue-level-change', 'fv-connection-change');
export const FvChat = wrap('fv-chat', Fv.FvChat, 'fv-chat-close', 'fv-connection-change', 'fv-error');
export const FvAgentDesk = wrap('fv-agent-desk', Fv.FvAgentDesk, 'fv-agent-signed-in', 'fv-connection-change', 'fv-error');
export const FvAgentStats = wrap('fv-agent-stats', Fv.FvAgentStats, 'fv-drill-down', 'fv-error');
export const FvQueueHistory = wrap('fv-queue-history', Fv.FvQueueHistory, 'fv-drill-down', 'fv-error');
export const FvWrapupStats = wrap('fv-wrapup-stats', Fv.FvWrapupStats, 'fv-drill-down', 'fv-error');
export const FvWrapupReports = wrap('fv-wrapup-reports', Fv.FvWrapupReports, 'fv-report-change', 'fv-error');
