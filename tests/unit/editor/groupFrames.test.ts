/** Frames around blocks: their geometry, who belongs to which frame, who follows a drag. */
import { describe, expect, it } from 'vitest';
import type { Box } from '../../../src-shared/editor/align';
import { applyCommand } from '../../../src-shared/editor/commands';
import {
  FRAME_PADDING,
  FRAME_TITLE_SPACE,
  frameAround,
  groupBlocks,
  membersFollow,
  membershipChanges,
} from '../../../src-shared/editor/group-frames';
import { smallGraphWithAnnotations } from '../renderer/document/annotationFixture';
import { smallGraph } from '../renderer/fixtures';

const boxOfGraph =
  (graph = smallGraph()) =>
  (id: string): Box | undefined => {
    const node = graph.nodes.find((candidate) => candidate.id === id);
    return node && { id, ...node.position, width: 200, height: 100 };
  };

describe('group frames', () => {
  it('a frame wraps its blocks with padding and room for the title', () => {
    const frame = frameAround([
      { id: 'a', x: 0, y: 0, width: 200, height: 100 },
      { id: 'b', x: 300, y: 200, width: 200, height: 100 },
    ]);
    expect(frame).toEqual({
      position: { x: -FRAME_PADDING, y: -FRAME_TITLE_SPACE },
      size: { width: 500 + 2 * FRAME_PADDING, height: 300 + FRAME_TITLE_SPACE + FRAME_PADDING },
    });
  });

  it('grouping adds a fresh frame and takes its blocks out of their old frame', () => {
    const graph = smallGraphWithAnnotations();
    const grouped = groupBlocks(graph, ['mlp', 'adam'], boxOfGraph(graph), 'Learner');
    expect(grouped?.id).toBe('group');
    const after = grouped!.commands.reduce(applyCommand, graph);
    expect(after.groups?.map((group) => [group.id, group.title, group.nodes])).toEqual([
      ['g1', 'Data', ['data']],
      ['group', 'Learner', ['mlp', 'adam']],
    ]);
    expect(groupBlocks(graph, [], boxOfGraph(graph))).toBeNull();
  });

  it('a block dropped inside a frame joins it; dragged out, it leaves', () => {
    const graph = smallGraphWithAnnotations(); // g1: x -30..530, y -40..160; data, mlp
    // adam's centre moved to (100, 50): inside g1. mlp's moved to (1000, 1000): outside.
    const moved = {
      adam: { id: 'adam', x: 0, y: 0, width: 200, height: 100 },
      mlp: { id: 'mlp', x: 900, y: 950, width: 200, height: 100 },
    } as Record<string, Box>;
    const changes = membershipChanges(graph, ['adam', 'mlp'], (id) => moved[id]);
    expect(changes).toEqual([
      { type: 'updateGroup', id: 'g1', changes: { nodes: ['data', 'adam'] } },
    ]);
    expect(membershipChanges(graph, ['data'], boxOfGraph(graph))).toEqual([]);
  });

  it('the blocks of a dragged frame follow it by the same offset', () => {
    const graph = smallGraphWithAnnotations(); // g1 at (-30, -40); data (0,0), mlp (300,0)
    const follow = membersFollow(graph, new Map([['g1', { x: 70, y: -20 }]]), new Set(['mlp']));
    expect([...follow]).toEqual([['data', { x: 100, y: 20 }]]);
  });
});
