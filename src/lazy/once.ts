/**
 * A chunk's loader: the first call starts the `import()`, later calls share it; a failed fetch
 * (the network dropped) is forgotten, so the next call tries again.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}
