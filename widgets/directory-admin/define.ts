import { defineElement } from '../core/define.js';
import { FvDirectoryAdmin } from './directory-admin.js';

defineElement('fv-directory-admin', FvDirectoryAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'fv-directory-admin': FvDirectoryAdmin;
  }
}
