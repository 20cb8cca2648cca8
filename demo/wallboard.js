// The wallboard: opened once as /wallboard.html?token=<display token>. The token is taken out of the
// URL and the history at once, exchanged for an HttpOnly session cookie, and never stored by the page.
// Then a full-screen fv-queue-realtime; the shared stream reconnects by itself after restarts and outages.

const RETRY_MAX_MS = 30_000;
const RENEW_EVERY_MS = 12 * 3_600_000;

const url = new URL(location.href);
const token = url.searchParams.get('token');
if (token !== null) {
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url);
}

const lang = url.searchParams.get('lang') === 'zh-CN' ? 'zh-CN' : 'en';
const theme = url.searchParams.get('theme') === 'light' ? 'light' : 'dark';
document.documentElement.lang = lang;
document.documentElement.dataset.theme = theme;

const TEXT = {
  en: {
    connecting: 'Connecting to Floorview…',
    refused: 'This display token was refused. Open the wallboard again with a valid ?token=.',
    noSession: 'Open this page once with ?token=<display token> (for the demo: ?token=wallboard-demo-secret-change-me).',
  },
  'zh-CN': {
    connecting: '正在连接 Floorview…',
    refused: '显示令牌被拒绝。请使用有效的 ?token= 重新打开看板。',
    noSession: '请使用 ?token=<显示令牌> 打开此页面一次(演示:?token=wallboard-demo-secret-change-me)。',
  },
}[lang];

/** What the widget shows; every attribute can be overridden in the URL (e.g. ?queues=q-sales,q-vip&view=table). */
const ATTRIBUTES = {
  view: 'tiles',
  trend: 'total',
  'trend-minutes': '60',
  queues: '',
  'warn-waiting': '3',
  'alert-waiting': '6',
  'warn-wait-seconds': '60',
  'alert-wait-seconds': '180',
  'service-level-target': '80',
  'alert-service-level': '60',
  'warn-abandon-rate': '5',
  'alert-abandon-rate': '10',
};

const message = document.getElementById('message');
const say = (text) => (message.textContent = text);

/** Fetch that waits out a server restart or a network outage, backing off; resolves with the first answer that is not a server failure. */
async function persistently(input, init) {
  for (let delay = 1_000; ; delay = Math.min(RETRY_MAX_MS, delay * 2)) {
    try {
      const res = await fetch(input, { credentials: 'same-origin', ...init });
      if (res.status < 500) return res;
    } catch {
      // Not reached: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function signIn() {
  if (token !== null) {
    const res = await persistently('/api/v1/auth/display-session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    return res.ok;
  }
  return (await persistently('/api/v1/auth/me')).ok;
}

function mount() {
  const board = document.createElement('fv-queue-realtime');
  board.setAttribute('wallboard', '');
  board.setAttribute('agent-summary', '');
  board.setAttribute('lang', lang);
  board.setAttribute('theme', theme);
  for (const [name, fallback] of Object.entries(ATTRIBUTES)) {
    const value = url.searchParams.get(name) ?? fallback;
    if (value) board.setAttribute(name, value);
  }
  document.getElementById('board').append(board);
}

const clock = document.getElementById('clock');
const timeFormat = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
function showTime() {
  const now = new Date();
  clock.textContent = timeFormat.format(now);
  clock.dateTime = now.toISOString();
}
showTime();
setInterval(showTime, 1_000);

say(TEXT.connecting);
if (await signIn()) {
  say('');
  mount();
  // Keeps the session cookie from running out on a screen left on for months.
  setInterval(() => void fetch('/api/v1/auth/display-session/renew', { method: 'POST', credentials: 'same-origin' }).catch(() => {}), RENEW_EVERY_MS);
} else {
  say(token !== null ? TEXT.refused : TEXT.noSession);
}
