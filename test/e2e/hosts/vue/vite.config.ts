import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // Vue compiles fv-* tags to custom elements instead of looking for Vue components by that name.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('fv-') } } })],
});
