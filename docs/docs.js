// The docs page: the theme choice, and the live examples, added once a supervisor is signed in to
// this server (so none opens the stream without a session), as the demo page does.
const $ = (id) => document.getElementById(id);

const systemDark = matchMedia('(prefers-color-scheme: dark)');

/** The widgets follow `auto` themselves; the page's own colours take the system's when it is chosen. */
function applyTheme(theme) {
  document.documentElement.dataset.theme = theme === 'auto' ? (systemDark.matches ? 'dark' : 'light') : theme;
  $('provider').setAttribute('theme', theme);
  $('theme').value = theme;
}

/** The signed-in supervisor, or null: `/auth/session` answers "signed out" without an error. */
async function currentViewer() {
  const res = await fetch('/api/v1/auth/session', { credentials: 'same-origin' });
  const session = res.ok ? await res.json() : null;
  return session?.signedIn && session.viewer.kind === 'supervisor' ? session.viewer : null;
}

/** The demo agent's desk token for the agent desk's example; null where there is no such agent. */
async function demoAgentToken() {
  const res = await fetch('/api/v1/auth/agent-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId: 'a-007', password: 'floorview-demo' }),
  });
  return res.ok ? (await res.json()).token : null;
}

async function showExamples(viewer) {
  $('sign-in').hidden = true;
  $('who').hidden = false;
  $('who').textContent = `Signed in as ${viewer.name ?? viewer.id}`;
  for (const live of document.querySelectorAll('.live')) {
    const example = live.querySelector('template').content.cloneNode(true);
    if (live.dataset.tag === 'fv-agent-desk') {
      const token = await demoAgentToken();
      if (token) example.querySelector('fv-agent-desk').token = token;
    }
    live.querySelector('.signed-out').remove();
    live.append(example);
  }
}

$('sign-in').addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(e.currentTarget);
  const res = await fetch('/api/v1/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: data.get('email'), password: data.get('password') }),
  });
  const body = await res.json();
  $('sign-in-error').hidden = res.ok;
  if (!res.ok) {
    $('sign-in-error').textContent = body.error?.message ?? `${res.status}`;
    return;
  }
  const viewer = await currentViewer();
  if (viewer) await showExamples(viewer);
});

$('theme').addEventListener('change', (e) => {
  localStorage.setItem('fv-docs-theme', e.target.value);
  applyTheme(e.target.value);
});

systemDark.addEventListener('change', () => applyTheme($('theme').value));
applyTheme(localStorage.getItem('fv-docs-theme') || 'auto');
const viewer = await currentViewer();
if (viewer) await showExamples(viewer);
else $('sign-in').hidden = false;
