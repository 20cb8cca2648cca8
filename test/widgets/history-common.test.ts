import { expect } from '@open-wc/testing';
import { toCsv } from '../../common/csv.js';
import { datesOf, statsParams, todayIn, type RangeChoice } from '../../widgets/history-common/range.js';

describe('history widgets’ CSV export', () => {
  it('quotes per RFC 4180, ends records with CRLF and starts with a byte-order mark', () => {
    expect(toCsv(['name', 'note'], [['Wang, Wei', 'said "hi"\nthen left'], ['李娜', null]])).to.equal(
      '\uFEFFname,note\r\n"Wang, Wei","said ""hi""\nthen left"\r\n李娜,\r\n',
    );
  });

  it('neutralises text a spreadsheet would run as a formula, and keeps numbers as numbers', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', -3.5]])).to.equal(
      '\uFEFFa,b,c,d,e\r\n"\'=HYPERLINK(""x"")",\'+1,\'-2,\'@SUM(A1),-3.5\r\n',
    );
  });
});

describe('history widgets’ date ranges', () => {
  const choice = (preset: RangeChoice['preset'], extra: Partial<RangeChoice> = {}): RangeChoice => ({ preset, from: '', to: '', timeFrom: '', timeTo: '', ...extra });
  // 01:30 on 2 March in Shanghai is still 1 March in Chicago.
  const now = Date.parse('2026-03-01T17:30:00Z');

  it('reads today in the viewer’s zone', () => {
    expect(todayIn('Asia/Shanghai', now)).to.equal('2026-03-02');
    expect(todayIn('America/Chicago', now)).to.equal('2026-03-01');
  });

  it('turns presets into dates, the last one included', () => {
    expect(datesOf(choice('today'), 'Asia/Shanghai', now)).to.deep.equal({ from: '2026-03-02', to: '2026-03-02' });
    expect(datesOf(choice('yesterday'), 'Asia/Shanghai', now)).to.deep.equal({ from: '2026-03-01', to: '2026-03-01' });
    expect(datesOf(choice('last7'), 'Asia/Shanghai', now)).to.deep.equal({ from: '2026-02-24', to: '2026-03-02' });
    expect(datesOf(choice('last30'), 'America/Chicago', now)).to.deep.equal({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('waits for a complete custom range', () => {
    expect(datesOf(choice('custom', { from: '2026-03-05' }), 'UTC', now)).to.equal(null);
    expect(datesOf(choice('custom', { from: '2026-03-05', to: '2026-03-04' }), 'UTC', now)).to.equal(null);
    expect(datesOf(choice('custom', { from: '2026-03-04', to: '2026-03-05' }), 'UTC', now)).to.deep.equal({ from: '2026-03-04', to: '2026-03-05' });
  });

  it('asks the server in the viewer’s zone, with the window and only the filters set', () => {
    const params = statsParams({ from: '2026-03-01', to: '2026-03-07' }, choice('last7', { timeFrom: '09:00', timeTo: '17:00' }), 'Asia/Shanghai', {
      queues: ['q-sales', 'q-vip'],
      agents: [],
      location: '',
    });
    expect(params).to.deep.equal({ from: '2026-03-01', to: '2026-03-07', tz: 'Asia/Shanghai', timeFrom: '09:00', timeTo: '17:00', queue: 'q-sales,q-vip' });
  });
});
