/**
 * The graph canvas: React Flow drawing the document. Every edit becomes a command on the
 * store; the canvas only keeps what is transient (measured sizes, a drag in progress, the wire
 * being dragged, the quick-add box).
 */
import {
  Background,
  BackgroundVariant,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  type OnConnectStartParams,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
} from '@xyflow/react';
import {
  type DragEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { GraphCommand } from '../../src-shared/editor/commands';
import type { DocumentStore, Selection } from '../../src-shared/editor/document-store';
import {
  addBlock,
  connect,
  DEFAULT_BLOCK_SIZE,
  GRID,
  insertOnWire,
  type LooseWire,
} from '../../src-shared/editor/editor-actions';
import { membersFollow, membershipChanges } from '../../src-shared/editor/group-frames';
import { planInsertOnWire } from '../../src-shared/editor/insert-on-wire';
import { checkConnection } from '../../src-shared/editor/wires';
import { acceptingPorts, type Position } from '../../src-shared/graph';
import { useDocument } from '../document/useDocument';
import {
  canvasItem,
  type FrameFlowNode,
  type NoteFlowNode,
  toFrameNodes,
  toNoteNodes,
} from './annotations';
import { BlockNode } from './BlockNode';
import { CanvasControls } from './CanvasControls';
import { ConnectingContext, type ConnectingPort } from './connecting';
import { FrameNode } from './FrameNode';
import { type BlockFlowNode, toFlowEdges, toFlowNodes } from './flowModel';
import { kindColor } from './kindColors';
import { NoteNode } from './NoteNode';
import { PortLegend } from './PortLegend';
import { QuickAdd, type QuickAddRequest } from './QuickAdd';
import { fitReadable } from './readableFit';
import { StoreContext } from './storeContext';

/** The drag-and-drop type the palette puts a block type under. */
export const BLOCK_DRAG_TYPE = 'application/x-gradient-atlas-block';

const nodeTypes: NodeTypes = { block: BlockNode, frame: FrameNode, note: NoteNode };
type CanvasNode = BlockFlowNode | FrameFlowNode | NoteFlowNode;
const minimapColor = (node: CanvasNode): string =>
  node.type === 'block' ? kindColor(node.data.kind) : node.type === 'note' ? '#8a7a3c' : '#2a3444';
const SNAP: [number, number] = [GRID, GRID];

type Size = { width: number; height: number };

type SelectionKey = 'nodes' | 'edges' | 'groups' | 'notes';

function nextSelection(
  current: Selection,
  changes: { id: string; selected: boolean }[],
  keyOf: (id: string) => { kind: SelectionKey; id: string },
): Selection {
  const ids: Record<SelectionKey, Set<string>> = {
    nodes: new Set(current.nodes),
    edges: new Set(current.edges),
    groups: new Set(current.groups ?? []),
    notes: new Set(current.notes ?? []),
  };
  for (const change of changes) {
    const { kind, id } = keyOf(change.id);
    if (change.selected) ids[kind].add(id);
    else ids[kind].delete(id);
  }
  return {
    nodes: [...ids.nodes],
    edges: [...ids.edges],
    groups: [...ids.groups],
    notes: [...ids.notes],
  };
}

/** The wire under a window point, if any (its wide, invisible hit path counts). */
function wireAt(x: number, y: number): string | null {
  for (const element of document.elementsFromPoint(x, y)) {
    const wire = element.closest('.react-flow__edge');
    if (wire) return wire.getAttribute('data-id');
    if (element.classList.contains('react-flow__pane')) break;
  }
  return null;
}

const pointOf = (event: globalThis.MouseEvent | TouchEvent | MouseEvent) =>
  'changedTouches' in event ? event.changedTouches[0] : event;

type ConnectionLike = Pick<Connection, 'source' | 'target'> & {
  sourceHandle?: string | null;
  targetHandle?: string | null;
};

const attemptOf = (connection: ConnectionLike) => ({
  source: connection.source,
  sourcePort: connection.sourceHandle ?? '',
  target: connection.target,
  targetPort: connection.targetHandle ?? '',
});

export function GraphCanvas(props: {
  store: DocumentStore;
  /** Tells the person why an edit was refused (e.g. an incompatible wire). */
  onRefused(reason: string): void;
  /** Asked for by Space or double-click: open quick-add at this point of the canvas area. */
  quickAdd: QuickAddRequest | null;
  onQuickAdd(request: QuickAddRequest | null): void;
  /** Bumped to ask for a fit of the whole graph (toolbar, F, after auto-layout). */
  fitRequest: number;
  /** What an empty canvas offers besides the palette (the start page's examples). */
  emptyOffer?: ReactNode;
}) {
  const { store, onRefused, onQuickAdd } = props;
  const { graph, selection, problems, loadId } = useDocument(store);
  const flow = useReactFlow();
  const area = useRef<HTMLDivElement>(null);
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  // Flow ids -> where the pointer has them now (blocks, frames, notes; frames' members too).
  const [drag, setDrag] = useState<ReadonlyMap<string, Position> | null>(null);
  const dragging = useRef(false);
  // Frames and notes being resized: their box while the handle is held.
  const [resizing, setResizing] = useState<ReadonlyMap<string, Partial<Size & Position>>>(
    new Map(),
  );
  // The wire a block being dragged (from the palette or the canvas) would be dropped on.
  const [dropWire, setDropWire] = useState<string | null>(null);
  const [connecting, setConnecting] = useState<ConnectingPort | null>(null);
  // A wire that ended on empty canvas waits here while quick-add offers blocks for it.
  const looseWire = useRef<LooseWire | null>(null);

  const docNodes = useMemo(
    () => toFlowNodes(graph, selection, problems),
    [graph, selection, problems],
  );
  const frameNodes = useMemo(() => toFrameNodes(graph, selection), [graph, selection]);
  const noteNodes = useMemo(() => toNoteNodes(graph, selection), [graph, selection]);
  const nodes = useMemo((): CanvasNode[] => {
    // Blocks in a frame being dragged follow it.
    const frames = new Map<string, Position>();
    for (const [flowId, at] of drag ?? []) {
      const item = canvasItem(flowId);
      if (item.kind === 'groups') frames.set(item.id, at);
    }
    const followers = frames.size > 0 ? membersFollow(graph, frames, new Set(drag?.keys())) : null;
    const place = <T extends CanvasNode>(node: T): T => {
      const size = sizes.get(node.id);
      const moving = drag?.get(node.id) ?? followers?.get(node.id);
      const box = resizing.get(node.id);
      return {
        ...node,
        ...(size ? { measured: size } : {}),
        ...(moving ? { position: moving, dragging: true } : {}),
        ...(box?.width !== undefined ? { width: box.width, height: box.height } : {}),
        ...(box?.x !== undefined && box.y !== undefined
          ? { position: { x: box.x, y: box.y } }
          : {}),
      };
    };
    // Frames behind the blocks, notes on top (and last in the page, after the blocks).
    return [...frameNodes.map(place), ...docNodes.map(place), ...noteNodes.map(place)];
  }, [graph, frameNodes, docNodes, noteNodes, sizes, drag, resizing]);
  const edges = useMemo(
    () =>
      toFlowEdges(graph, selection).map((edge) =>
        edge.id === dropWire ? { ...edge, className: 'is-drop-target', animated: true } : edge,
      ),
    [graph, selection, dropWire],
  );
  const [showMinimap, setShowMinimap] = useState(true);
  const [showLegend, setShowLegend] = useState(true);
  // The view is "fitted" until the person pans or zooms: then a resize of the canvas (the
  // dashboard opening or closing) refits it.
  const fitted = useRef(false);
  const fitNow = useCallback(
    (duration?: number) => {
      if (area.current && fitReadable(flow, area.current, duration)) fitted.current = true;
    },
    [flow],
  );
  // Fit a loaded graph once its blocks are measured; an empty document keeps its viewport.
  // `measured` can still be true from the previous graph when a new one loads, so the fit
  // also waits until every block of this graph has its size (else it fits unsized boxes, too
  // closely, and pushes blocks under the inspector); `nodes` changes as sizes arrive.
  const measured = useNodesInitialized();
  const fittedLoad = useRef(-1);
  // Which load the view was last fitted for, shown as `data-fit` so people and tests can tell
  // the opening view from the one that jumps into place a moment later.
  const [fittedFor, setFittedFor] = useState(-1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: sizes arriving in `nodes` retrigger
  useEffect(() => {
    if (!measured || fittedLoad.current === loadId) return;
    const shown = flow.getNodes();
    const sized = shown.every((node) => node.measured?.width && node.measured?.height);
    if (shown.length === 0 || !sized) return;
    fittedLoad.current = loadId;
    fitNow(0);
    setFittedFor(loadId);
  }, [measured, loadId, fitNow, flow, nodes]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new request is the trigger
  useEffect(() => {
    if (props.fitRequest > 0) fitNow();
  }, [props.fitRequest]);
  // Showing or hiding an overlay changes the free part of the canvas.
  // biome-ignore lint/correctness/useExhaustiveDependencies: toggles are the trigger
  useEffect(() => {
    if (fitted.current) requestAnimationFrame(() => fitNow());
  }, [showMinimap, showLegend]);
  useEffect(() => {
    const host = area.current;
    if (!host) return;
    let last = { width: host.clientWidth, height: host.clientHeight };
    const observer = new ResizeObserver(() => {
      const size = { width: host.clientWidth, height: host.clientHeight };
      if (size.width === last.width && size.height === last.height) return;
      last = size;
      if (fitted.current) fitNow(0);
    });
    observer.observe(host);
    return () => observer.disconnect();
  }, [fitNow]);

  /** A block's box at `position` (or where it is), measured when the canvas knows its size. */
  const boxOf = useCallback(
    (id: string, position?: Position) => {
      const node = store.getSnapshot().graph.nodes.find((candidate) => candidate.id === id);
      const at = position ?? node?.position;
      if (!at) return undefined;
      const size = sizes.get(id) ?? DEFAULT_BLOCK_SIZE;
      return { id, x: at.x, y: at.y, width: size.width, height: size.height };
    },
    [store, sizes],
  );

  /** Commits a move of canvas items (flow id -> position) as one undo step. */
  const commitMove = useCallback(
    (
      moved: ReadonlyMap<string, Position>,
      extra: readonly GraphCommand[] = [],
      coalesce?: string,
    ) => {
      const { graph: current } = store.getSnapshot();
      const byKind = { nodes: new Map<string, Position>(), groups: new Map(), notes: new Map() };
      for (const [flowId, at] of moved) {
        const item = canvasItem(flowId);
        byKind[item.kind].set(item.id, at);
      }
      const followers = membersFollow(current, byKind.groups, new Set(byKind.nodes.keys()));
      const positions = new Map([...followers, ...byKind.nodes]);
      const move: GraphCommand = {
        type: 'move',
        positions: Object.fromEntries(positions),
        groups: Object.fromEntries(byKind.groups),
        notes: Object.fromEntries(byKind.notes),
      };
      // Blocks dragged on their own join the frame they were dropped in (or leave theirs).
      const loose = [...byKind.nodes.keys()].filter((id) => !followers.has(id));
      const joined = membershipChanges(current, loose, (id) => boxOf(id, positions.get(id)));
      store.execute([move, ...joined, ...extra], { label: 'Move', coalesce });
    },
    [store, boxOf],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const selects: { id: string; selected: boolean }[] = [];
      let measured: Map<string, Size> | null = null;
      let moved: Map<string, Position> | null = null;
      let stepped: Map<string, Position> | null = null;
      const resized = new Map<string, Partial<Size & Position> | null>();
      for (const change of changes) {
        if (change.type === 'select') selects.push(change);
        else if (change.type === 'dimensions' && change.dimensions && change.resizing) {
          resized.set(change.id, { ...resized.get(change.id), ...change.dimensions });
        } else if (change.type === 'dimensions' && change.resizing === false) {
          resized.set(change.id, null); // resize ended; the resizer committed the new box
        } else if (change.type === 'dimensions' && change.dimensions) {
          measured ??= new Map();
          measured.set(change.id, change.dimensions);
        } else if (change.type === 'position' && change.position) {
          if (change.dragging) {
            moved ??= new Map();
            moved.set(change.id, change.position);
          } else if (change.dragging === undefined) {
            // A resize from the left or top edge moves the box too.
            resized.set(change.id, { ...resized.get(change.id), ...change.position });
          } else if (!dragging.current) {
            // Arrow keys on a focused block move the selection without a drag.
            stepped ??= new Map();
            stepped.set(change.id, change.position);
          }
        }
      }
      if (resized.size > 0) {
        setResizing((old) => {
          const next = new Map(old);
          for (const [id, box] of resized) {
            if (box === null) next.delete(id);
            else next.set(id, { ...next.get(id), ...box });
          }
          return next;
        });
      }
      if (measured) {
        const update = measured;
        setSizes((old) => new Map([...old, ...update]));
      }
      if (moved) {
        const update = moved;
        setDrag((old) => new Map([...(old ?? []), ...update]));
      }
      if (stepped) commitMove(stepped, [], 'keyboard-move');
      if (selects.length > 0) {
        store.select(nextSelection(store.getSnapshot().selection, selects, canvasItem));
      }
    },
    [store, commitMove],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = changes.filter((change) => change.type === 'select');
      if (selects.length > 0) {
        store.select(
          nextSelection(store.getSnapshot().selection, selects, (id) => ({ kind: 'edges', id })),
        );
      }
    },
    [store],
  );

  /** A lone, unwired block dragged over a wire it fits on: that wire, to highlight. */
  const insertTarget = useCallback(
    (event: globalThis.MouseEvent | TouchEvent | MouseEvent, dragged: readonly CanvasNode[]) => {
      const [only] = dragged;
      if (dragged.length !== 1 || only?.type !== 'block') return null;
      const point = pointOf(event);
      const wire = point ? wireAt(point.clientX, point.clientY) : null;
      if (!wire) return null;
      return planInsertOnWire(store.getSnapshot().graph, only.id, wire).ok ? wire : null;
    },
    [store],
  );

  const onNodeDragStart = useCallback(() => {
    dragging.current = true;
  }, []);

  const onNodeDrag = useCallback(
    (event: globalThis.MouseEvent | TouchEvent, _node: CanvasNode, dragged: CanvasNode[]) => {
      setDropWire(insertTarget(event, dragged));
    },
    [insertTarget],
  );

  const onNodeDragStop = useCallback(
    (
      event: globalThis.MouseEvent | TouchEvent,
      _node: CanvasNode | null,
      dragged: CanvasNode[],
    ) => {
      dragging.current = false;
      const moved = new Map(dragged.map((node) => [node.id, node.position]));
      const wire = insertTarget(event, dragged);
      setDropWire(null);
      setDrag(null);
      if (wire && dragged[0]) {
        const move: GraphCommand = {
          type: 'move',
          positions: { [dragged[0].id]: dragged[0].position },
        };
        if (insertOnWire(store, dragged[0].id, wire, [move]) === null) return;
      }
      commitMove(moved);
    },
    [store, insertTarget, commitMove],
  );

  const isValidConnection = useCallback(
    (connection: ConnectionLike) =>
      checkConnection(store.getSnapshot().graph, attemptOf(connection)).ok,
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const refusal = connect(store, attemptOf(connection));
      if (refusal) onRefused(`Wire refused: ${refusal}`);
    },
    [store, onRefused],
  );

  const onConnectStart = useCallback(
    (_event: unknown, params: OnConnectStartParams) => {
      if (!params.nodeId || !params.handleId) return;
      const side = params.handleType === 'source' ? 'out' : 'in';
      const node = store
        .getSnapshot()
        .graph.nodes.find((candidate) => candidate.id === params.nodeId);
      const port = docNodes
        .find((candidate) => candidate.id === node?.id)
        ?.data[side === 'out' ? 'outputs' : 'inputs'].find((spec) => spec.name === params.handleId);
      if (!port) return;
      const graph = store.getSnapshot().graph;
      const accepting = acceptingPorts(graph, { node: params.nodeId, port: params.handleId, side });
      setConnecting({
        nodeId: params.nodeId,
        port: params.handleId,
        portType: port.type,
        side,
        accepting,
      });
    },
    [store, docNodes],
  );

  const onConnectEnd = useCallback(
    (event: globalThis.MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const from = connecting;
      setConnecting(null);
      if (!from) return;
      if (state.toHandle && state.isValid === false) {
        const toSide = state.toHandle.type === 'source' ? 'out' : 'in';
        const attempt =
          from.side === 'out'
            ? {
                source: from.nodeId,
                sourcePort: from.port,
                target: state.toHandle.nodeId,
                targetPort: state.toHandle.id ?? '',
              }
            : {
                source: state.toHandle.nodeId,
                sourcePort: state.toHandle.id ?? '',
                target: from.nodeId,
                targetPort: from.port,
              };
        const check =
          toSide === from.side ? null : checkConnection(store.getSnapshot().graph, attempt);
        const reason = check && !check.ok ? check.reason : 'a wire joins an output to an input';
        onRefused(`Wire refused: ${reason}`);
        return;
      }
      if (state.toHandle || state.toNode) return;
      // Released on empty canvas: offer the blocks that can take this wire.
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const bounds = area.current?.getBoundingClientRect();
      if (!point || !bounds) return;
      looseWire.current = { nodeId: from.nodeId, port: from.port, side: from.side };
      onQuickAdd({
        at: { x: point.clientX - bounds.left, y: point.clientY - bounds.top },
        flowPosition: flow.screenToFlowPosition({ x: point.clientX, y: point.clientY }),
        filter: { portType: from.portType, side: from.side === 'out' ? 'inputs' : 'outputs' },
      });
    },
    [connecting, store, flow, onRefused, onQuickAdd],
  );

  const pickQuickAdd = (type: string): void => {
    if (!props.quickAdd) return;
    const wire = props.quickAdd.filter ? (looseWire.current ?? undefined) : undefined;
    addBlock(store, type, props.quickAdd.flowPosition, wire, undefined, (id) => sizes.get(id));
    looseWire.current = null;
    onQuickAdd(null);
  };

  const onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer.types.includes(BLOCK_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    // The block type is not readable during a drag (only on drop): any wire lights up.
    const wire = wireAt(event.clientX, event.clientY);
    if (wire !== dropWire) setDropWire(wire);
  };

  const onDrop = (event: DragEvent): void => {
    setDropWire(null);
    const type = event.dataTransfer.getData(BLOCK_DRAG_TYPE);
    if (!type) return;
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const wire = wireAt(event.clientX, event.clientY) ?? undefined;
    // The pointer holds the block by its title bar, not its corner.
    const added = addBlock(store, type, { x: at.x - 100, y: at.y - 16 }, undefined, wire, (id) =>
      sizes.get(id),
    );
    if (added?.notInserted) onRefused(`Added, but not on the wire: ${added.notInserted}`);
  };

  const onDoubleClick = (event: MouseEvent): void => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('react-flow__pane')) return;
    const bounds = area.current?.getBoundingClientRect();
    if (!bounds) return;
    onQuickAdd({
      at: { x: event.clientX - bounds.left, y: event.clientY - bounds.top },
      flowPosition: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }),
    });
  };

  return (
    <div
      className={`canvas-host${connecting ? ' is-connecting' : ''}`}
      ref={area}
      data-fit={graph.nodes.length === 0 || fittedFor === loadId ? 'done' : 'pending'}
    >
      <StoreContext.Provider value={store}>
        <ConnectingContext.Provider value={connecting}>
          <ReactFlow
            key={loadId}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStart={onNodeDragStart}
            onNodeDrag={onNodeDrag}
            onNodeDragStop={onNodeDragStop}
            onSelectionDragStart={onNodeDragStart}
            onSelectionDragStop={(event, dragged) =>
              onNodeDragStop(event.nativeEvent, null, dragged)
            }
            elevateNodesOnSelect={false}
            onConnect={onConnect}
            onConnectStart={onConnectStart}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            onDragOver={onDragOver}
            onDrop={onDrop}
            onDragLeave={() => setDropWire(null)}
            onDoubleClick={onDoubleClick}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
            zoomOnDoubleClick={false}
            snapToGrid
            snapGrid={SNAP}
            onMoveStart={(event) => {
              // Only a person's pan or zoom comes with an event; a fit does not.
              if (event) fitted.current = false;
            }}
            minZoom={0.2}
            maxZoom={2.5}
            colorMode="dark"
            proOptions={{ hideAttribution: true }}
          >
            <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
            <CanvasControls
              onFit={() => fitNow()}
              minimap={showMinimap}
              onMinimap={setShowMinimap}
              legend={showLegend}
              onLegend={setShowLegend}
            />
            {showMinimap && (
              <MiniMap
                pannable
                zoomable
                position="bottom-right"
                className="minimap"
                nodeColor={minimapColor}
                nodeBorderRadius={4}
                style={{ width: 168, height: 112 }}
              />
            )}
            {showLegend && <PortLegend graph={graph} />}
          </ReactFlow>
        </ConnectingContext.Provider>
      </StoreContext.Provider>
      {graph.nodes.length === 0 && (graph.notes ?? []).length === 0 && (
        // A block dragged from the palette may be dropped on the gallery too.
        // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for palette drags only; keyboard users add blocks from the palette or by double-click's quick-add
        <div
          className="canvas-empty"
          data-testid="canvas-empty"
          onDragOver={onDragOver}
          onDrop={onDrop}
        >
          <p className="canvas-empty-title">This graph is empty.</p>
          <p>Drag blocks from the palette, or double-click the canvas to add one.</p>
          {props.emptyOffer}
          <p className="hint">Press ? for keyboard shortcuts.</p>
        </div>
      )}
      {props.quickAdd && (
        <QuickAdd
          request={props.quickAdd}
          onPick={pickQuickAdd}
          onClose={() => {
            looseWire.current = null;
            onQuickAdd(null);
          }}
        />
      )}
    </div>
  );
}
