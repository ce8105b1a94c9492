import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/api/errors.js';
import { ResourceStore, toApiError } from '../../src/booking/resources.js';
import { deferred, untilAborted, type Deferred } from './booking-fakes.js';
import { rejection, tick } from './http-fakes.js';

/** A store whose loads the test answers by hand; it records every loader call and signal. */
function setup() {
  let changes = 0;
  const errors: ApiError[] = [];
  const store = new ResourceStore(
    () => changes++,
    (e) => errors.push(e),
  );
  const loads: Array<{ key: string; signal: AbortSignal; answer: Deferred<string> }> = [];
  const loader = (key: string) => (signal: AbortSignal) => {
    const answer = deferred<string>();
    loads.push({ key, signal, answer });
    return answer.promise;
  };
  return { store, loads, loader, errors, changes: () => changes };
}

describe('ResourceStore', () => {
  it('shows a key as loading, then ready with its value', async () => {
    const { store, loads, loader, changes } = setup();
    expect(store.get('a')).to.equal(undefined);
    const promise = store.load('a', loader('a'));
    expect(store.get('a')).to.deep.equal({ status: 'loading' });
    expect(changes()).to.equal(1); // the view shows the spinner
    loads[0]!.answer.resolve('A');
    expect(await promise).to.equal('A');
    expect(store.get('a')).to.deep.equal({ status: 'ready', value: 'A' });
    expect(changes()).to.equal(2); // and then the value
  });

  it('sends one request for a key however many callers ask, while loading and after', async () => {
    const { store, loads, loader } = setup();
    const first = store.load('a', loader('a'));
    const second = store.load('a', loader('a'));
    expect(second).to.equal(first);
    loads[0]!.answer.resolve('A');
    await first;
    // Cached for the page's life: a later ask is answered from memory.
    expect(await store.load('a', loader('a'))).to.equal('A');
    expect(loads).to.have.length(1);
  });

  it('loads different keys separately', () => {
    const { store, loads, loader } = setup();
    void store.load('a', loader('a'));
    void store.load('b', loader('b'));
    expect(loads.map((l) => l.key)).to.deep.equal(['a', 'b']);
  });

  it('keeps a failure (reported once) and does not ask again until retryFailed()', async () => {
    const { store, loads, loader, errors } = setup();
    const failure = new ApiError('portal down', 'server', 503);
    const promise = store.load('a', loader('a'));
    loads[0]!.answer.reject(failure);
    expect(await rejection(promise)).to.equal(failure); // callers that wait see it too
    expect(store.get('a')).to.deep.equal({ status: 'error', error: failure });
    expect(errors).to.deep.equal([failure]);

    // Asking again shows the same failure: no request storm while the error is on screen.
    expect(await rejection(store.load('a', loader('a')))).to.equal(failure);
    expect(loads).to.have.length(1);

    store.retryFailed();
    expect(store.get('a')).to.equal(undefined);
    const retried = store.load('a', loader('a'));
    expect(loads).to.have.length(2);
    loads[1]!.answer.resolve('A');
    expect(await retried).to.equal('A');
    expect(errors).to.have.length(1);
  });

  it('retryFailed() forgets only the failures, and re-renders', async () => {
    const { store, loads, loader, changes } = setup();
    const ok = store.load('ok', loader('ok'));
    const bad = store.load('bad', loader('bad'));
    loads[0]!.answer.resolve('fine');
    loads[1]!.answer.reject(new ApiError('nope', 'server', 500));
    await ok;
    await rejection(bad);
    const before = changes();
    store.retryFailed();
    expect(changes()).to.equal(before + 1);
    expect(store.get('ok')).to.deep.equal({ status: 'ready', value: 'fine' });
    expect(store.get('bad')).to.equal(undefined);
  });

  it('keeps a failure that nobody awaits without an unhandled rejection', async () => {
    const { store, loads, loader } = setup();
    const unhandled: unknown[] = [];
    const listener = (e: PromiseRejectionEvent) => {
      unhandled.push(e.reason);
      e.preventDefault(); // this test reports it, not the runner
    };
    window.addEventListener('unhandledrejection', listener);
    try {
      void store.load('a', loader('a'));
      loads[0]!.answer.reject(new ApiError('nope', 'server', 500));
      await tick(5);
    } finally {
      window.removeEventListener('unhandledrejection', listener);
    }
    expect(unhandled).to.deep.equal([]);
    expect(store.get('a')?.status).to.equal('error');
  });

  it('turns a failure that is no ApiError into a network ApiError', async () => {
    const { store, loads, loader, errors } = setup();
    void store.load('a', loader('a')).catch(() => {});
    loads[0]!.answer.reject(new TypeError('Failed to fetch'));
    await tick();
    const resource = store.get('a');
    if (resource?.status !== 'error') throw new Error(`expected an error: ${resource?.status}`);
    expect(resource.error).to.be.instanceOf(ApiError);
    expect(resource.error.code).to.equal('network');
    expect(resource.error.message).to.equal('Failed to fetch');
    expect(errors).to.deep.equal([resource.error]);
  });

  describe('abortGroup (the user moved on)', () => {
    it("aborts the group's unfinished loads and forgets them", () => {
      const { store, loads, loader } = setup();
      void store.load('slots:1', loader('slots:1'), 'times').catch(() => {});
      void store.load('insurances', loader('insurances'), 'catalogue');
      store.abortGroup('times');
      expect(loads[0]!.signal.aborted).to.equal(true);
      expect(loads[1]!.signal.aborted).to.equal(false); // another group goes on
      expect(store.get('slots:1')).to.equal(undefined);
      expect(store.get('insurances')).to.deep.equal({ status: 'loading' });
    });

    it('keeps what the group already loaded', async () => {
      const { store, loads, loader } = setup();
      const done = store.load('slots:1', loader('slots:1'), 'times');
      loads[0]!.answer.resolve('times');
      await done;
      store.abortGroup('times');
      expect(loads[0]!.signal.aborted).to.equal(false);
      expect(store.get('slots:1')).to.deep.equal({ status: 'ready', value: 'times' });
    });

    it('loads an aborted key again when asked, with a fresh signal', async () => {
      const { store, loads, loader } = setup();
      void store.load('slots:1', loader('slots:1'), 'times').catch(() => {});
      store.abortGroup('times');
      const again = store.load('slots:1', loader('slots:1'), 'times');
      expect(loads).to.have.length(2);
      expect(loads[1]!.signal.aborted).to.equal(false);
      loads[1]!.answer.resolve('fresh');
      expect(await again).to.equal('fresh');
    });

    it('does not report the abort of a load as an error', async () => {
      const { store, errors } = setup();
      const aborted = store.load('slots:1', (signal) => untilAborted<string>(signal), 'times');
      store.abortGroup('times');
      expect((await rejection(aborted)) as DOMException).to.have.property('name', 'AbortError');
      expect(errors).to.deep.equal([]);
      expect(store.get('slots:1')).to.equal(undefined);
    });
  });

  describe('stale answers', () => {
    it('drops a late answer of an aborted load (a loader that ignores its signal)', async () => {
      const { store, loads, loader, changes } = setup();
      const late = store.load('slots:1', loader('slots:1'), 'times');
      store.abortGroup('times');
      const before = changes();
      loads[0]!.answer.resolve('stale');
      await late;
      expect(store.get('slots:1')).to.equal(undefined);
      expect(changes()).to.equal(before); // nothing to re-render
    });

    it('does not let a late answer overwrite the newer load of the same key', async () => {
      const { store, loads, loader, errors } = setup();
      void store.load('slots:1', loader('slots:1'), 'times').catch(() => {});
      store.abortGroup('times');
      const fresh = store.load('slots:1', loader('slots:1'), 'times');
      loads[1]!.answer.resolve('fresh');
      await fresh;
      loads[0]!.answer.reject(new ApiError('late failure', 'server', 500));
      await tick();
      expect(store.get('slots:1')).to.deep.equal({ status: 'ready', value: 'fresh' });
      expect(errors).to.deep.equal([]); // a failure of what nobody wants is not reported
    });

    it('invalidate() aborts and forgets one key; its late answer is dropped', async () => {
      const { store, loads, loader } = setup();
      const late = store.load('slots:1', loader('slots:1'), 'times');
      void store.load('slots:2', loader('slots:2'), 'times');
      store.invalidate('slots:1');
      expect(loads[0]!.signal.aborted).to.equal(true);
      expect(loads[1]!.signal.aborted).to.equal(false);
      loads[0]!.answer.resolve('stale');
      await late;
      expect(store.get('slots:1')).to.equal(undefined);
      expect(store.get('slots:2')).to.deep.equal({ status: 'loading' });
    });

    it('invalidate() of a loaded key makes the next ask load it again', async () => {
      const { store, loads, loader } = setup();
      const first = store.load('slots:1', loader('slots:1'));
      loads[0]!.answer.resolve('taken');
      await first;
      store.invalidate('slots:1');
      void store.load('slots:1', loader('slots:1'));
      expect(loads).to.have.length(2);
    });
  });
});

describe('toApiError', () => {
  it('keeps an ApiError as it is', () => {
    const error = new ApiError('gone', 'not_found', 404);
    expect(toApiError(error)).to.equal(error);
  });

  it('makes anything else a network error with its message', () => {
    expect(toApiError(new Error('offline'))).to.include({ code: 'network', message: 'offline' });
    expect(toApiError('odd')).to.include({ code: 'network', message: 'odd' });
  });
});
