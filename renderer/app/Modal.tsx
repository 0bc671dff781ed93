import { useLayoutEffect, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  onCancel: () => void;
  children: ReactNode;
  footer: ReactNode;
  className?: string;
}

/** A modal dialog frame: title, body, button row; Escape cancels. */
export function Modal({ title, testId, onCancel, children, footer, className }: Props) {
  // Layout effect: listening before the dialog is painted, so an early Escape is not lost.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault(); // handled: nothing else should react to this Escape
      onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="modal-backdrop">
      <div className={`modal ${className ?? ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="modal-header">{title}</header>
        <div className="modal-body">{children}</div>
        <footer className="modal-footer">{footer}</footer>
      </div>
    </div>
  );
}
