import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import { defineElement } from '../../widgets/core/define.js';
import { VERSION } from '../../widgets/core/version.js';
import { waitUntil } from '../support/wait-until.js';
import { rows } from './support/agent-list-dom.js';
import { standardFloor, startServer } from './support/test-server.js';

/**
 * A host page may load several bundles, or one twice, or two releases. These
 * tests load the built bundles (`npm run build` first), so they check what
 * a portal gets from `/widgets/*.js`.
 */
describe('embedding the bundles', () => {
  const warnings: unknown[][] = [];
  const errors: unknown[] = [];
  const warn = console.warn;
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  before(() => {
    console.warn = (...args: unknown[]) => warnings.push(args);
    addEventListener('error', onError);
  });
  after(() => {
    console.warn = warn;
    removeEventListener('error', onError);
  });

  it('defines every widget once, whatever bundles load and how often', async () => {
    await import('/dist/widgets/fv-agent-list.js' as string);
    await import('/dist/widgets/floorview.js' as string);
    await import('/dist/widgets/fv-provider.js' as string);
    // A second copy of the same bundle (another URL is another module instance).
    await import('/dist/widgets/floorview.js?copy=2' as string);
    expect(customElements.get('fv-agent-list')).to.be.a('function');
    expect(customElements.get('fv-provider')).to.be.a('function');
    expect(errors).to.deep.equal([]);
    expect(warnings, 'copies of one release stay silent').to.deep.equal([]);
  });

  it('warns once, and never throws, when another release defined the tag first', () => {
    class Other extends HTMLElement {
      static readonly floorviewVersion = '0.0.1-other';
    }
    defineElement('fv-embedding-probe', Other);
    const mine = class extends HTMLElement {
      static readonly floorviewVersion = VERSION;
    };
    expect(() => defineElement('fv-embedding-probe', mine)).not.to.throw();
    expect(() => defineElement('fv-embedding-probe', mine)).not.to.throw();
    expect(customElements.get('fv-embedding-probe')).to.equal(Other);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<fv-embedding-probe> is already defined by Floorview 0.0.1-other');
    warnings.length = 0;
  });

  it('shares one live connection between two copies of the library', async () => {
    await import('/dist/widgets/fv-agent-list.js' as string);
    // The source build registered under another tag is the second copy.
    defineElement('copy-agent-list', FvAgentList);
    const server = await startServer();
    try {
      await standardFloor(server);
      const token = await server.login('ava');
      const page = await fixture<HTMLElement>(html`<div>
        <fv-agent-list api=${server.url} token=${token} style="height: 250px"></fv-agent-list>
        <copy-agent-list api=${server.url} token=${token} style="height: 250px"></copy-agent-list>
      </div>`);
      const [bundled, copy] = [page.querySelector('fv-agent-list')!, page.querySelector('copy-agent-list') as FvAgentList];
      expect(bundled.constructor).not.to.equal(copy.constructor);
      await waitUntil(() => rows(bundled).length === 5 && rows(copy).length === 5, 'both show the floor');
      expect(await server.streamRequests()).to.have.length(1);
    } finally {
      await server.close();
    }
  });

  it('keeps the package version and the bundled version equal', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});
