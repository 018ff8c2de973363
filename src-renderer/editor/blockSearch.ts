/** Finding blocks in the catalog by words, for the palette and quick-add. */
import { type BlockDefinition, catalog } from '../../src-shared/graph';

/** A wire being dragged: only blocks with a free port of this type on `side` fit it. */
export interface PortFilter {
  readonly portType: string;
  readonly side: 'inputs' | 'outputs';
}

function haystack(block: BlockDefinition): string {
  return `${block.title} ${block.type} ${block.kind} ${block.description}`.toLowerCase();
}

/**
 * Blocks whose title, type, kind or description contain every word of `query`; title matches
 * first, then catalog order.
 */
export function searchBlocks(query: string, filter?: PortFilter): BlockDefinition[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const fits = (block: BlockDefinition): boolean =>
    !filter || block[filter.side].some((port) => port.type === filter.portType);
  const found = catalog.filter((block) => {
    if (!fits(block)) return false;
    const text = haystack(block);
    return words.every((word) => text.includes(word));
  });
  const [firstWord] = words;
  const titleHit = (block: BlockDefinition): number =>
    firstWord !== undefined && block.title.toLowerCase().startsWith(firstWord) ? 0 : 1;
  return found
    .map((block, index) => ({ block, index }))
    .sort((a, b) => titleHit(a.block) - titleHit(b.block) || a.index - b.index)
    .map(({ block }) => block);
}
