/** Small line icons for the toolbar (24×24 viewBox, stroke = currentColor). */
const PATHS = {
  new: 'M6 3h8l4 4v14H6zM14 3v4h4M12 11v6M9 14h6',
  open: 'M3 7h6l2 2h10v10H3zM3 7V5h6l2 2',
  save: 'M5 3h11l3 3v15H5zM8 3v5h7V3M8 21v-7h8v7',
  saveAs: 'M5 3h11l3 3v7M5 3v18h7M8 3v5h7V3M15 21l6-6-2-2-6 6v2z',
  examples: 'M4 5h7v6H4zM13 5h7v6h-7zM4 13h7v6H4zM13 13h7v6h-7z',
  recent: 'M12 21a9 9 0 100-18 9 9 0 000 18zM12 7v5l3 2',
  chevron: 'M7 10l5 5 5-5',
  fit: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  layout: 'M3 5h6v5H3zM15 3h6v5h-6zM15 16h6v5h-6zM9 7.5h3v-2h3M12 7.5v11h3',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 010 10h-3',
  redo: 'M15 14l5-5-5-5M20 9H9a5 5 0 000 10h3',
  landscape: 'M2 19l6-9 4 5 3-4 7 8zM16 6a2 2 0 100-.01',
  help: 'M12 21a9 9 0 100-18 9 9 0 000 18zM9.5 9.5a2.5 2.5 0 115 0c0 1.5-2.5 2-2.5 3.5M12 17h.01',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
