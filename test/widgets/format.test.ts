import { expect } from '@open-wc/testing';
import { formatDuration, isoDuration, validTimeZone } from '../../widgets/core/format.js';
import { coreCatalogs, resolveLang, translator, type Catalogs } from '../../widgets/core/i18n/index.js';
import { agentActionsCatalogs } from '../../widgets/agent-list/i18n/actions.js';
import { agentListCatalogs } from '../../widgets/agent-list/i18n/index.js';

describe('formatting and UI text', () => {
  it('formats ticking durations as a clock reads them', () => {
    expect([0, 7, 65, 3599, 3600, 3725, -3].map((s) => formatDuration(s, 'en'))).to.deep.equal(['0:00', '0:07', '1:05', '59:59', '1:00:00', '1:02:05', '0:00']);
    expect(isoDuration(3725)).to.equal('PT1H2M5S');
  });

  it('resolves languages to English or Simplified Chinese', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-cn', 'en-GB', '', null, 'zh-TW'].map(resolveLang)).to.deep.equal(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'en', 'en', 'en', 'en']);
  });

  // Every widget's catalogs belong in this list.
  const catalogs: [string, Catalogs<string>][] = [
    ['core', coreCatalogs],
    ['agent list', agentListCatalogs],
    ['agent list actions', agentActionsCatalogs],
  ];
  for (const [name, { en, 'zh-CN': zhCN }] of catalogs) {
    it(`has every English string of the ${name} in Chinese, with the same placeholders`, () => {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(en)) {
        expect(zhCN[key], key).to.be.a('string').and.not.equal('');
        expect(placeholders(zhCN[key]!), key).to.deep.equal(placeholders(en[key]!));
      }
    });
  }

  it('fills placeholders and picks plural forms', () => {
    const tr = translator('en', agentListCatalogs);
    expect(tr.tn('agents.count', 1, { shown: 1, total: 1 })).to.equal('1 of 1 agent');
    expect(tr.tn('agents.count', 2, { shown: 1, total: 2 })).to.equal('1 of 2 agents');
    expect(translator('zh-CN', agentListCatalogs).t('action.menu', { name: '李娜' })).to.equal('李娜 的操作');
    expect(translator('zh-CN', coreCatalogs).t('state.available')).to.equal(agentListCatalogs['zh-CN']['state.available']);
  });

  it('ignores a time zone the browser does not know', () => {
    expect(validTimeZone('Asia/Shanghai')).to.equal('Asia/Shanghai');
    expect(validTimeZone('Mars/Olympus')).to.equal(undefined);
  });
});
