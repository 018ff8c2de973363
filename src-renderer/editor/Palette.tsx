/**
 * The block palette: the catalog grouped by kind, with search. Drag a block onto the canvas,
 * or double-click it (Enter from the keyboard) to add it in the middle of the view.
 */
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { BLOCK_KINDS, type BlockDefinition } from '../../src-shared/graph';
import { BLOCK_DRAG_TYPE } from '../canvas/GraphCanvas';
import { kindStyle } from '../canvas/kindColors';
import { searchBlocks } from './blockSearch';

const KIND_LABELS: Record<string, string> = {
  dataset: 'Data',
  model: 'Model',
  optimizer: 'Optimizer',
  schedule: 'Schedule',
  train: 'Train',
  metric: 'Metric',
  view: 'View',
};

function PaletteItem(props: { block: BlockDefinition; onAdd(type: string): void }) {
  const { block } = props;
  return (
    <li>
      <button
        type="button"
        className="palette-item"
        draggable
        title={block.description}
        data-block-type={block.type}
        onDragStart={(event) => {
          event.dataTransfer.setData(BLOCK_DRAG_TYPE, block.type);
          event.dataTransfer.effectAllowed = 'copy';
        }}
        onDoubleClick={() => props.onAdd(block.type)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          props.onAdd(block.type);
        }}
      >
        <span className="palette-item-title">{block.title}</span>
        <span className="palette-item-type">{block.type}</span>
      </button>
    </li>
  );
}

export function Palette(props: { onAdd(type: string): void }) {
  const [query, setQuery] = useState('');
  const list = useRef<HTMLDivElement>(null);
  // Shown grouped by kind; Enter in the search box adds the first one shown.
  const groups = useMemo(() => {
    const found = searchBlocks(query);
    return BLOCK_KINDS.map((kind) => ({
      kind,
      blocks: found.filter((block) => block.kind === kind),
    })).filter((group) => group.blocks.length > 0);
  }, [query]);
  const first = groups[0]?.blocks[0];

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' && first) {
      event.preventDefault();
      props.onAdd(first.type);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector<HTMLButtonElement>('.palette-item')?.focus();
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <aside className="side-panel palette" aria-label="Blocks">
      <h2 className="panel-title">Blocks</h2>
      <div className="palette-search">
        <input
          type="search"
          placeholder="Search blocks…"
          aria-label="Search blocks"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <div className="panel-scroll" ref={list}>
        {groups.length === 0 && <p className="hint palette-empty">No block matches “{query}”.</p>}
        {groups.map(({ kind, blocks }) => (
          <section key={kind} className="palette-group" style={kindStyle(kind)}>
            <h3 className="palette-kind">{KIND_LABELS[kind] ?? kind}</h3>
            <ul>
              {blocks.map((block) => (
                <PaletteItem key={block.type} block={block} onAdd={props.onAdd} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
