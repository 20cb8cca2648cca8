/**
 * The library's release, kept equal to package.json's version (a test checks).
 * `defineElement` compares it, so two copies of one release on a page stay silent.
 */
export const VERSION = '0.1.0';
