import type { TooltipComponentFormatterCallback, TooltipComponentFormatterCallbackParams } from 'echarts';

/** One series' or item's numbers; axis tooltips also carry the axis value's label, which echarts' type leaves out. */
type Param = Exclude<TooltipComponentFormatterCallbackParams, unknown[]> & { axisValueLabel?: string };

/**
 * The content of every chart's tooltip, built as elements. echarts' own tooltip is an HTML string full
 * of `style` attributes, which a page's Content-Security-Policy without 'unsafe-inline' refuses (our
 * own pages send one; so may any portal embedding the widgets): every hover then logged violations and
 * showed the rows unstyled. Styles set through the CSSOM (`element.style`) are not governed by CSP.
 * Sizes are in em, so the text follows the tooltip's font (the wallboard's is large).
 *
 * Axis tooltips are titled with the axis value and list each series; item tooltips (bars of a ranking,
 * slices of a pie) show the item's name and value. A missing value reads "—".
 */
export function tooltipContent(format: (value: number) => string): TooltipComponentFormatterCallback<TooltipComponentFormatterCallbackParams> {
  return (params) => {
    const axis = Array.isArray(params);
    const rows = (axis ? params : [params]) as Param[];
    const box = document.createElement('div');
    if (axis && rows[0]?.axisValueLabel) {
      const title = box.appendChild(document.createElement('div'));
      title.textContent = rows[0].axisValueLabel;
      title.style.marginBottom = '0.3em';
    }
    for (const p of rows) {
      const row = box.appendChild(document.createElement('div'));
      row.style.display = 'flex';
      row.style.alignItems = 'center';
      row.style.gap = '0.4em';
      const marker = row.appendChild(document.createElement('span'));
      Object.assign(marker.style, { width: '0.7em', height: '0.7em', borderRadius: '50%', flex: 'none' });
      if (typeof p.color === 'string') marker.style.background = p.color;
      const name = row.appendChild(document.createElement('span'));
      name.textContent = (axis ? p.seriesName : p.name) ?? '';
      name.style.flex = '1';
      const value = row.appendChild(document.createElement('span'));
      const v = Array.isArray(p.value) ? p.value[1] : p.value;
      value.textContent = typeof v === 'number' ? format(v) : '—';
      Object.assign(value.style, { marginLeft: '1.4em', fontWeight: '700', fontVariantNumeric: 'tabular-nums' });
    }
    return box;
  };
}
