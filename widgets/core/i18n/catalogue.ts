import type { AgentDeskKey } from '../../agent-desk/i18n/index.js';
import type { HandKey } from '../../agent-desk/hand/hand-i18n.js';
import type { AgentListKey } from '../../agent-list/i18n/index.js';
import type { AgentActionsKey } from '../../agent-list/i18n/actions.js';
import type { AgentStatsKey } from '../../agent-stats/i18n/index.js';
import type { ChatKey } from '../../chat/i18n/index.js';
import type { DirectoryAdminKey } from '../../directory-admin/i18n/index.js';
import type { QueueHistoryKey } from '../../queue-history/i18n/index.js';
import type { QueueRealtimeKey } from '../../queue-realtime/i18n/index.js';
import type { WrapupReportsKey } from '../../wrapup-reports/i18n/index.js';
import type { WrapupStatsKey } from '../../wrapup-stats/i18n/index.js';
import type { AlertsKey } from '../alerts/alerts-en.js';
import type { RefusalCode } from '../refusals.js';

/**
 * Every key any widget shows: one flat namespace, so a host translates "Live" once for all
 * widgets (a key means the same text in every widget that uses it; a test holds them to it).
 * Types only: each bundle still carries just its own strings.
 */
export type CatalogueKey =
  | AgentDeskKey
  | HandKey
  | AgentListKey
  | AgentActionsKey
  | AgentStatsKey
  | ChatKey
  | DirectoryAdminKey
  | QueueHistoryKey
  | QueueRealtimeKey
  | WrapupReportsKey
  | WrapupStatsKey
  | AlertsKey
  | RefusalCode;

/** `x.one`/`x.other` → `x.zero`, `x.two`, `x.few`, `x.many`: the plural forms another language may add. */
type PluralForms = CatalogueKey extends infer K ? (K extends `${infer Base}.other` ? `${Base}.${Intl.LDMLPluralRule}` : never) : never;

/** A language's texts for {@link registerLanguage}: every key, and any extra plural forms the language has. */
export type Catalogue = Record<CatalogueKey, string> & Partial<Record<PluralForms, string>>;
