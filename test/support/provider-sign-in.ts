/**
 * What a person does at the test provider (test/support/oidc-provider.ts) between Floorview's
 * `GET /auth/oidc/start` and its callback, done over HTTP without a browser: follow the redirects
 * with the provider's cookies, fill in its development login form, confirm its consent form, and
 * stop at the redirect back to Floorview. Real pages of the real provider; only the clicking is
 * scripted (the end-to-end test clicks in Chromium instead).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, callbackPrefix: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 20; step++) {
    const res: Response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(callbackPrefix)) return next;
      url = next.href;
      form = null;
      continue;
    }
    const page: string = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (res.status !== 200 || !action) throw new Error(`the provider answered ${res.status} at ${url}:\n${page.slice(0, 2000)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    form = new URLSearchParams([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    if (/name="login"/.test(page)) {
      form.set('login', login);
      form.set('password', 'any password');
    }
  }
  throw new Error(`no redirect to ${callbackPrefix} after 20 steps (last at ${url})`);
}
