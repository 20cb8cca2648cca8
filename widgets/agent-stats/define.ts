import { defineElement } from '../core/define.js';
import { FvAgentStats } from './agent-stats.js';

defineElement('fv-agent-stats', FvAgentStats);

declare global {
  interface HTMLElementTagNameMap {
    'fv-agent-stats': FvAgentStats;
  }
}
