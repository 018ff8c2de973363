/**
 * Every edit of the document is one of these small declarative commands, applied by a pure
 * function. The store keeps the document before and after each one, so undo and redo restore
 * exactly the document that was there.
 */
import type {
  GraphDocument,
  GraphEdge,
  GraphGroup,
  GraphNode,
  GraphNote,
  Position,
  Sweep,
} from '../graph';

/** What `updateGroup` may change; `nodes` are the blocks that move with the frame. */
export type GroupChanges = Partial<Pick<GraphGroup, 'title' | 'nodes' | 'position' | 'size'>>;
export type NoteChanges = Partial<Pick<GraphNote, 'text' | 'position' | 'size'>>;

/** A list per kind of document item; groups and notes may be left out. */
type PerKind<Node, Edge, Group, Note> = {
  readonly nodes: readonly Node[];
  readonly edges: readonly Edge[];
  readonly groups?: readonly Group[];
  readonly notes?: readonly Note[];
};

export type GraphCommand =
  /** Adds nodes, wires, group frames and notes (new blocks, paste, duplicate); fresh ids. */
  | ({ readonly type: 'add' } & PerKind<GraphNode, GraphEdge, GraphGroup, GraphNote>)
  /** Removes nodes (and every wire touching them), wires, group frames and notes. */
  | ({ readonly type: 'remove' } & PerKind<string, string, string, string>)
  /** Moves blocks (`positions`), group frames and notes, each by id. */
  | {
      readonly type: 'move';
      readonly positions: Readonly<Record<string, Position>>;
      readonly groups?: Readonly<Record<string, Position>>;
      readonly notes?: Readonly<Record<string, Position>>;
    }
  | {
      readonly type: 'setParam';
      readonly node: string;
      readonly param: string;
      readonly value: unknown;
    }
  /** Adds a wire, first removing the wires it replaces (a single input's old wire). */
  | { readonly type: 'connect'; readonly edge: GraphEdge; readonly replaces: readonly string[] }
  | { readonly type: 'rename'; readonly name: string }
  /** Sets the document's sweep, or removes it (null). */
  | { readonly type: 'setSweep'; readonly sweep: Sweep | null }
  | { readonly type: 'updateGroup'; readonly id: string; readonly changes: GroupChanges }
  | { readonly type: 'updateNote'; readonly id: string; readonly changes: NoteChanges };

const EMPTY: readonly never[] = [];

interface Removal {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly notes: ReadonlySet<string>;
}

function remove(graph: GraphDocument, gone: Removal): GraphDocument {
  const nodes = graph.nodes.filter((node) => !gone.nodes.has(node.id));
  const edges = graph.edges.filter(
    (edge) =>
      !gone.edges.has(edge.id) && !gone.nodes.has(edge.from.node) && !gone.nodes.has(edge.to.node),
  );
  const keptGroups = graph.groups?.filter((group) => !gone.groups.has(group.id));
  const notes = graph.notes?.filter((note) => !gone.notes.has(note.id));
  const membersGone = (keptGroups ?? []).some((group) =>
    group.nodes.some((id) => gone.nodes.has(id)),
  );
  const unchanged =
    nodes.length === graph.nodes.length &&
    edges.length === graph.edges.length &&
    keptGroups?.length === graph.groups?.length &&
    notes?.length === graph.notes?.length &&
    !membersGone;
  if (unchanged) return graph;
  const groups = keptGroups?.map((group) =>
    group.nodes.some((id) => gone.nodes.has(id))
      ? { ...group, nodes: group.nodes.filter((id) => !gone.nodes.has(id)) }
      : group,
  );
  return {
    ...graph,
    nodes,
    edges,
    ...(groups ? { groups } : {}),
    ...(notes ? { notes } : {}),
  };
}

const samePosition = (a: Position, b: Position): boolean => a.x === b.x && a.y === b.y;

/** Items of `list` moved to `positions` (by id); the same array when none moved. */
function moveItems<T extends { readonly id: string; readonly position: Position }>(
  list: readonly T[] | undefined,
  positions: Readonly<Record<string, Position>> | undefined,
): readonly T[] | undefined {
  if (!list || !positions) return list;
  let moved = false;
  const next = list.map((item) => {
    const to = Object.hasOwn(positions, item.id) ? positions[item.id] : null;
    if (!to || samePosition(to, item.position)) return item;
    moved = true;
    return { ...item, position: { x: to.x, y: to.y } };
  });
  return moved ? next : list;
}

function move(graph: GraphDocument, command: Extract<GraphCommand, { type: 'move' }>) {
  const nodes = moveItems(graph.nodes, command.positions) ?? graph.nodes;
  const groups = moveItems(graph.groups, command.groups);
  const notes = moveItems(graph.notes, command.notes);
  if (nodes === graph.nodes && groups === graph.groups && notes === graph.notes) return graph;
  return {
    ...graph,
    nodes: [...nodes],
    ...(groups ? { groups: [...groups] } : {}),
    ...(notes ? { notes: [...notes] } : {}),
  };
}

/** `item` with `changes` applied; the same object when every change is already so. */
function patch<T extends object>(item: T, changes: Partial<T>): T {
  const differs = (Object.keys(changes) as (keyof T)[]).some(
    (key) =>
      changes[key] !== undefined && JSON.stringify(changes[key]) !== JSON.stringify(item[key]),
  );
  if (!differs) return item;
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
  return { ...item, ...structuredClone(defined) };
}

function update<T extends { readonly id: string }>(
  list: readonly T[] | undefined,
  id: string,
  changes: Partial<T>,
): T[] | undefined {
  if (!list) return undefined;
  let changed = false;
  const next = list.map((item) => {
    if (item.id !== id) return item;
    const patched = patch(item, changes);
    changed ||= patched !== item;
    return patched;
  });
  return changed ? next : undefined;
}

/** Applies a command; returns the same object when it changes nothing. */
export function applyCommand(graph: GraphDocument, command: GraphCommand): GraphDocument {
  switch (command.type) {
    case 'add': {
      const groups = command.groups ?? EMPTY;
      const notes = command.notes ?? EMPTY;
      const count = command.nodes.length + command.edges.length + groups.length + notes.length;
      if (count === 0) return graph;
      return {
        ...graph,
        nodes: [...graph.nodes, ...command.nodes],
        edges: [...graph.edges, ...command.edges],
        ...(groups.length > 0 ? { groups: [...(graph.groups ?? []), ...groups] } : {}),
        ...(notes.length > 0 ? { notes: [...(graph.notes ?? []), ...notes] } : {}),
      };
    }
    case 'remove':
      return remove(graph, {
        nodes: new Set(command.nodes),
        edges: new Set(command.edges),
        groups: new Set(command.groups),
        notes: new Set(command.notes),
      });
    case 'move':
      return move(graph, command);
    case 'setParam': {
      let changed = false;
      const nodes = graph.nodes.map((node) => {
        if (node.id !== command.node) return node;
        if (Object.is(node.params[command.param], command.value)) return node;
        changed = true;
        return { ...node, params: { ...node.params, [command.param]: command.value } };
      });
      return changed ? { ...graph, nodes } : graph;
    }
    case 'connect': {
      const replaced = new Set(command.replaces);
      const kept = graph.edges.filter((edge) => !replaced.has(edge.id));
      return { ...graph, edges: [...kept, command.edge] };
    }
    case 'rename':
      return command.name === graph.name ? graph : { ...graph, name: command.name };
    case 'setSweep': {
      if (JSON.stringify(command.sweep ?? undefined) === JSON.stringify(graph.sweep)) return graph;
      const { sweep: _old, ...rest } = graph;
      return command.sweep ? { ...rest, sweep: structuredClone(command.sweep) } : rest;
    }
    case 'updateGroup': {
      const groups = update<GraphGroup>(graph.groups, command.id, command.changes);
      return groups ? { ...graph, groups } : graph;
    }
    case 'updateNote': {
      const notes = update<GraphNote>(graph.notes, command.id, command.changes);
      return notes ? { ...graph, notes } : graph;
    }
  }
}
