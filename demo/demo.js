// The demo page: signs in with the session cookie, then shows the agent list on the simulated centre.
const $ = (id) => document.getElementById(id);

const TEXT = {
  en: {
    subtitle: 'Supervisor demo',
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    signOut: 'Sign out',
    signInTitle: 'Sign in',
    signInHint: 'Demo supervisors: ava@example.com, ben@example.com, admin@example.com — password floorview-demo.',
    email: 'Email',
    password: 'Password',
    signInSubmit: 'Sign in',
    events: 'Widget events',
    embedLink: 'The agent list embedded in a foreign portal page →',
    chat: (id) => `Chat requested with ${id} (the chat panel is another widget)`,
    connection: (s) => `Connection: ${s}`,
    error: (m) => `Refused: ${m}`,
    signedInAs: (name) => `Signed in as ${name}`,
  },
  'zh-CN': {
    subtitle: '主管演示',
    language: '语言',
    theme: '主题',
    light: '浅色',
    dark: '深色',
    signOut: '退出登录',
    signInTitle: '登录',
    signInHint: '演示主管:ava@example.com、ben@example.com、admin@example.com,密码 floorview-demo。',
    email: '电子邮件',
    password: '密码',
    signInSubmit: '登录',
    events: '组件事件',
    embedLink: '嵌入到外部门户页面中的代理列表 →',
    chat: (id) => `请求与 ${id} 聊天(聊天面板是另一个组件)`,
    connection: (s) => `连接:${s}`,
    error: (m) => `被拒绝:${m}`,
    signedInAs: (name) => `已登录:${name}`,
  },
};

const prefs = { lang: localStorage.getItem('fv-demo-lang') || 'en', theme: localStorage.getItem('fv-demo-theme') || 'light' };
let viewerName = '';

function applyPrefs() {
  const text = TEXT[prefs.lang] ?? TEXT.en;
  document.documentElement.lang = prefs.lang;
  document.documentElement.dataset.theme = prefs.theme;
  $('lang').value = prefs.lang;
  $('theme').value = prefs.theme;
  $('provider').setAttribute('lang', prefs.lang);
  $('provider').setAttribute('theme', prefs.theme);
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const value = text[el.dataset.i18n];
    if (typeof value === 'string') el.textContent = value;
  }
  $('who').textContent = viewerName ? text.signedInAs(viewerName) : '';
}

function log(message) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString(prefs.lang)} ${message}`;
  $('events').prepend(item);
  while ($('events').children.length > 50) $('events').lastElementChild.remove();
}

async function currentViewer() {
  const res = await fetch('/api/v1/auth/me', { credentials: 'same-origin' });
  return res.ok ? res.json() : null;
}

function show(viewer) {
  viewerName = viewer?.name ?? '';
  $('sign-in').hidden = Boolean(viewer);
  $('floor').hidden = !viewer;
  $('who').hidden = !viewer;
  $('sign-out').hidden = !viewer;
  if (viewer && !$('agents')) $('provider').append(Object.assign(document.createElement('fv-agent-list'), { id: 'agents' }));
  applyPrefs();
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
  if (!res.ok) {
    $('sign-in-error').textContent = body.error?.message ?? `${res.status}`;
    $('sign-in-error').hidden = false;
    return;
  }
  $('sign-in-error').hidden = true;
  show(await currentViewer());
});

$('sign-out').addEventListener('click', async () => {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'same-origin' });
  location.reload();
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

const text = () => TEXT[prefs.lang] ?? TEXT.en;
$('floor').addEventListener('fv-agent-chat', (e) => log(text().chat(e.agentId)));
$('floor').addEventListener('fv-connection-change', (e) => log(text().connection(e.state)));
$('floor').addEventListener('fv-error', (e) => log(text().error(e.message)));

applyPrefs();
show(await currentViewer());
