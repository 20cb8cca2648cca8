import { defineElement } from '../core/define.js';
import { FvWrapupReports } from './wrapup-reports.js';

defineElement('fv-wrapup-reports', FvWrapupReports);

declare global {
  interface HTMLElementTagNameMap {
    'fv-wrapup-reports': FvWrapupReports;
  }
}
