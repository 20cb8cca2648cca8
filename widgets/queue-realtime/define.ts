import { defineElement } from '../core/define.js';
import { FvQueueRealtime } from './queue-realtime.js';

defineElement('fv-queue-realtime', FvQueueRealtime);

declare global {
  interface HTMLElementTagNameMap {
    'fv-queue-realtime': FvQueueRealtime;
  }
}
