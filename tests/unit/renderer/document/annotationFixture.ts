/** smallGraph with a frame "Data" around data and mlp, and one sticky note. */
import type { GraphDocument } from '../../../../src-shared/graph';
import { smallGraph } from '../fixtures';

export function smallGraphWithAnnotations(): GraphDocument {
  return {
    ...smallGraph(),
    groups: [
      {
        id: 'g1',
        title: 'Data',
        nodes: ['data', 'mlp'],
        position: { x: -30, y: -40 },
        size: { width: 560, height: 200 },
      },
    ],
    notes: [
      { id: 'n1', text: 'Read me', position: { x: 0, y: 400 }, size: { width: 240, height: 140 } },
    ],
  };
}
