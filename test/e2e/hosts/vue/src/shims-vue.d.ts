// tsc reads no .vue file: App.vue's template is Vue's to compile (vue-tsc would check it too).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ api: string; token: string }>;
  export default component;
}
