import type { ReactiveControllerHost } from 'lit';
import type { StateReason } from '../../contract/commands.js';
import { api, type ApiTarget } from '../core/api.js';

/**
 * The directory's unavailable reasons, fetched the first time the state dialog
 * opens (most supervisors never open it) and kept for the page's api base.
 * Until they arrive, or if the request fails, the dialog offers its own words.
 */
export class StateReasons {
  private loaded: { api: string; list: readonly StateReason[] } | null = null;
  private loading: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ApiTarget,
  ) {}

  list(): readonly StateReason[] {
    const target = this.target();
    if (this.loaded?.api === target.api) return this.loaded.list;
    if (this.loading !== target.api) {
      this.loading = target.api;
      api(target, 'GET /state-reasons').then(
        ({ stateReasons }) => {
          this.loaded = { api: target.api, list: stateReasons };
          this.host.requestUpdate();
        },
        // A failed fetch is retried when the dialog opens again.
        () => (this.loading = null),
      );
    }
    return [];
  }
}
