import type { ReactiveControllerHost } from 'lit';
import { apiFetch, type ApiTarget } from '../core/api.js';
import type { Names } from '../../contract/names.js';

export interface StateReason {
  name: string;
  names: Names;
}

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
      apiFetch<{ stateReasons: StateReason[] }>(target, '/api/v1/state-reasons').then(
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
