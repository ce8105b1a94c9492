/**
 * A misconfiguration as `diagnostics.ts` finds it and `diagnostic-lines.ts` (a lazy chunk) words
 * it: the two share this file, not each other.
 */
/** One misconfiguration: which setting, what kind of wrong, and the facts its line names. */
export interface Problem {
  setting: string;
  /** Default: the setting's name (`locale`, `theme`). */
  kind?:
    | 'not-url'
    | 'not-id'
    | 'unreachable'
    | 'not-json'
    | 'status'
    | 'locale'
    | 'theme'
    | 'variant'
    | 'sign-in'
    | 'unknown-id'
    | 'origin'
    | 'credentials'
    | 'revealed'
    | 'remote';
  value?: string | null;
  status?: number;
  why?: string;
  /** The page named the backend (`backend` attribute). */
  named?: boolean;
  /** `remote`: why the backend's configuration could not be read. */
  error?: unknown;
}
