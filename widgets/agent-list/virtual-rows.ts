import { virtualize, type VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';
import { nothing } from 'lit';
import { AsyncDirective, directive, type ChildPart } from 'lit/async-directive.js';

type RowsConfig<T> = Pick<VirtualizeDirectiveConfig<T>, 'items' | 'keyFunction' | 'renderItem'>;

/**
 * The virtualizer renders 1,000 px beyond the viewport on each side and has no
 * option to change that (https://github.com/lit/lit/issues/4069); with the
 * floor changing ten times a second that more than doubles the rows rendered
 * per frame. 300 px still covers a fast wheel scroll. The flow layout reads the
 * private `_overhang` from its config without declaring it.
 */
const LAYOUT = { _overhang: 300 } as VirtualizeDirectiveConfig<unknown>['layout'];

/**
 * `virtualize()` as its own scroller, created once its container is in the
 * document. The virtualizer finds and measures its scroller and clipping
 * ancestors when it is created, and a template rendered for the first time is
 * not in the document yet (https://github.com/lit/lit/issues/4232): then the
 * rows follow a microtask later, once it is.
 */
class VirtualRows extends AsyncDirective {
  private config: RowsConfig<unknown> | null = null;
  private waiting = false;

  // Declared `unknown`, as Directive declares them: the virtualizer's own result type is not public.
  render(config: RowsConfig<unknown>): unknown {
    return virtualize({ ...config, scroller: true, layout: LAYOUT });
  }

  override update(part: ChildPart, [config]: [RowsConfig<unknown>]): unknown {
    this.config = config;
    if (part.parentNode.isConnected) return this.render(config);
    if (!this.waiting) {
      this.waiting = true;
      queueMicrotask(() => {
        this.waiting = false;
        if (this.isConnected) this.setValue(this.render(this.config!));
      });
    }
    return nothing;
  }
}

const virtualRowsDirective = directive(VirtualRows);

/** The rows of a long list, only those in view (and 300 px around) in the DOM. */
export const virtualRows = <T>(config: RowsConfig<T>) => virtualRowsDirective(config as RowsConfig<unknown>);
