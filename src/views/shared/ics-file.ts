/**
 * A calendar file (.ics) for a view's download link: the Blob's object URL, made anew only when
 * the event changes, revoked when replaced and when the view leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildIcs, type IcsEvent } from '../../time/ics.js';

export type IcsFileEvent = Omit<IcsEvent, 'now'>;

export class IcsFile implements ReactiveController {
  /** The file's object URL; undefined without an event. */
  url: string | undefined;
  private key = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Call before rendering (`willUpdate`) with the event to offer, or null for none. */
  set(event: IcsFileEvent | null): void {
    const key = event ? JSON.stringify(event) : '';
    if (key === this.key && (this.url || !event)) return;
    this.revoke();
    this.key = key;
    if (!event) return;
    const ics = buildIcs({ ...event, now: new Date() });
    this.url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  }

  hostConnected(): void {
    // Back on the page after a move in the DOM: the URL was revoked; make it again.
    if (!this.url && this.key) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.revoke();
  }

  private revoke(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
  }
}
