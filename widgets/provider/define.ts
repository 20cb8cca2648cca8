import { defineElement } from '../core/define.js';
import { FvProvider } from './provider.js';

defineElement('fv-provider', FvProvider);

declare global {
  interface HTMLElementTagNameMap {
    'fv-provider': FvProvider;
  }
}
