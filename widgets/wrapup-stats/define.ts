import { defineElement } from '../core/define.js';
import { FvWrapupStats } from './wrapup-stats.js';

defineElement('fv-wrapup-stats', FvWrapupStats);

declare global {
  interface HTMLElementTagNameMap {
    'fv-wrapup-stats': FvWrapupStats;
  }
}
