// The docs page served at /docs/ (docs/index.html): a section per widget from the manifest, each with
// its live example, and the common attributes and theme tokens once. Its script and style are files
// beside it (the Content-Security-Policy allows no inline ones).
import { commonTable, functionsTable, type Table, themed, themeTable, widgetTables } from './api-tables.js';
import { EXAMPLES } from './examples.js';
import { type Declaration, type Manifest, widgets } from './manifest.js';

export const DOCS_PAGE = 'docs/index.html';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Plain text with Markdown's `code` and *emphasis*, as HTML. */
const prose = (text: string) =>
  escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*([^*\s][^*]*)\*/g, '<em>$1</em>');

function htmlTable(table: Table, level = 3): string {
  if (table.rows.length === 0) return `<h${level}>${table.title}</h${level}>\n<p class="none">None.</p>`;
  const head = table.head.map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  // Each cell names its column: a narrow screen shows a row as a card of labelled lines (docs.css).
  const rows = table.rows.map((row) => `<tr>${row.map((cell, i) => `<td data-label="${escape(table.head[i]!)}">${prose(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<h${level}>${table.title}</h${level}>\n<div class="table-wrap"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
}

function widgetSection(manifest: Manifest, element: Declaration): string {
  const tag = element.tagName!;
  const example = EXAMPLES[tag];
  if (!example) throw new Error(`scripts/api-docs/examples.ts has no live example for <${tag}>`);
  const tables = widgetTables(manifest, element).map((t) => htmlTable(t));
  const inherits = themed(element) ? '<p class="also">And the <a href="#common">common attributes</a> and the <a href="#theme-tokens">theme tokens</a>.</p>' : '';
  return `<section id="${tag}" class="widget" aria-labelledby="${tag}-title">
<h2 id="${tag}-title"><code>&lt;${tag}&gt;</code> <span class="class-name">${escape(element.name)}</span></h2>
<p class="summary">${prose(element.summary ?? '')}</p>
<div class="example">
<h3>Live example</h3>
<pre><code>${escape(example.markup)}</code></pre>
${example.note ? `<p class="note">${prose(example.note)}</p>\n` : ''}<div class="live" data-tag="${tag}"><p class="signed-out">Sign in above to see it running.</p><template>${example.markup}</template></div>
</div>
${tables.join('\n')}
${inherits}
</section>`;
}

export function docsPage(manifest: Manifest): string {
  const elements = widgets(manifest);
  const toc = elements.map((e) => `<li><a href="#${e.tagName}"><code>&lt;${e.tagName}&gt;</code></a></li>`).join('\n');
  return `<!doctype html>
<!-- Generated from custom-elements.json by npm run manifest: edit the widgets' JSDoc, not this file. -->
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Floorview — widget API</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml" />
<link rel="stylesheet" href="/docs/docs.css" />
<script type="module" src="/widgets/floorview.js"></script>
<script type="module" src="/docs/docs.js"></script>
</head>
<body>
<header class="bar">
<h1>Floorview <span class="sub">widget API</span></h1>
<div class="controls">
<label>Theme <select id="theme"><option value="auto">Follow the system</option><option value="light">Light</option><option value="dark">Dark</option></select></label>
<span id="who" hidden></span>
</div>
</header>
<div class="layout">
<nav class="toc" aria-label="Widgets">
<ul>
<li><a href="#common">Common attributes</a></li>
${toc}
<li><a href="#theme-tokens">Theme tokens</a></li>
<li><a href="#functions">Functions</a></li>
</ul>
</nav>
<main>
<p class="intro">Every Floorview widget: what it shows, its attributes and properties, the events it fires, its slots, parts and CSS properties, and a live example running against this server. Load all of them with <code>&lt;script type="module" src="/widgets/floorview.js"&gt;&lt;/script&gt;</code>, or one with <code>/widgets/&lt;tag&gt;.js</code>. This page is generated from <code>custom-elements.json</code>, the widgets' Custom Elements Manifest.</p>
<form id="sign-in" class="sign-in" hidden>
<h2>Sign in to run the examples</h2>
<p>As a supervisor of this server; the demo's is filled in.</p>
<label>Email <input name="email" type="email" autocomplete="username" value="admin@example.com" required /></label>
<label>Password <input name="password" type="password" autocomplete="current-password" value="floorview-demo" required /></label>
<p id="sign-in-error" class="error" role="alert" hidden></p>
<button type="submit">Sign in</button>
</form>
<fv-provider id="provider">
<section id="common" aria-labelledby="common-title">
<h2 id="common-title">Common attributes</h2>
<p>Every widget but <code>&lt;fv-provider&gt;</code> reads these itself, or from an enclosing <code>&lt;fv-provider&gt;</code>; a widget's own attribute wins.</p>
${htmlTable(commonTable(manifest), 3).replace(/^<h3>[^<]*<\/h3>\n/, '')}
</section>
${elements.map((e) => widgetSection(manifest, e)).join('\n')}
<section id="theme-tokens" aria-labelledby="theme-tokens-title">
<h2 id="theme-tokens-title">Theme tokens</h2>
<p>Every widget reads these with built-in light and dark values, so a page needs no theme file; set one on a widget or any ancestor. The page's other styles neither reach into a widget nor are changed by it.</p>
${htmlTable(themeTable(manifest), 3).replace(/^<h3>[^<]*<\/h3>\n/, '')}
</section>
<section id="functions" aria-labelledby="functions-title">
<h2 id="functions-title">Functions</h2>
<p>Exported by <code>floorview.js</code> beside the element and event classes.</p>
${htmlTable(functionsTable(manifest), 3).replace(/^<h3>[^<]*<\/h3>\n/, '')}
</section>
</fv-provider>
</main>
</div>
</body>
</html>
`;
}
