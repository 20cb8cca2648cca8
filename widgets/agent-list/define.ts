import { defineElement } from '../core/define.js';
import { FvAgentList } from './agent-list.js';

defineElement('fv-agent-list', FvAgentList);

declare global {
  interface HTMLElementTagNameMap {
    'fv-agent-list': FvAgentList;
  }
}
