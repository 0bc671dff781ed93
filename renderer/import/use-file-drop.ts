import { useEffect, useRef, useState } from 'react';

/** The part of a drag event the drop handling reads. */
export interface FileDragEvent {
  dataTransfer: Pick<DataTransfer, 'types' | 'files' | 'dropEffect'> | null;
  preventDefault(): void;
}

/** Where drag events come from (the window; a fake in tests). */
export interface DropTarget {
  addEventListener(type: 'dragenter' | 'dragover' | 'dragleave' | 'drop', listener: (e: FileDragEvent) => void): void;
  removeEventListener(type: 'dragenter' | 'dragover' | 'dragleave' | 'drop', listener: (e: FileDragEvent) => void): void;
}

export interface FileDropCallbacks {
  /** Whether a drop would be taken now (a project is open, no import is running). */
  enabled(): boolean;
  /** Files are dragged over the target (true) or not any more (false). */
  onHover(hovering: boolean): void;
  /** Files were dropped while enabled. */
  onDrop(files: File[]): void;
}

function carriesFiles(e: FileDragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

/**
 * Listens for files dragged over `target`. A file drag is always taken (default prevented), even
 * when not enabled, so the window never navigates to a dropped file; drags of anything else (text,
 * links) are left alone. Returns the function that stops listening.
 */
export function watchFileDrops(target: DropTarget, callbacks: FileDropCallbacks): () => void {
  // dragenter/dragleave fire for every element crossed: count them to know when the drag left the window.
  let depth = 0;
  const enter = (e: FileDragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth++;
    if (callbacks.enabled()) callbacks.onHover(true);
  };
  const over = (e: FileDragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = callbacks.enabled() ? 'copy' : 'none';
  };
  const leave = (e: FileDragEvent) => {
    if (!carriesFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) callbacks.onHover(false);
  };
  const drop = (e: FileDragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth = 0;
    callbacks.onHover(false);
    const files = Array.from(e.dataTransfer!.files);
    if (callbacks.enabled() && files.length > 0) callbacks.onDrop(files);
  };
  target.addEventListener('dragenter', enter);
  target.addEventListener('dragover', over);
  target.addEventListener('dragleave', leave);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragenter', enter);
    target.removeEventListener('dragover', over);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('drop', drop);
  };
}

/**
 * Files dragged anywhere over the window: true while they hover (to show the drop overlay), and
 * `onDrop` with them when released (see watchFileDrops).
 */
export function useFileDrop(enabled: boolean, onDrop: (files: File[]) => void): boolean {
  const [hovering, setHovering] = useState(false);
  const latest = useRef({ enabled, onDrop });
  useEffect(() => {
    latest.current = { enabled, onDrop };
  });
  useEffect(
    () =>
      watchFileDrops(window as unknown as DropTarget, {
        enabled: () => latest.current.enabled,
        onHover: setHovering,
        onDrop: (files) => latest.current.onDrop(files),
      }),
    [],
  );
  return hovering;
}
