/** Every Floorview widget in one module: `<script type="module" src="…/widgets/floorview.js">`. */
import './provider/define.js';
import './agent-list/define.js';

export { FvProvider } from './provider/provider.js';
export { FvAgentList } from './agent-list/agent-list.js';
export { FvAgentChatEvent } from './agent-list/events.js';
export { FvConnectionChangeEvent, FvErrorEvent } from './core/events.js';
export { defineElement } from './core/define.js';
