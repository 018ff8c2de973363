/**
 * The canvas's own toolbar (top left): add a sticky note; with two or more blocks selected,
 * align, distribute and group them; with a frame selected, ungroup. Every button names its
 * shortcut.
 */

import type { ReactNode } from 'react';
import { ALIGN_LABELS, type AlignMode } from '../../src-shared/editor/align';
import type { Selection } from '../../src-shared/editor/document-store';

const ALIGN_BUTTONS: readonly { mode: AlignMode; glyph: string; keys: string }[] = [
  { mode: 'left', glyph: '⇤', keys: 'Alt+Shift+L' },
  { mode: 'center', glyph: '↔', keys: 'Alt+Shift+C' },
  { mode: 'right', glyph: '⇥', keys: 'Alt+Shift+R' },
  { mode: 'top', glyph: '⤒', keys: 'Alt+Shift+T' },
  { mode: 'middle', glyph: '↕', keys: 'Alt+Shift+M' },
  { mode: 'bottom', glyph: '⤓', keys: 'Alt+Shift+B' },
  { mode: 'distributeX', glyph: '⋯', keys: 'Alt+Shift+H' },
  { mode: 'distributeY', glyph: '⋮', keys: 'Alt+Shift+V' },
];

/** A text button of the toolbar; its title names the shortcut. */
function CanvasTool(props: { title: string; onClick(): void; children: ReactNode }) {
  return (
    <button type="button" className="canvas-tool" title={props.title} onClick={props.onClick}>
      {props.children}
    </button>
  );
}

export function CanvasToolbar(props: {
  selection: Selection;
  onAddNote(): void;
  onAlign(mode: AlignMode): void;
  onGroup(): void;
  onUngroup(): void;
  onDuplicateWithWires(): void;
}) {
  const blocks = props.selection.nodes.length;
  const frames = props.selection.groups?.length ?? 0;
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas tools">
      <CanvasTool title="Add a sticky note (N)" onClick={props.onAddNote}>
        + Note
      </CanvasTool>
      {blocks >= 1 && (
        <CanvasTool
          title="Duplicate with wires (Ctrl+Shift+D)"
          onClick={props.onDuplicateWithWires}
        >
          Duplicate with wires
        </CanvasTool>
      )}
      {blocks >= 2 && (
        <>
          <span className="canvas-tool-sep" aria-hidden="true" />
          {ALIGN_BUTTONS.map((button) => (
            <button
              key={button.mode}
              type="button"
              className="canvas-tool canvas-tool-icon"
              title={`${ALIGN_LABELS[button.mode]} (${button.keys})`}
              aria-label={ALIGN_LABELS[button.mode]}
              disabled={button.mode.startsWith('distribute') && blocks < 3}
              onClick={() => props.onAlign(button.mode)}
            >
              {button.glyph}
            </button>
          ))}
          <span className="canvas-tool-sep" aria-hidden="true" />
          <CanvasTool title="Group in a frame (Ctrl+G)" onClick={props.onGroup}>
            Group
          </CanvasTool>
        </>
      )}
      {frames >= 1 && (
        <CanvasTool
          title="Remove the frame, keep its blocks (Ctrl+Shift+G)"
          onClick={props.onUngroup}
        >
          Ungroup
        </CanvasTool>
      )}
    </div>
  );
}
