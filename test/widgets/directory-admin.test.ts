import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widgets/directory-admin/define.js';
import type { FvDirectoryAdmin } from '../../widgets/directory-admin/directory-admin.js';
import type { FvDirectoryChangeEvent } from '../../widgets/directory-admin/events.js';
import { waitUntil } from '../support/wait-until.js';
import { startServer, type TestServer } from './support/test-server.js';

/**
 * `<fv-directory-admin>` against a real server: Sam is the widget centre's admin, Ava a
 * supervisor of Sales and Support. Each test makes its own records (ids with a run suffix),
 * so the tests do not depend on one another's order.
 */
describe('<fv-directory-admin>', () => {
  let server: TestServer;
  let sam: string;
  let ava: string;
  const run = Math.random().toString(36).slice(2, 7);

  before(async () => {
    server = await startServer();
    [sam, ava] = [await server.login('sam'), await server.login('ava')];
  });
  after(() => server.close());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  const root = (el: FvDirectoryAdmin) => el.shadowRoot!;
  const $ = <T extends Element = HTMLElement>(el: FvDirectoryAdmin, selector: string) => root(el).querySelector<T>(selector);
  const dialog = (el: FvDirectoryAdmin) => $<HTMLDialogElement>(el, 'dialog[part=dialog]');
  const rowOf = (el: FvDirectoryAdmin, id: string) => $(el, `tr[data-id="${id}"]`);
  const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const adminApi = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1/admin${path}`, { ...init, headers: { authorization: `Bearer ${sam}`, 'content-type': 'application/json' } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  async function widget(section = 'queues', token = sam, lang = 'en'): Promise<FvDirectoryAdmin> {
    const el = await fixture<FvDirectoryAdmin>(html`<fv-directory-admin api=${server.url} token=${token} lang=${lang} section=${section} time-zone="UTC"></fv-directory-admin>`);
    if (token === sam) await waitUntil(() => $(el, '[part=table], .empty:not([role=status])'), `the ${section} section loaded`);
    return el;
  }

  /** Types into the open dialog's field as a person would: focus, select what is there, type. */
  async function type(el: FvDirectoryAdmin, field: string, value: string): Promise<void> {
    const input = dialog(el)!.querySelector<HTMLInputElement>(`#field-${field}`)!;
    input.focus();
    input.select();
    await sendKeys({ type: value });
  }

  const openCreate = async (el: FvDirectoryAdmin) => {
    $<HTMLButtonElement>(el, '[part=create-button]')!.click();
    await waitUntil(() => dialog(el)?.open, 'the form is open');
  };
  const save = (el: FvDirectoryAdmin) => dialog(el)!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

  it('creates a queue through the form; it is listed, announced and audited', async () => {
    const el = await widget();
    await openCreate(el);
    expect(text(dialog(el)!.querySelector('h2'))).to.equal('New queue');
    await type(el, 'id', `q-new-${run}`);
    await type(el, 'name', `Renewals ${run}`);
    await type(el, 'serviceLevelSeconds', '45');
    const changed = oneEvent(el, 'fv-directory-change') as Promise<FvDirectoryChangeEvent>;
    save(el);
    const event = await changed;
    expect([event.kind, event.id, event.action]).to.deep.equal(['queues', `q-new-${run}`, 'create']);
    await waitUntil(() => !dialog(el), 'the dialog closed');
    await waitUntil(() => rowOf(el, `q-new-${run}`), 'the new queue listed');
    expect(text(rowOf(el, `q-new-${run}`))).to.contain(`Renewals ${run}`).and.contain('45');
    expect(text($(el, '[role=status].visually-hidden'))).to.equal(`Renewals ${run} created.`);
    el.section = 'audit';
    await waitUntil(() => text($(el, '[data-kind=audit] tbody tr')).includes(`q-new-${run}`), 'the change at the top of the audit trail');
    expect(text($(el, '[data-kind=audit] tbody tr'))).to.contain('Sam').and.contain('Created');
  });

  it('edits a supervisor’s queue scope with checkboxes', async () => {
    const el = await widget('supervisors');
    expect(text(rowOf(el, 's-ava'))).to.contain('Sales, Support');
    rowOf(el, 's-ava')!.querySelector<HTMLButtonElement>('[part=edit-button]')!.click();
    await waitUntil(() => dialog(el)?.open, 'Ava’s form is open');
    const scope = dialog(el)!.querySelector('fieldset')!;
    expect(text(scope.querySelector('legend'))).to.equal('Queue scope');
    const box = (name: string) => [...scope.querySelectorAll('label')].find((l) => text(l) === name)!.querySelector('input')!;
    expect([box('Sales').checked, box('Support').checked]).to.deep.equal([true, true]);
    box('Support').click();
    save(el);
    await waitUntil(() => !dialog(el), 'saved and closed');
    await waitUntil(() => text(rowOf(el, 's-ava')).includes('Sales') && !text(rowOf(el, 's-ava')).includes('Support'), 'the table shows the narrower scope');
    const { supervisors } = await adminApi<{ supervisors: { id: string; queues: string[] }[] }>('/supervisors');
    expect(supervisors.find((s) => s.id === 's-ava')!.queues).to.deep.equal(['q-sales']);
    // Put it back for the other suites' Ava (this server is this file's alone, but the tests' order is not promised).
    await adminApi('/supervisors/s-ava', { method: 'PATCH', body: JSON.stringify({ queues: ['q-sales', 'q-support'] }) });
  });

  it('retires a wrap-up reason after asking; it stays listed as retired, with no actions', async () => {
    await adminApi('/wrapup-reasons', { method: 'POST', body: JSON.stringify({ id: `w-old-${run}`, name: `Old reason ${run}` }) });
    const el = await widget('wrapupReasons');
    await waitUntil(() => rowOf(el, `w-old-${run}`), 'the reason listed');
    rowOf(el, `w-old-${run}`)!.querySelector<HTMLButtonElement>('[part=retire-button]')!.click();
    await waitUntil(() => dialog(el)?.open, 'the question is open');
    expect(text(dialog(el)!.querySelector('h2'))).to.equal(`Retire Old reason ${run}?`);
    dialog(el)!.querySelector<HTMLButtonElement>('[part=confirm-button]')!.click();
    await waitUntil(() => !dialog(el) && text(rowOf(el, `w-old-${run}`)).includes('Retired'), 'shown retired');
    expect(rowOf(el, `w-old-${run}`)!.querySelectorAll('button')).to.have.length(0);
  });

  it('shows a 400 under the field it names, and keeps what was typed', async () => {
    const el = await widget();
    await openCreate(el);
    await type(el, 'id', 'not an id!');
    await type(el, 'name', 'Kept name');
    save(el);
    const error = await waitUntil(() => dialog(el)!.querySelector('#field-id-error'), 'the id’s message');
    expect(text(error)).to.match(/letters, digits/);
    const input = dialog(el)!.querySelector<HTMLInputElement>('#field-id')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('field-id-error');
    expect(dialog(el)!.querySelector('#field-name-error') === null, 'no message under the name').to.equal(true);
    expect([input.value, dialog(el)!.querySelector<HTMLInputElement>('#field-name')!.value]).to.deep.equal(['not an id!', 'Kept name']);
    expect(text(dialog(el)!.querySelector('[role=alert]'))).to.contain('correct the fields marked below');
    expect(root(el).activeElement === input, 'the focus on the field to correct').to.equal(true);
  });

  it('says a 409 plainly and keeps the dialog open', async () => {
    const el = await widget();
    await openCreate(el);
    await type(el, 'id', 'q-sales');
    await type(el, 'name', 'Sales again');
    const failed = oneEvent(el, 'fv-error');
    save(el);
    await failed;
    const alert = await waitUntil(() => dialog(el)!.querySelector('[role=alert]'), 'the conflict said');
    expect(text(alert)).to.match(/^Not saved: .*q-sales/);
    expect(dialog(el)!.open).to.equal(true);
    expect(dialog(el)!.querySelector<HTMLInputElement>('#field-name')!.value).to.equal('Sales again');
  });

  it('shows a new integration key’s secret once, with a copy button', async () => {
    const el = await widget('integrationKeys');
    await openCreate(el);
    await type(el, 'id', `crm-${run}`);
    await type(el, 'label', 'CRM');
    save(el);
    const secret = await waitUntil(() => dialog(el)?.querySelector<HTMLInputElement>('[part=secret]'), 'the secret shown');
    expect(secret.value).to.have.length.above(15);
    expect(secret.readOnly).to.equal(true);
    expect(text(dialog(el)!.querySelector('.secret-warning'))).to.contain('you will not see this secret again');
    expect(text(dialog(el)!.querySelector('[part=copy-button]'))).to.equal('Copy');
    // The secret works: the server takes it as an integration key.
    const posted = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${secret.value}`, 'content-type': 'application/json' }, body: '[]' });
    expect(posted.status).to.not.equal(401);
    const shown = secret.value;
    dialog(el)!.querySelector<HTMLButtonElement>('.dialog-actions .primary')!.click();
    await waitUntil(() => !dialog(el) && rowOf(el, `crm-${run}`), 'closed, the key listed');
    expect(root(el).innerHTML).to.not.contain(shown);
  });

  it('is one Tab stop per table, with the arrows inside, and arrows between the section tabs', async () => {
    const el = await widget();
    const tab = $(el, '[role=tab][aria-selected=true]')!;
    tab.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.section === 'agents' && root(el).activeElement?.id === 'tab-agents', 'the next tab chosen and focused');
    await waitUntil(() => $(el, 'table[data-kind=agents]'), 'the agents listed');
    const tabbable = [...root(el).querySelectorAll<HTMLElement>('table [tabindex]')].filter((n) => n.tabIndex === 0);
    expect(tabbable).to.have.length(1);
    tabbable[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    const cell = root(el).activeElement!.closest('th, td') as HTMLTableCellElement;
    expect([(cell.parentElement as HTMLTableRowElement).rowIndex, cell.cellIndex]).to.deep.equal([1, 1]);
    await sendKeys({ press: 'End' });
    expect(root(el).activeElement!.getAttribute('part')).to.equal('retire-button');
  });

  it('speaks Chinese with the other widgets’ terms', async () => {
    const el = await widget('supervisors', sam, 'zh-CN');
    expect([...root(el).querySelectorAll('[role=tab]')].map(text)).to.deep.equal(['队列', '座席', '主管', '总结原因', '集成密钥', '显示令牌', '审计记录']);
    expect(text($(el, '[part=create-button]'))).to.equal('新建主管');
    expect(text($(el, 'thead th:nth-child(4)'))).to.equal('队列范围');
  });

  it('tells a supervisor who is not an admin so, instead of an empty table', async () => {
    const el = await widget('queues', ava);
    const alert = await waitUntil(() => $(el, '[part=alert]'), 'the message');
    expect(text(alert)).to.contain('managed by admins').and.contain('Ava');
    expect(root(el).querySelectorAll('table, [role=tab]')).to.have.length(0);
  });

  it('centres its dialog inside a 360 px screen, and is accessible with it open', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await widget('supervisors');
    rowOf(el, 's-ben')!.querySelector<HTMLButtonElement>('[part=edit-button]')!.click();
    await waitUntil(() => dialog(el)?.open, 'the form is open');
    const box = dialog(el)!.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(360);
    expect(Math.abs(box.left - (360 - box.right))).to.be.below(2);
    await expect(el).to.be.accessible();
  });
});
