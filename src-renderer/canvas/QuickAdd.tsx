/**
 * Quick-add: a search box at the cursor (double-click or Space on the canvas, or a wire
 * released on empty canvas, which offers only blocks that can take it).
 */
import { useId, useMemo, useState } from 'react';
import { type PortFilter, searchBlocks } from '../editor/blockSearch';
import { kindStyle } from './kindColors';

export interface QuickAddRequest {
  /** Where the box appears, in pixels inside the canvas area. */
  readonly at: { x: number; y: number };
  /** Where the block goes, in graph coordinates. */
  readonly flowPosition: { x: number; y: number };
  readonly filter?: PortFilter;
}

export function QuickAdd(props: {
  request: QuickAddRequest;
  onPick(type: string): void;
  onClose(): void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = useMemo(
    () => searchBlocks(query, props.request.filter).slice(0, 12),
    [query, props.request.filter],
  );
  const current = Math.min(active, Math.max(0, results.length - 1));

  return (
    <div
      className="quick-add"
      style={{ left: props.request.at.x, top: props.request.at.y }}
      data-testid="quick-add"
    >
      <input
        // biome-ignore lint/a11y/noAutofocus: the box exists only to be typed into
        autoFocus
        className="quick-add-input"
        placeholder={props.request.filter ? 'Blocks that fit this wire…' : 'Add a block…'}
        aria-label="Search blocks to add"
        aria-controls={listId}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onBlur={props.onClose}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onClose();
          else if (event.key === 'ArrowDown') setActive(Math.min(current + 1, results.length - 1));
          else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
          else if (event.key === 'Enter' && results[current]) props.onPick(results[current].type);
          else return;
          event.preventDefault();
        }}
      />
      <div className="quick-add-list" id={listId} role="listbox" aria-label="Blocks">
        {results.length === 0 && <div className="quick-add-empty">No block matches</div>}
        {results.map((block, index) => (
          <div
            key={block.type}
            role="option"
            tabIndex={-1}
            aria-selected={index === current}
            className={`quick-add-item${index === current ? ' is-active' : ''}`}
            style={kindStyle(block.kind)}
            // mousedown, not click: the input's blur would close the box first.
            onMouseDown={(event) => {
              event.preventDefault();
              props.onPick(block.type);
            }}
          >
            <span className="quick-add-title">{block.title}</span>
            <span className="quick-add-type">{block.type}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
