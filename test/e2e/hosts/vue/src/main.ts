import { createApp } from 'vue';
// Registers every Floorview element; `floorview/agent-list` would register that one alone.
import 'floorview';
import App from './App.vue';

// This host reads the server and the token from its address (?api=…&token=…); yours knows its own.
const params = new URLSearchParams(location.search);
createApp(App, { api: params.get('api')!, token: params.get('token')! }).mount('#app');
