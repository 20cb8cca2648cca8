import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/queue-realtime/define.js';
import { registerLanguage, translator, type Catalogue } from '../../widgets/core/i18n/index.js';
import { queueRealtimeCatalogs } from '../../widgets/queue-realtime/i18n/index.js';
import type { FvQueueRealtime } from '../../widgets/queue-realtime/queue-realtime.js';
import { agentDeskCatalogs } from '../../widgets/agent-desk/i18n/index.js';
import { handCatalogs } from '../../widgets/agent-desk/hand/hand-i18n.js';
import { agentListCatalogs } from '../../widgets/agent-list/i18n/index.js';
import { agentActionsCatalogs } from '../../widgets/agent-list/i18n/actions.js';
import { agentStatsCatalogs } from '../../widgets/agent-stats/i18n/index.js';
import { chatCatalogs } from '../../widgets/chat/i18n/index.js';
import { directoryAdminCatalogs } from '../../widgets/directory-admin/i18n/index.js';
import { queueHistoryCatalogs } from '../../widgets/queue-history/i18n/index.js';
import { wrapupReportsCatalogs } from '../../widgets/wrapup-reports/i18n/index.js';
import { wrapupStatsCatalogs } from '../../widgets/wrapup-stats/i18n/index.js';
import { alertsEn } from '../../widgets/core/alerts/alerts-en.js';
import { alertsZhCN } from '../../widgets/core/alerts/alerts-zh-CN.js';
import { refusalCatalogs } from '../../widgets/core/refusals.js';
import { waitUntil } from '../support/wait-until.js';
import { standardFloor, startAsAva, type TestServer } from './support/test-server.js';

/**
 * Languages a host page registers at run time (issue 16): a real server, the live queues
 * widget in its table view, and catalogues registered after the widget rendered. Each test
 * registers its own language tag: the registry is page-wide and outlives a test.
 */
describe('registerLanguage', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(standardFloor)));
  after(() => server.close());

  const base = (el: FvQueueRealtime) => el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
  const headers = (el: FvQueueRealtime) => [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());

  async function queues(lang: string): Promise<FvQueueRealtime> {
    const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${server.url} token=${token} lang=${lang} view="table"></fv-queue-realtime>`);
    await waitUntil(() => headers(el).length > 3, 'the table’s header shown');
    return el;
  }

  it('re-renders a widget already shown in a language registered after it, each missing key in English', async () => {
    const el = await queues('fr');
    expect(headers(el).slice(0, 2)).to.deep.equal(['Queue', 'Waiting']);
    registerLanguage('fr', { 'column.queue': 'File', 'column.waiting': 'En attente' }, { partial: true });
    // The registration itself asks for the update, not the widget's next data.
    await el.updateComplete;
    expect(headers(el).slice(0, 3)).to.deep.equal(['File', 'En attente', 'Longest wait']);
    expect(base(el).lang).to.equal('fr');
  });

  it('falls back key by key from a regional language to its language, then to English', async () => {
    registerLanguage('de', { 'column.queue': 'Warteschlange', 'column.waiting': 'Wartend' }, { partial: true });
    registerLanguage('de-CH', { 'column.queue': 'Warteschlange (CH)' }, { partial: true });
    const el = await queues('de-CH');
    expect(headers(el).slice(0, 3)).to.deep.equal(['Warteschlange (CH)', 'Wartend', 'Longest wait']);
    expect(base(el).lang).to.equal('de-CH');
    const austrian = await queues('de-AT');
    expect(headers(austrian).slice(0, 3)).to.deep.equal(['Warteschlange', 'Wartend', 'Longest wait']);
    expect(base(austrian).lang).to.equal('de');
  });

  it('changes single texts of a built-in language and keeps the rest of it', async () => {
    registerLanguage('zh-CN', { 'column.waiting': '排队中' }, { partial: true });
    const el = await queues('zh-Hans');
    expect(headers(el).slice(0, 2)).to.deep.equal(['队列', '排队中']);
  });

  it('follows the page’s language when the widget names none', async () => {
    registerLanguage('it', { 'column.queue': 'Coda' }, { partial: true });
    const before = document.documentElement.lang;
    const el = await queues('');
    try {
      document.documentElement.lang = 'it';
      await waitUntil(() => headers(el)[0] === 'Coda', 'the header in the page’s new language (a mutation observer reports it after this task)');
    } finally {
      document.documentElement.lang = before;
    }
    await waitUntil(() => headers(el)[0] === 'Queue', 'back in English with the page');
  });

  it('shows a hostile text as text, never as markup', async () => {
    const hostile = '<img src=x onerror="globalThis.__fvPwned = true">Queue';
    registerLanguage('nl', { 'column.queue': hostile }, { partial: true });
    const el = await queues('nl');
    expect(headers(el)[0]).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((globalThis as { __fvPwned?: boolean }).__fvPwned).to.equal(undefined);
  });

  it('chooses plural forms by the rules of the catalogue that has the key', () => {
    registerLanguage('pt-PT', { 'aggregate.count.one': '{count} fila', 'aggregate.count.other': '{count} filas' }, { partial: true });
    // Portuguese (Portugal) and English both count 0 as "other"; 1 is "one" in each.
    const pt = translator('pt-PT', queueRealtimeCatalogs);
    expect([pt.tn('aggregate.count', 1), pt.tn('aggregate.count', 3)]).to.deep.equal(['1 fila', '3 filas']);
    registerLanguage('fr-BE', { 'column.queue': 'File' }, { partial: true });
    // French counts 0 as "one", but fr-BE has no plural of its own: English's text and English's rule.
    expect(translator('fr-BE', queueRealtimeCatalogs).tn('aggregate.count', 0)).to.equal('0 queues');
  });

  it('refuses a tag that is no language, naming it', () => {
    expect(() => registerLanguage('not a tag', {}, { partial: true })).to.throw(RangeError, '"not a tag"');
  });

  it('types a catalogue: every key of the built-in ones, which agree on each key’s text', () => {
    // @ts-expect-error a catalogue without every key needs `{ partial: true }`: type-checking fails on this line otherwise
    expect(() => registerLanguage('qaa', { 'column.queue': 'x' })).not.to.throw();
    const all = [agentDeskCatalogs, handCatalogs, agentListCatalogs, agentActionsCatalogs, agentStatsCatalogs, chatCatalogs, queueHistoryCatalogs, queueRealtimeCatalogs, wrapupReportsCatalogs, wrapupStatsCatalogs, directoryAdminCatalogs, refusalCatalogs, { en: alertsEn, 'zh-CN': alertsZhCN }] as const;
    const clashes: string[] = [];
    for (const lang of ['en', 'zh-CN'] as const) {
      const merged: Record<string, string> = {};
      for (const catalogs of all) {
        for (const [key, text] of Object.entries(catalogs[lang] as Record<string, string>)) {
          if (key in merged && merged[key] !== text) clashes.push(`${lang} ${key}: "${merged[key]}" / "${text}"`);
          merged[key] = text;
        }
      }
    }
    expect(clashes).to.deep.equal([]);
    // The built-in catalogues are the examples: merged, each language type-checks as a complete `Catalogue`.
    const merge = (lang: 'en' | 'zh-CN'): Catalogue => ({
      ...agentDeskCatalogs[lang], ...handCatalogs[lang], ...agentListCatalogs[lang], ...agentActionsCatalogs[lang], ...agentStatsCatalogs[lang], ...chatCatalogs[lang],
      ...queueHistoryCatalogs[lang], ...queueRealtimeCatalogs[lang], ...wrapupReportsCatalogs[lang], ...wrapupStatsCatalogs[lang], ...directoryAdminCatalogs[lang], ...refusalCatalogs[lang],
      ...(lang === 'en' ? alertsEn : alertsZhCN),
    });
    expect(Object.keys(merge('zh-CN'))).to.have.members(Object.keys(merge('en')));
  });
});
