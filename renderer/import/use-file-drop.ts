import { useEffect, useRef, useState } from 'react';

function carriesFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

/**
 * Files dragged anywhere over the window: true while they hover (to show the drop overlay), and
 * `onDrop` with them when released. A file drag is always taken, even when `enabled` is false, so the
 * window never navigates to a dropped file.
 */
export function useFileDrop(enabled: boolean, onDrop: (files: File[]) => void): boolean {
  const [hovering, setHovering] = useState(false);
  const latest = useRef({ enabled, onDrop });
  useEffect(() => {
    latest.current = { enabled, onDrop };
  });

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      if (latest.current.enabled) setHovering(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = latest.current.enabled ? 'copy' : 'none';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setHovering(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setHovering(false);
      const files = Array.from(e.dataTransfer!.files);
      if (latest.current.enabled && files.length > 0) latest.current.onDrop(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return hovering;
}
