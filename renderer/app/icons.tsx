/** Small line icons (inline SVG: nothing is fetched). */
const paths = {
  newFile: 'M6 2h8l4 4v16H6z M14 2v4h4 M12 11v6 M9 14h6',
  open: 'M3 7h6l2 2h10v11H3z M3 7V5h6',
  save: 'M5 3h11l3 3v15H5z M8 3v5h7V3 M8 21v-7h8v7',
  zoomAll: 'M4 9V4h5 M20 9V4h-5 M4 15v5h5 M20 15v5h-5 M9 9h6v6H9z',
  layers: 'M12 3l9 5-9 5-9-5z M3 13l9 5 9-5',
  up: 'M6 15l6-6 6 6',
  down: 'M6 9l6 6 6-6',
  target: 'M12 3v4 M12 17v4 M3 12h4 M17 12h4 M12 8a4 4 0 1 1 0 8a4 4 0 1 1 0-8z',
  close: 'M6 6l12 12 M18 6L6 18',
  folder: 'M3 6h6l2 2h10v11H3z',
  file: 'M6 2h8l4 4v16H6z M14 2v4h4',
  parent: 'M12 19V6 M6 11l6-6 6 6',
  import: 'M12 3v11 M7 9l5 5 5-5 M4 15v5h16v-5',
  export: 'M12 14V3 M7 8l5-5 5 5 M4 15v5h16v-5',
  table: 'M3 5h18v14H3z M3 10h18 M3 15h18 M9 10v9',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" fill="none"
      stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <path d={paths[name]} />
    </svg>
  );
}
