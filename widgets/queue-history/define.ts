import { defineElement } from '../core/define.js';
import { FvQueueHistory } from './queue-history.js';

defineElement('fv-queue-history', FvQueueHistory);

declare global {
  interface HTMLElementTagNameMap {
    'fv-queue-history': FvQueueHistory;
  }
}
