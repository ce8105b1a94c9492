/**
 * Typed details are not lost by a slip: while `typing()` says the patient has entered details
 * that are not booked yet, leaving or reloading the page asks first (the browser's own dialog).
 * The widget keeps no data across pages, so this is the only way to spare the patient retyping.
 * Returns the function that removes the guard.
 */
export function guardLeaving(typing: () => boolean): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!typing()) return;
    event.preventDefault();
    // Older browsers ask only when a value is set (its text is never shown).
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
