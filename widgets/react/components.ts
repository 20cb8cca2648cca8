// The widgets' tags and fv-* events, as types only (the host's HTMLElementTagNameMap and
// GlobalEventHandlersEventMap): kept in the declarations, and no import that would register every widget.
/// <reference path="../floorview.ts" preserve="true" />
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { FvAgentDesk as FvAgentDeskElement } from '../agent-desk/agent-desk.js';
import { FvAgentList as FvAgentListElement } from '../agent-list/agent-list.js';
import { FvAgentStats as FvAgentStatsElement } from '../agent-stats/agent-stats.js';
import { FvChat as FvChatElement } from '../chat/chat.js';
import { defineElement } from '../core/define.js';
import { FvDirectoryAdmin as FvDirectoryAdminElement } from '../directory-admin/directory-admin.js';
import { FvProvider as FvProviderElement } from '../provider/provider.js';
import { FvQueueHistory as FvQueueHistoryElement } from '../queue-history/queue-history.js';
import { FvQueueRealtime as FvQueueRealtimeElement } from '../queue-realtime/queue-realtime.js';
import { FvWrapupReports as FvWrapupReportsElement } from '../wrapup-reports/wrapup-reports.js';
import { FvWrapupStats as FvWrapupStatsElement } from '../wrapup-stats/wrapup-stats.js';

/**
 * React components for the widgets (`floorview/react`), made by `@lit/react`'s createComponent
 * from one list: each widget's tag and the `fv-*` events it fires. A prop sets the element's
 * property (objects and arrays too, which an attribute cannot carry); an event becomes an
 * `onFv…` prop whose handler gets the widget's typed event (`fv-agent-chat` → `onFvAgentChat`).
 * A component registers its widget when it is created; each is marked pure, so a host's bundler
 * leaves out the components the host does not use, and their widgets with them.
 */

type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;
type FvEvent = Extract<keyof GlobalEventHandlersEventMap, `fv-${string}`>;
type EventProps<E extends FvEvent> = { [K in E as `on${Pascal<K>}`]: EventName<GlobalEventHandlersEventMap[K]> };

const propOf = (event: string) => `on${event.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase())}`;

function wrap<T extends keyof HTMLElementTagNameMap & `fv-${string}`, E extends FvEvent = never>(tagName: T, elementClass: new () => HTMLElementTagNameMap[T], ...events: E[]) {
  defineElement(tagName, elementClass);
  return createComponent({
    react: React,
    tagName,
    elementClass,
    // propOf spells at run time the names EventProps spells in types.
    events: Object.fromEntries(events.map((event) => [propOf(event), event])) as unknown as EventProps<E>,
    displayName: propOf(tagName).slice(2),
  });
}

export const FvProvider = /* @__PURE__ */ wrap('fv-provider', FvProviderElement);
export const FvAgentList = /* @__PURE__ */ wrap('fv-agent-list', FvAgentListElement, 'fv-agent-chat', 'fv-connection-change', 'fv-error');
export const FvQueueRealtime = /* @__PURE__ */ wrap('fv-queue-realtime', FvQueueRealtimeElement, 'fv-queue-level-change', 'fv-connection-change');
export const FvChat = /* @__PURE__ */ wrap('fv-chat', FvChatElement, 'fv-chat-close', 'fv-connection-change', 'fv-error');
export const FvAgentDesk = /* @__PURE__ */ wrap('fv-agent-desk', FvAgentDeskElement, 'fv-agent-signed-in', 'fv-connection-change', 'fv-error');
export const FvAgentStats = /* @__PURE__ */ wrap('fv-agent-stats', FvAgentStatsElement, 'fv-drill-down', 'fv-error');
export const FvQueueHistory = /* @__PURE__ */ wrap('fv-queue-history', FvQueueHistoryElement, 'fv-drill-down', 'fv-error');
export const FvWrapupStats = /* @__PURE__ */ wrap('fv-wrapup-stats', FvWrapupStatsElement, 'fv-drill-down', 'fv-error');
export const FvWrapupReports = /* @__PURE__ */ wrap('fv-wrapup-reports', FvWrapupReportsElement, 'fv-report-change', 'fv-error');
export const FvDirectoryAdmin = /* @__PURE__ */ wrap('fv-directory-admin', FvDirectoryAdminElement, 'fv-directory-change', 'fv-error');
