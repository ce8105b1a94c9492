// One direction of a proxied connection: what one socket sends arrives at the other `delayMs`
// later (and never before `notBefore + delayMs`: the handshake), in the order it was sent. One
// timer per lane; the sender is paused while more than `highWater` bytes are on the way.
import type { Socket } from 'node:net';

/** Wall-clock time in ms since the epoch, high resolution (comparable to a page's timeOrigin). */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/** `end`: the sender finished (half-close); `close`: it is gone (the receiver is closed too). */
type Item = { due: number; chunk: Buffer | 'end' | 'close' };

const HIGH_WATER = 4 * 1024 * 1024;

export class DelayedLane {
  private queue: Item[] = [];
  private timer: NodeJS.Timeout | undefined;
  private queuedBytes = 0;
  private lastDue = 0;
  private stopped = false;

  constructor(
    private readonly from: Socket,
    private readonly to: Socket,
    private readonly delayMs: number,
    private readonly notBefore: number,
    /** Called per delivery with how late it came (timers fire late on a busy machine). */
    private readonly onLate: (ms: number) => void = () => undefined,
  ) {}

  push(chunk: Buffer): void {
    this.enqueue(chunk);
    this.queuedBytes += chunk.length;
    if (this.queuedBytes > HIGH_WATER) this.from.pause();
  }

  end(): void {
    this.enqueue('end');
  }

  close(): void {
    this.enqueue('close');
  }

  /** Drops whatever is still on the way (both sockets are gone). */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private enqueue(chunk: Item['chunk']): void {
    if (this.stopped) return;
    const due = Math.max(performance.now(), this.notBefore) + this.delayMs;
    this.lastDue = Math.max(due, this.lastDue);
    this.queue.push({ due: this.lastDue, chunk });
    this.arm();
  }

  private arm(): void {
    if (this.timer || this.stopped || this.queue.length === 0) return;
    const wait = Math.max(0, this.queue[0]!.due - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.deliver();
    }, wait);
  }

  private deliver(): void {
    // Timers have whole-millisecond resolution: what is due within the next half millisecond goes now.
    const now = performance.now() + 0.5;
    let count = 0;
    while (count < this.queue.length && this.queue[count]!.due <= now) count += 1;
    const ready = this.queue.splice(0, count);
    for (const { chunk, due } of ready) {
      if (this.to.destroyed) break;
      this.onLate(Math.max(0, performance.now() - due));
      if (chunk === 'end') this.to.end();
      else if (chunk === 'close') {
        if (!this.to.writableEnded) this.to.destroy();
      } else {
        this.to.write(chunk);
        this.queuedBytes -= chunk.length;
      }
    }
    if (this.from.isPaused() && this.queuedBytes < HIGH_WATER / 2 && !this.from.destroyed)
      this.from.resume();
    this.arm();
  }
}
