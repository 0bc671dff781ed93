/**
 * Escape goes to the topmost open dialog only: a file dialog opened from the export dialog closes alone.
 * Dialogs push their handler when they open and remove it when they close.
 */
const handlers: (() => void)[] = [];

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Escape' || handlers.length === 0) return;
  e.preventDefault(); // handled: nothing else should react to this Escape
  handlers[handlers.length - 1]();
}

/** Registers an Escape handler on top of the others; returns its removal. */
export function pushEscapeHandler(handler: () => void): () => void {
  if (handlers.length === 0) document.addEventListener('keydown', onKey);
  handlers.push(handler);
  return () => {
    const i = handlers.lastIndexOf(handler);
    if (i >= 0) handlers.splice(i, 1);
    if (handlers.length === 0) document.removeEventListener('keydown', onKey);
  };
}

/** True while any dialog listens for Escape (a panel's own Escape must then leave it alone). */
export function dialogHasEscape(): boolean {
  return handlers.length > 0;
}
