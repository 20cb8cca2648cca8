// The agent desk demo: one simulated agent's side — their state, chat with supervisors, the monitoring banner.
// `?agent=a-007` signs in as that agent with the demo password; otherwise the desk's own sign-in form.
const $ = (id) => document.getElementById(id);
const desk = Object.assign(document.createElement('fv-agent-desk'), { id: 'desk' });
const params = new URLSearchParams(location.search);
const DEMO_PASSWORD = 'floorview-demo';
const STORE = 'fv-demo-agent-session';

const TEXT = {
  en: {
    subtitle: 'Agent desk demo',
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    signOut: 'Sign out',
    hint: 'Any simulated agent: a-001 … a-060 (or their email), password floorview-demo. Open /agent.html?agent=a-007 to sign in as one directly.',
    supervisorLink: '← The supervisor demo',
  },
  'zh-CN': {
    subtitle: '座席工作台演示',
    language: '语言',
    theme: '主题',
    light: '浅色',
    dark: '深色',
    signOut: '退出登录',
    hint: '任一模拟座席:a-001 … a-060(或其电子邮件),密码 floorview-demo。打开 /agent.html?agent=a-007 可直接以该座席登录。',
    supervisorLink: '← 主管演示',
  },
};

const prefs = { lang: localStorage.getItem('fv-demo-lang') || 'en', theme: localStorage.getItem('fv-demo-theme') || 'light' };

function applyPrefs() {
  const text = TEXT[prefs.lang] ?? TEXT.en;
  document.documentElement.lang = prefs.lang;
  document.documentElement.dataset.theme = prefs.theme;
  $('lang').value = prefs.lang;
  $('theme').value = prefs.theme;
  desk.setAttribute('lang', prefs.lang);
  desk.setAttribute('theme', prefs.theme);
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = text[el.dataset.i18n] ?? el.textContent;
}

/** The session of this tab (sessionStorage: another tab may be another agent). */
function stored() {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORE) ?? 'null');
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

function use(session) {
  sessionStorage.setItem(STORE, JSON.stringify(session));
  desk.setAttribute('token', session.token);
  $('sign-out').hidden = false;
}

async function signInAs(agentId) {
  const res = await fetch('/api/v1/auth/agent-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId, password: DEMO_PASSWORD }),
  });
  if (res.ok) use(await res.json());
}

desk.addEventListener('fv-agent-signed-in', (e) => use({ token: e.token, expiresAt: e.expiresAt, agent: { id: e.agentId } }));

$('sign-out').addEventListener('click', async () => {
  const session = stored();
  sessionStorage.removeItem(STORE);
  // The desk's token, or else the session cookie a sign-in with the OpenID provider set.
  await fetch('/api/v1/auth/logout', { method: 'POST', headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  location.href = '/agent.html';
});

$('lang').addEventListener('change', (e) => {
  prefs.lang = e.target.value;
  localStorage.setItem('fv-demo-lang', prefs.lang);
  applyPrefs();
});
$('theme').addEventListener('change', (e) => {
  prefs.theme = e.target.value;
  localStorage.setItem('fv-demo-theme', prefs.theme);
  applyPrefs();
});

applyPrefs();
// The token is set before the desk is added, so it never tries the page's cookie first.
const wanted = params.get('agent');
const session = stored();
if (session && (!wanted || session.agent?.id === wanted)) use(session);
else if (wanted) await signInAs(wanted);
else {
  // Back from the OpenID provider's sign-in, the agent's session is the cookie.
  const probe = await (await fetch('/api/v1/auth/session')).json();
  $('sign-out').hidden = probe.viewer?.kind !== 'agent';
}
$('desk-slot').replaceWith(desk);
