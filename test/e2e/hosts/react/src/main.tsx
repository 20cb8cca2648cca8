import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

// This host reads the server and the token from its address (?api=…&token=…); yours knows its own.
const params = new URLSearchParams(location.search);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={params.get('api')!} token={params.get('token')!} />
  </StrictMode>,
);
