/** Every keyboard shortcut, as the help overlay lists it (Ctrl is ⌘ on macOS). */
/** Keys are written `Ctrl+Shift+Z`; alternatives are separate entries; gestures are words. */
export interface Shortcut {
  readonly keys?: readonly string[];
  readonly gesture?: string;
  readonly action: string;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly items: readonly Shortcut[];
}

export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: 'File',
    items: [
      { keys: ['Ctrl+O'], action: 'Open…' },
      { keys: ['Ctrl+S'], action: 'Save' },
      { keys: ['Ctrl+Shift+S'], action: 'Save As…' },
      { gesture: 'Drop a .json file on the window', action: 'Open a graph file' },
    ],
  },
  {
    title: 'Edit',
    items: [
      { keys: ['Ctrl+Z'], action: 'Undo' },
      { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'Redo' },
      {
        keys: ['Ctrl+C', 'Ctrl+X', 'Ctrl+V'],
        action: 'Copy / cut / paste blocks (as JSON, between windows too)',
      },
      { keys: ['Ctrl+D'], action: 'Duplicate the selection' },
      {
        keys: ['Ctrl+Shift+D'],
        action: 'Duplicate with wires (copies stay wired to the rest of the graph)',
      },
      { keys: ['Ctrl+G'], action: 'Group the selected blocks in a titled frame' },
      { keys: ['Ctrl+Shift+G'], action: 'Ungroup (remove the selected frame)' },
      { keys: ['N'], action: 'Add a sticky note at the pointer' },
      { keys: ['Delete', 'Backspace'], action: 'Delete the selection' },
      { keys: ['Ctrl+A'], action: 'Select everything' },
      { keys: ['Escape'], action: 'Clear the selection, close a popup' },
    ],
  },
  {
    title: 'Canvas',
    items: [
      { keys: ['Space'], gesture: 'or double-click', action: 'Quick-add a block at the pointer' },
      {
        gesture: 'Drag from a port',
        action:
          'Wire it (fitting ports light up); release on empty canvas to add a block that fits',
      },
      { gesture: 'Shift + drag', action: 'Select with a box' },
      {
        gesture: 'Drop a lone block on a wire',
        action: 'Insert it between the two blocks the wire joins',
      },
      { gesture: 'Drag a frame by its title', action: 'Move the group with its blocks' },
      { keys: ['Arrow keys'], action: 'Move the focused block (Tab moves the focus)' },
      { gesture: 'Shift + click', action: 'Add to the selection' },
      { keys: ['F'], action: 'Fit the graph in view' },
      { keys: ['L'], action: 'Auto-layout the selection, or the whole graph' },
      { keys: ['+', '-'], action: 'Zoom in / out' },
      { keys: ['?'], action: 'Show or hide this help' },
    ],
  },
  {
    title: 'Run',
    items: [
      { keys: ['F5'], action: 'Run the graph, or resume a paused run' },
      { keys: ['F6'], action: 'Pause' },
      { keys: ['F10'], action: 'One training step (starts paused)' },
      { keys: ['Shift+F5'], action: 'Stop' },
    ],
  },
  {
    title: 'Align (two or more blocks)',
    items: [
      {
        keys: ['Alt+Shift+L', 'Alt+Shift+C', 'Alt+Shift+R'],
        action: 'Align left / centre / right',
      },
      {
        keys: ['Alt+Shift+T', 'Alt+Shift+M', 'Alt+Shift+B'],
        action: 'Align top / middle / bottom',
      },
      { keys: ['Alt+Shift+H', 'Alt+Shift+V'], action: 'Distribute horizontally / vertically' },
    ],
  },
];
