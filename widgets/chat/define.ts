import { defineElement } from '../core/define.js';
import { FvChat } from './chat.js';

defineElement('fv-chat', FvChat);

declare global {
  interface HTMLElementTagNameMap {
    'fv-chat': FvChat;
  }
}
