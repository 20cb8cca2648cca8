/**
 * Layout facts the look test asserts, measured inside the page (each function
 * is passed to `page.evaluate`, so it uses nothing from outside itself). Every
 * one returns the problems it found, worded for a person reading the failure.
 */

/** Every open dialog sits in the middle of the viewport, inside it, with its content stacked (title above text above controls above buttons). */
export function dialogProblems(): string[] {
  const deep = (root: Document | ShadowRoot, selector: string): Element[] => {
    const out: Element[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) out.push(...deep(el.shadowRoot, selector));
    }
    return out;
  };
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  for (const dialog of deep(document, 'dialog[open]')) {
    const host = (dialog.getRootNode() as ShadowRoot).host?.tagName.toLowerCase() ?? 'page';
    const what = `${host} ${name(dialog)}`;
    const r = dialog.getBoundingClientRect();
    if (Math.abs(r.left - (vw - r.right)) > 2) problems.push(`${what}: not centred across (left ${r.left.toFixed(0)}, right gap ${(vw - r.right).toFixed(0)})`);
    if (r.height < vh - 2 && Math.abs(r.top - (vh - r.bottom)) > 2) problems.push(`${what}: not centred down (top ${r.top.toFixed(0)}, bottom gap ${(vh - r.bottom).toFixed(0)})`);
    if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) problems.push(`${what}: outside the viewport (${r.left.toFixed(0)},${r.top.toFixed(0)} ${r.width.toFixed(0)}×${r.height.toFixed(0)} in ${vw}×${vh})`);
    // The blocks of the dialog: its children, looking through a form and display:contents wrappers.
    const blocks: Element[] = [];
    const collect = (parent: Element) => {
      for (const child of parent.children) {
        if (child.tagName === 'FORM' || getComputedStyle(child).display === 'contents') collect(child);
        else if (child.getBoundingClientRect().height > 0) blocks.push(child);
      }
    };
    collect(dialog);
    for (let i = 1; i < blocks.length; i++) {
      const above = blocks[i - 1]!.getBoundingClientRect();
      const below = blocks[i]!.getBoundingClientRect();
      if (below.top < above.bottom - 1) problems.push(`${what}: ${name(blocks[i]!)} shares a row with ${name(blocks[i - 1]!)} instead of sitting below it`);
    }
  }
  return problems;
}

/** An open menu lies inside the viewport, one item below the other. */
export function menuProblems(): string[] {
  const deep = (root: Document | ShadowRoot, selector: string): Element[] => {
    const out: Element[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) out.push(...deep(el.shadowRoot, selector));
    }
    return out;
  };
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  for (const menu of deep(document, '[role=menu]')) {
    const r = menu.getBoundingClientRect();
    if (r.height === 0) continue;
    if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) problems.push(`menu outside the viewport (${r.left.toFixed(0)},${r.top.toFixed(0)} ${r.width.toFixed(0)}×${r.height.toFixed(0)} in ${vw}×${vh})`);
    const items = [...menu.querySelectorAll('[role=menuitem]')].map((i) => i.getBoundingClientRect());
    for (let i = 1; i < items.length; i++) if (items[i]!.top < items[i - 1]!.bottom - 1) problems.push(`menu item ${i + 1} shares a row with item ${i}`);
    for (const [i, item] of items.entries()) if (item.right > r.right + 1) problems.push(`menu item ${i + 1} sticks out of the menu`);
  }
  return problems;
}

/**
 * No text overflows its cell unseen: a table cell, heading, chip, button, or
 * any box that clips what overflows it, whose text is wider than the box must
 * say so (text-overflow: ellipsis) and
 * carry the whole text in a title; a heading must not break one character per line.
 */
export function overflowProblems(): string[] {
  const CELLS =
    'th, td, [role=cell], [role=gridcell], [role=columnheader], [role=rowheader], h1, h2, h3, h4, button, label, [part~=chip], .chip, [part~=kpi]';
  const HEADINGS = 'th, [role=columnheader], h1, h2, h3, h4';
  const problems: string[] = [];
  const seen = new Set<string>();
  const describe = (el: Element) => {
    const host = (el.getRootNode() as ShadowRoot).host?.tagName.toLowerCase() ?? 'page';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${host} ${el.tagName.toLowerCase()}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} "${text}"`;
  };
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (!(el instanceof HTMLElement)) continue;
      const style = getComputedStyle(el);
      // Also any box that hides what overflows it (a row of chips cut off mid-word).
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
      const candidate = el.matches(CELLS) || style.textOverflow === 'ellipsis' || clips;
      if (!candidate || el.closest('dialog:not([open])')) continue;
      const rect = el.getBoundingClientRect();
      // Visually hidden text (for screen readers, clipped to a pixel) is not meant to be seen.
      if (rect.width <= 2 || rect.height <= 2 || style.visibility === 'hidden') continue;
      const text = (el.textContent ?? '').trim();
      if (!text) continue;
      if (el.scrollWidth > el.clientWidth + 1 && !['auto', 'scroll'].includes(style.overflowX)) {
        const titled = Boolean(el.closest('[title]')?.getAttribute('title'));
        if (style.textOverflow !== 'ellipsis' || !titled) {
          const why = style.textOverflow !== 'ellipsis' ? 'no ellipsis' : 'no title with the whole text';
          const problem = `${describe(el)}: text ${el.scrollWidth}px wide in ${el.clientWidth}px, ${why}`;
          if (!seen.has(problem)) problems.push(problem);
          seen.add(problem);
        }
      }
      if (el.matches(HEADINGS) && [...text].length >= 3) {
        // Lines of text: the fragments of its text nodes, a new line where one starts below the last by half a line or more.
        const tops: number[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
        }
        tops.sort((a, b) => a - b);
        const half = parseFloat(style.fontSize) / 2;
        let lines = 0;
        let last = -Infinity;
        for (const top of tops) if (top >= last + half) (lines++, (last = top));
        if (lines >= 3 && lines * 2 >= [...text.replace(/\s/g, '')].length) {
          const problem = `${describe(el)}: heading broken about one character per line (${lines} lines)`;
          if (!seen.has(problem)) problems.push(problem);
          seen.add(problem);
        }
      }
    }
  };
  visit(document);
  return problems;
}
