import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { credentialKey, type ApiTarget } from './api.js';
import { floorStream, type FloorChange, type FloorStream } from './stream.js';

/**
 * Connects a widget to the page's live floor: subscribes while the widget is
 * in the document, follows changes of `api`/`token`/`tokenProvider`, and re-renders it on every
 * frame and connection change.
 */
export class FloorStreamController implements ReactiveController {
  private stream: FloorStream | null = null;
  private unsubscribe: (() => void) | null = null;
  private key = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: () => ApiTarget,
    private readonly onChange: (change: FloorChange | null) => void = () => {},
  ) {
    host.addController(this);
  }

  get floor(): FloorStream | null {
    return this.stream;
  }

  hostConnected(): void {
    // Subscribing waits for the update: by then a provider's context has arrived, so no connection opens to a default server first.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const target = this.target();
    const key = `${target.api} ${credentialKey(target)}`;
    if (key === this.key && this.unsubscribe) return;
    this.release();
    this.key = key;
    this.stream = floorStream(target);
    this.unsubscribe = this.stream.subscribe((change) => {
      this.onChange(change);
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.release();
  }

  private release(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
