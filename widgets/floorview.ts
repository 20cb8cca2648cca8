/** Every Floorview widget in one module: `<script type="module" src="…/widgets/floorview.js">`. */
import './provider/define.js';
import './agent-list/define.js';
import './queue-realtime/define.js';
import './chat/define.js';
import './agent-desk/define.js';
import './agent-stats/define.js';
import './queue-history/define.js';
import './wrapup-stats/define.js';
import './wrapup-reports/define.js';

export { FvProvider } from './provider/provider.js';
export { FvAgentList } from './agent-list/agent-list.js';
export { FvAgentChatEvent } from './agent-list/events.js';
export { FvQueueRealtime } from './queue-realtime/queue-realtime.js';
export { FvQueueLevelChangeEvent } from './queue-realtime/events.js';
export { FvChat } from './chat/chat.js';
export { FvChatCloseEvent } from './chat/events.js';
export { FvAgentDesk } from './agent-desk/agent-desk.js';
export { FvAgentSignedInEvent } from './agent-desk/events.js';
export { FvAgentStats } from './agent-stats/agent-stats.js';
export { FvQueueHistory } from './queue-history/queue-history.js';
export { FvWrapupStats } from './wrapup-stats/wrapup-stats.js';
export { FvWrapupReports } from './wrapup-reports/wrapup-reports.js';
export { FvReportChangeEvent } from './wrapup-reports/events.js';
export { FvDrillDownEvent } from './history-common/events.js';
export { FvConnectionChangeEvent, FvErrorEvent } from './core/events.js';
export { defineElement } from './core/define.js';
export { registerLanguage, type Catalogue, type CatalogueKey, type RegisterOptions } from './core/i18n/index.js';
