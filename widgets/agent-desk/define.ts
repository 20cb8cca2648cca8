import { defineElement } from '../core/define.js';
import { FvAgentDesk } from './agent-desk.js';

defineElement('fv-agent-desk', FvAgentDesk);

declare global {
  interface HTMLElementTagNameMap {
    'fv-agent-desk': FvAgentDesk;
  }
}
