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
    signInHint: 'Demo supervisors: admin@example.com (every queue), ava@example.com (Shanghai), ben@example.com (Austin) — password floorview-demo.',
    email: 'Email',
    password: 'Password',
    signInSubmit: 'Sign in',
    or: 'or',
    withProvider: (name) => `Sign in with ${name}`,
    events: 'Widget events',
    views: 'Views',
    live: 'Live floor',
    history: 'History',
    reports: 'Reports',
    directory: 'Directory',
    embedLink: 'The agent list embedded in a foreign portal page →',
    wallboardLink: 'The wallboard (display token, full screen) →',
    agentDeskLink: 'The agent desk: chat back as a simulated agent →',
    chatPanel: 'Chat',
    chat: (id) => `Chat opened with ${id}`,
    connection: (s) => `Connection: ${s}`,
    error: (m) => `Refused: ${m}`,
    level: (queue, e) =>
      `${queue}: ${{ waiting: 'contacts waiting', longestWait: 'longest wait', serviceLevel: 'service level', abandonRate: 'abandon rate' }[e.metric] ?? e.metric} ${
        { ok: 'back to normal', warn: 'at warning level', alert: 'at alert level' }[e.level] ?? e.level
      }`,
    drill: (figure) => `Calls opened: ${figure}`,
    directoryChange: (e) => `Directory: ${e.kind} ${e.id} ${{ create: 'created', update: 'changed', retire: 'retired' }[e.action]}`,
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
    signInHint: '演示主管:admin@example.com(全部队列)、ava@example.com(上海)、ben@example.com(奥斯汀),密码 floorview-demo。',
    email: '电子邮件',
    password: '密码',
    signInSubmit: '登录',
    or: '或',
    withProvider: (name) => `使用 ${name} 登录`,
    events: '组件事件',
    views: '视图',
    live: '实时现场',
    history: '历史统计',
    reports: '报表',
    directory: '目录',
    embedLink: '嵌入到外部门户页面中的座席列表 →',
    wallboardLink: '看板(显示令牌,全屏)→',
    agentDeskLink: '座席工作台:以模拟座席的身份回复 →',
    chatPanel: '聊天',
    chat: (id) => `已打开与 ${id} 的聊天`,
    connection: (s) => `连接:${s}`,
    error: (m) => `被拒绝:${m}`,
    level: (queue, e) =>
      `${queue}:${{ waiting: '等待数', longestWait: '最长等待', serviceLevel: '服务水平', abandonRate: '放弃率' }[e.metric] ?? e.metric}${
        { ok: '恢复正常', warn: '达到警告级别', alert: '达到告警级别' }[e.level] ?? e.level
      }`,
    drill: (figure) => `已打开呼叫:${figure}`,
    directoryChange: (e) => `目录:${e.kind} ${e.id} ${{ create: '已创建', update: '已修改', retire: '已停用' }[e.action]}`,
    signedInAs: (name) => `已登录:${name}`,
  },
};

const prefs = { lang: localStorage.getItem('fv-demo-lang') || 'en', theme: localStorage.getItem('fv-demo-theme') || 'light' };
let viewerName = '';
/** The OpenID provider's name when the server signs in with one (the button's text is in the page's language). */
let providerName = '';

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
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', text[el.dataset.i18nLabel]);
  $('who').textContent = viewerName ? text.signedInAs(viewerName) : '';
  $('provider-sign-in').textContent = providerName ? text.withProvider(providerName) : '';
  $('chat-panel')?.setAttribute('aria-label', text.chatPanel);
}

function log(message) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString(prefs.lang)} ${message}`;
  $('events').prepend(item);
  while ($('events').children.length > 50) $('events').lastElementChild.remove();
}

/** The signed-in supervisor, or null: `/auth/session` answers "signed out" without an error. */
async function currentViewer() {
  const res = await fetch('/api/v1/auth/session', { credentials: 'same-origin' });
  const session = res.ok ? await res.json() : null;
  return session?.signedIn ? session.viewer : null;
}

/** Password fields, "Sign in with <provider>" or both, as the server signs in (`GET /auth/methods`). */
async function showSignInMethods() {
  const res = await fetch('/api/v1/auth/methods');
  const methods = res.ok ? await res.json() : { password: true, oidc: null };
  $('password-sign-in').hidden = !methods.password;
  providerName = methods.oidc?.providerName ?? '';
  $('provider-or').hidden = !providerName || !methods.password;
  $('provider-sign-in').hidden = !providerName;
  // Back to this page and tab once the provider has signed the supervisor in.
  $('provider-sign-in').href = `/api/v1/auth/oidc/start?${new URLSearchParams({ returnTo: location.pathname + location.hash })}`;
  applyPrefs();
}

/** The chat side panel: opened by the agent list's Chat action (or an unread badge), closed by its close button. */
function chatPanel() {
  const panel = Object.assign(document.createElement('aside'), { id: 'chat-panel', className: 'chat-panel', hidden: true });
  const chat = Object.assign(document.createElement('fv-chat'), { id: 'chat', closable: true });
  panel.append(chat);
  return panel;
}

/** The live queues with the demo's thresholds (the attributes a portal would set); one trend line keeps it compact above the agents. */
function queueWidget() {
  const el = document.createElement('fv-queue-realtime');
  el.id = 'queues';
  const attributes = { trend: 'total', 'warn-waiting': 3, 'alert-waiting': 6, 'warn-wait-seconds': 60, 'alert-wait-seconds': 180, 'service-level-target': 80, 'alert-service-level': 60 };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}

/** Each tab's widgets, created the first time the tab is shown: history is not fetched until someone looks at it. */
const PANELS = {
  live: () => [queueWidget(), Object.assign(document.createElement('fv-agent-list'), { id: 'agents' })],
  // The history widgets open on the last 7 days of the simulated centre.
  history: () => ['fv-agent-stats', 'fv-queue-history', 'fv-wrapup-stats'].map((tag) => Object.assign(document.createElement(tag), { id: tag })),
  reports: () => [Object.assign(document.createElement('fv-wrapup-reports'), { id: 'fv-wrapup-reports' })],
  // Admins manage the directory here; another supervisor is told it is for admins.
  directory: () => [Object.assign(document.createElement('fv-directory-admin'), { id: 'fv-directory-admin' })],
};
const tabs = () => [...document.querySelectorAll('[role=tab]')];

/** The WAI-ARIA tabs pattern: one tab in the tab order, the shown panel named in the address so a reload keeps it. */
function selectTab(name, { focus = false } = {}) {
  if (!(name in PANELS)) name = 'live';
  for (const tab of tabs()) {
    const selected = tab.getAttribute('aria-controls') === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected && focus) tab.focus();
  }
  for (const panelName of Object.keys(PANELS)) $(panelName).hidden = panelName !== name;
  if (viewerName && !$(name).hasChildNodes()) $(name).append(...PANELS[name]());
  if (location.hash.slice(1) !== name) window.history.replaceState(null, '', name === 'live' ? location.pathname : `#${name}`);
}

function show(viewer) {
  viewerName = viewer?.name ?? '';
  $('sign-in').hidden = Boolean(viewer);
  $('floor').hidden = !viewer;
  $('who').hidden = !viewer;
  $('sign-out').hidden = !viewer;
  if (viewer && !$('chat-panel')) $('provider').append(chatPanel());
  selectTab(location.hash.slice(1));
  applyPrefs();
}

for (const tab of tabs()) tab.addEventListener('click', () => selectTab(tab.getAttribute('aria-controls')));
document.querySelector('[role=tablist]').addEventListener('keydown', (e) => {
  const all = tabs();
  const at = all.indexOf(document.activeElement);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[e.key];
  if (at < 0 || to === undefined) return;
  e.preventDefault();
  selectTab(all[(to + all.length) % all.length].getAttribute('aria-controls'), { focus: true });
});
window.addEventListener('hashchange', () => selectTab(location.hash.slice(1)));

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
// Focus goes to the typing box when the panel opens, and back where it was when it closes.
let chatOpener = null;
const focusedElement = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};
$('floor').addEventListener('fv-agent-chat', async (e) => {
  log(text().chat(e.agentId));
  $('chat').agentId = e.agentId;
  $('chat-panel').hidden = false;
  await $('chat').updateComplete;
  chatOpener = focusedElement();
  $('chat').focus();
});
$('floor').addEventListener('fv-chat-close', () => {
  $('chat-panel').hidden = true;
  chatOpener?.focus();
});
$('floor').addEventListener('fv-connection-change', (e) => log(text().connection(e.state)));
$('floor').addEventListener('fv-error', (e) => log(text().error(e.message)));
$('floor').addEventListener('fv-queue-level-change', (e) => log(text().level(e.queueName, e)));
$('floor').addEventListener('fv-drill-down', (e) => log(text().drill(e.figure)));
$('floor').addEventListener('fv-directory-change', (e) => log(text().directoryChange(e)));

applyPrefs();
const viewer = await currentViewer();
show(viewer);
if (!viewer) await showSignInMethods();
