import { expect } from '@open-wc/testing';
import { durationAxis, durationStep } from '../../widgets/core/chart-axes.js';
import { periodTick, rankingOption, trendOption } from '../../widgets/history-common/chart-options.js';

/** Issue 14 item 9: duration axes read 0:00, 1:00, 2:00 — never 0:50, 1:40, 3:20. */
describe('duration axes (widgets/core/chart-axes.ts)', () => {
  it('steps by whole minutes once the values reach a minute, in at most the asked number of steps', () => {
    for (let max = 60; max <= 12 * 3600; max += 37) {
      for (const ticks of [3, 4, 5]) {
        const axis = durationAxis(max, 'en', ticks);
        expect(axis.interval % 60, `max ${max}, ${ticks} steps: ${axis.interval}`).to.equal(0);
        expect(axis.max / axis.interval, `max ${max}`).to.be.at.most(ticks);
        expect(axis.max).to.be.at.least(max);
        expect(axis.min).to.equal(0);
      }
    }
  });

  it('keeps to 10, 15 or 30 s steps under a minute, each dividing a minute', () => {
    for (let max = 0; max < 60; max++) {
      const step = durationStep(max, 5);
      expect([10, 15, 30, 60]).to.include(step);
      expect(60 % step).to.equal(0);
    }
  });

  it('picks the step a reader expects', () => {
    // echarts alone picks 100 s here (0:00, 1:40, 3:20, 5:00, 6:40).
    expect(durationStep(390, 5)).to.equal(120);
    expect(durationStep(390, 4)).to.equal(120);
    expect(durationStep(3 * 3600, 5)).to.equal(3600);
    expect(durationStep(18, 4)).to.equal(10);
  });

  it('labels ticks as m:ss in the viewer’s language', () => {
    const axis = durationAxis(400, 'en');
    const ticks = Array.from({ length: axis.max / axis.interval + 1 }, (_, i) => axis.axisLabel.formatter(i * axis.interval));
    expect(ticks).to.deep.equal(['0:00', '2:00', '4:00', '6:00', '8:00']);
  });

  it('is what the history charts use: the trend’s value axis and the rankings’ bars', () => {
    const trend = trendOption(['2026-03-02', '2026-03-03'], [{ name: 'Talk', kind: 'line', values: [310, null] }], 'duration', 'en');
    expect((trend.yAxis as { interval: number }).interval).to.equal(120);
    const ranking = rankingOption([{ name: 'A', value: 395 }, { name: 'B', value: 120 }], 'duration', 'en');
    expect((ranking.xAxis as { interval: number }).interval % 60).to.equal(0);
    // Stacked bars are measured by their sum.
    const stacked = trendOption(
      ['2026-03-02'],
      [
        { name: 'a', kind: 'bar', stack: 's', values: [100] },
        { name: 'b', kind: 'bar', stack: 's', values: [200] },
      ],
      'duration',
      'en',
    );
    expect((stacked.yAxis as { max: number }).max).to.be.at.least(300);
  });

  it('labels periods briefly: the hour, or the month and day', () => {
    expect(periodTick('2026-03-02 13:00', 'en')).to.equal('13:00');
    expect(periodTick('2026-03-02', 'en')).to.equal('3/2');
    expect(periodTick('2026-03-02', 'zh-CN')).to.match(/^3.2/);
  });
});

describe('live queue trend time axis', () => {
  it('labels round times only, and hides labels that would collide (360 px smear)', async () => {
    const { trendOption: liveTrendOption } = await import('../../widgets/queue-realtime/trend-chart.js');
    const option = liveTrendOption([{ name: 'Total', points: [[0, 1]] }], 1_800_000 + 12_345, 30, 16, 'en') as { xAxis: { axisLabel: Record<string, unknown> } };
    expect(option.xAxis.axisLabel).to.include({ showMinLabel: false, showMaxLabel: false, hideOverlap: true });
  });
});
