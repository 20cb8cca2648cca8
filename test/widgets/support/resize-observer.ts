import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

/**
 * The virtualizer resizes what it observes from its ResizeObserver callback;
 * browsers then report the benign "ResizeObserver loop completed with
 * undelivered notifications", which the test runner would take for a failure.
 * Imported by every test file that renders the list.
 */
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
