import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../server/lib/errors.js';
import { resolveRange } from '../../server/stats/stats-range.js';
import { TrendPeriods, trendLabels } from '../../server/stats/trend-periods.js';
import { parseDay, Zone } from '../../server/domain/zone.js';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('statistics ranges and zones', () => {
  it('starts local days at local midnight, 23 and 25 hours long on DST changes', () => {
    const chicago = Zone.of('America/Chicago');
    const start = (d: string) => chicago.dayStart(parseDay(d)!);
    assert.equal(iso(start('2026-03-08')), '2026-03-08T06:00:00.000Z');
    assert.equal((start('2026-03-09') - start('2026-03-08')) / HOUR, 23);
    assert.equal((start('2026-11-02') - start('2026-11-01')) / HOUR, 25);
    assert.equal((start('2026-11-03') - start('2026-11-02')) / HOUR, 24);
  });

  it('handles offsets of 45 minutes and a day whose midnight does not exist', () => {
    assert.equal(iso(Zone.of('Asia/Kathmandu').dayStart(parseDay('2026-03-02')!)), '2026-03-01T18:15:00.000Z');
    // Beirut springs forward at midnight: 2026-03-29 begins at 01:00 local.
    const beirut = Zone.of('Asia/Beirut');
    assert.equal(iso(beirut.dayStart(parseDay('2026-03-29')!)), '2026-03-28T22:00:00.000Z');
    assert.equal(beirut.dayOf(Date.parse('2026-03-28T21:45:00Z')), parseDay('2026-03-28'));
  });

  it('accepts zone aliases and refuses unknown zones', () => {
    assert.equal(Zone.find('US/Central')?.name, 'America/Chicago');
    assert.equal(Zone.find('Mars/Olympus'), null);
  });

  it('reads dates as whole local days, the last one included', () => {
    const r = resolveRange({ from: '2026-03-07', to: '2026-03-08', tz: 'America/Chicago' });
    assert.deepEqual([iso(r.from), iso(r.to)], ['2026-03-07T06:00:00.000Z', '2026-03-09T05:00:00.000Z']);
    assert.deepEqual(r.spans, [[r.from, r.to]]);
    assert.equal(r.interval, 'hour');
    assert.equal(resolveRange({ from: '2026-03-01', to: '2026-03-03', tz: 'UTC' }).interval, 'day');
  });

  it('counts an interval when its start lies in the range: boundaries inside one move to the next start', () => {
    const r = resolveRange({ from: '2026-03-02T09:05:00Z', to: '2026-03-02T10:00:00.001Z', tz: 'UTC' });
    assert.deepEqual([iso(r.from), iso(r.to)], ['2026-03-02T09:15:00.000Z', '2026-03-02T10:15:00.000Z']);
  });

  it('keeps each day’s intervals inside a time-of-day window, in local time across a DST change', () => {
    const r = resolveRange({ from: '2026-03-07', to: '2026-03-08', tz: 'America/Chicago', timeFrom: '09:00', timeTo: '17:00' });
    assert.deepEqual(
      r.spans.map(([a, b]) => [iso(a), iso(b)]),
      [
        ['2026-03-07T15:00:00.000Z', '2026-03-07T23:00:00.000Z'],
        ['2026-03-08T14:00:00.000Z', '2026-03-08T22:00:00.000Z'],
      ],
    );
  });

  it('wraps a window that ends before it starts past midnight', () => {
    const r = resolveRange({ from: '2026-03-02', to: '2026-03-02', tz: 'UTC', timeFrom: '22:00', timeTo: '02:00' });
    assert.deepEqual(
      r.spans.map(([a, b]) => [iso(a), iso(b)]),
      [
        ['2026-03-02T00:00:00.000Z', '2026-03-02T02:00:00.000Z'],
        ['2026-03-02T22:00:00.000Z', '2026-03-03T00:00:00.000Z'],
      ],
    );
  });

  it('refuses an empty or reversed range, one over 400 days, and bad dates, naming the field', () => {
    const fields = (input: Parameters<typeof resolveRange>[0]) => {
      try {
        resolveRange(input);
      } catch (err) {
        assert.ok(err instanceof ApiError);
        return Object.keys(err.fields ?? {});
      }
      assert.fail('accepted');
    };
    assert.deepEqual(fields({ from: '2026-03-02', to: '2026-03-01', tz: 'UTC' }), ['to']);
    assert.deepEqual(fields({ from: '2026-03-02T10:00:00Z', to: '2026-03-02T10:00:00Z', tz: 'UTC' }), ['to']);
    assert.deepEqual(fields({ from: '2025-01-01', to: '2026-02-05', tz: 'UTC' }), ['to']);
    assert.doesNotThrow(() => resolveRange({ from: '2025-01-01', to: '2026-02-04', tz: 'UTC' }));
    assert.deepEqual(fields({ from: '2026-02-29', to: '2026-03-01', tz: 'UTC' }), ['from']);
    assert.deepEqual(fields({ from: '2026-03-01T10:00:00', to: '2026-03-02', tz: 'UTC' }), ['from']);
    assert.deepEqual(fields({ from: '2026-03-01', to: '2026-03-02', tz: 'Nowhere/Else' }), ['tz']);
  });

  it('labels hourly trend points in local time, twice for the hour repeated when DST ends', () => {
    const periods = new TrendPeriods(resolveRange({ from: '2026-11-01', to: '2026-11-01', tz: 'America/Chicago' }));
    const labels = trendLabels(periods);
    assert.equal(labels.length, 25);
    assert.deepEqual(
      labels.filter((l) => l.period === '2026-11-01T01:00').map((l) => l.start),
      ['2026-11-01T01:00:00-05:00', '2026-11-01T01:00:00-06:00'],
    );
    const spring = trendLabels(new TrendPeriods(resolveRange({ from: '2026-03-08', to: '2026-03-08', tz: 'America/Chicago' })));
    assert.equal(spring.length, 23);
    assert.ok(!spring.some((l) => l.period === '2026-03-08T02:00'));
  });

  it('puts hourly points on the zone’s own hours, at half past in India', () => {
    const labels = trendLabels(new TrendPeriods(resolveRange({ from: '2026-03-02', to: '2026-03-02', tz: 'Asia/Kolkata' })));
    assert.deepEqual(labels[0], { period: '2026-03-02T00:00', start: '2026-03-02T00:00:00+05:30' });
    assert.equal(labels.length, 24);
  });
});
