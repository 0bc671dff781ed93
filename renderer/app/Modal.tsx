import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { pushEscapeHandler } from './escape-stack.ts';

interface Props {
  title: string;
  testId: string;
  onCancel: () => void;
  children: ReactNode;
  footer: ReactNode;
  className?: string;
  /**
   * 'side': docked at the window's right edge over a see-through backdrop that lets the map be panned
   * and zoomed (the import dialog shows the file's features on the map).
   */
  placement?: 'center' | 'side';
}

/** A modal dialog frame: title, body, button row; Escape cancels the topmost one. */
export function Modal({ title, testId, onCancel, children, footer, className, placement = 'center' }: Props) {
  const cancel = useRef(onCancel);
  useLayoutEffect(() => {
    cancel.current = onCancel;
  });
  // Layout effect: listening before the dialog is painted, so an early Escape is not lost.
  useLayoutEffect(() => pushEscapeHandler(() => cancel.current()), []);
  return (
    <div className={`modal-backdrop${placement === 'side' ? ' modal-backdrop-side' : ''}`}>
      <div className={`modal ${className ?? ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="modal-header">{title}</header>
        <div className="modal-body">{children}</div>
        <footer className="modal-footer">{footer}</footer>
      </div>
    </div>
  );
}
