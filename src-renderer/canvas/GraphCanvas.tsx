/**
 * The graph canvas: React Flow drawing the document. Every edit becomes a command on the
 * store; the canvas only keeps what is transient (measured sizes, a drag in progress, the wire
 * being dragged, the quick-add box).
 */
import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  type OnConnectStartParams,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, type MouseEvent, useCallback, useMemo, useRef, useState } from 'react';
import type { DocumentStore, Selection } from '../document/documentStore';
import { useDocument } from '../document/useDocument';
import { checkConnection } from '../editor/connectionRules';
import { addBlock, connect, GRID, type LooseWire } from '../editor/editorActions';
import { BlockNode } from './BlockNode';
import { ConnectingContext, type ConnectingPort } from './connecting';
import { type BlockFlowNode, toFlowEdges, toFlowNodes } from './flowModel';
import { kindColor } from './kindColors';
import { PortLegend } from './PortLegend';
import { QuickAdd, type QuickAddRequest } from './QuickAdd';

/** The drag-and-drop type the palette puts a block type under. */
export const BLOCK_DRAG_TYPE = 'application/x-gradient-atlas-block';

const nodeTypes: NodeTypes = { block: BlockNode };
const minimapColor = (node: BlockFlowNode): string => kindColor(node.data.kind);
const SNAP: [number, number] = [GRID, GRID];

type Size = { width: number; height: number };

function nextSelection(
  current: Selection,
  changes: { id: string; selected: boolean }[],
  key: 'nodes' | 'edges',
): Selection {
  const ids = new Set(current[key]);
  for (const change of changes) {
    if (change.selected) ids.add(change.id);
    else ids.delete(change.id);
  }
  return { ...current, [key]: [...ids] };
}

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
}) {
  const { store, onRefused, onQuickAdd } = props;
  const { graph, selection, problems, loadId } = useDocument(store);
  const flow = useReactFlow();
  const area = useRef<HTMLDivElement>(null);
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  const [drag, setDrag] = useState<ReadonlyMap<string, { x: number; y: number }> | null>(null);
  const [connecting, setConnecting] = useState<ConnectingPort | null>(null);
  // A wire that ended on empty canvas waits here while quick-add offers blocks for it.
  const looseWire = useRef<LooseWire | null>(null);

  const docNodes = useMemo(
    () => toFlowNodes(graph, selection, problems),
    [graph, selection, problems],
  );
  const nodes = useMemo(
    () =>
      docNodes.map((node) => {
        const size = sizes.get(node.id);
        const moving = drag?.get(node.id);
        return {
          ...node,
          ...(size ? { measured: size } : {}),
          ...(moving ? { position: moving, dragging: true } : {}),
        };
      }),
    [docNodes, sizes, drag],
  );
  const edges = useMemo(() => toFlowEdges(graph, selection), [graph, selection]);
  // Fit a loaded graph once; an empty document keeps its viewport while blocks are added.
  // biome-ignore lint/correctness/useExhaustiveDependencies: decided once per loaded document
  const fitOnLoad = useMemo(() => graph.nodes.length > 0, [loadId]);

  const onNodesChange = useCallback(
    (changes: NodeChange<BlockFlowNode>[]) => {
      const selects: { id: string; selected: boolean }[] = [];
      let measured: Map<string, Size> | null = null;
      let moved: Map<string, { x: number; y: number }> | null = null;
      for (const change of changes) {
        if (change.type === 'select') selects.push(change);
        else if (change.type === 'dimensions' && change.dimensions) {
          measured ??= new Map();
          measured.set(change.id, change.dimensions);
        } else if (change.type === 'position' && change.dragging && change.position) {
          moved ??= new Map();
          moved.set(change.id, change.position);
        }
      }
      if (measured) {
        const update = measured;
        setSizes((old) => new Map([...old, ...update]));
      }
      if (moved) {
        const update = moved;
        setDrag((old) => new Map([...(old ?? []), ...update]));
      }
      if (selects.length > 0) {
        store.select(nextSelection(store.getSnapshot().selection, selects, 'nodes'));
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = changes.filter((change) => change.type === 'select');
      if (selects.length > 0) {
        store.select(nextSelection(store.getSnapshot().selection, selects, 'edges'));
      }
    },
    [store],
  );

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: BlockFlowNode, dragged: BlockFlowNode[]) => {
      const positions = Object.fromEntries(dragged.map((node) => [node.id, node.position]));
      store.execute({ type: 'move', positions });
      setDrag(null);
    },
    [store],
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
      setConnecting({ nodeId: params.nodeId, port: params.handleId, portType: port.type, side });
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
    addBlock(store, type, props.quickAdd.flowPosition, wire);
    looseWire.current = null;
    onQuickAdd(null);
  };

  const onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer.types.includes(BLOCK_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent): void => {
    const type = event.dataTransfer.getData(BLOCK_DRAG_TYPE);
    if (!type) return;
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // The pointer holds the block by its title bar, not its corner.
    addBlock(store, type, { x: at.x - 100, y: at.y - 16 });
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
    <div className={`canvas-host${connecting ? ' is-connecting' : ''}`} ref={area}>
      <ConnectingContext.Provider value={connecting}>
        <ReactFlow
          key={loadId}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onDragOver={onDragOver}
          onDrop={onDrop}
          onDoubleClick={onDoubleClick}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          zoomOnDoubleClick={false}
          snapToGrid
          snapGrid={SNAP}
          fitView={fitOnLoad}
          fitViewOptions={{ padding: 0.08, maxZoom: 1.1 }}
          minZoom={0.2}
          maxZoom={2.5}
          colorMode="dark"
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
          <Controls showInteractive={false} position="bottom-right" className="canvas-controls" />
          <MiniMap
            pannable
            zoomable
            position="bottom-right"
            className="minimap"
            nodeColor={minimapColor}
            nodeBorderRadius={4}
            style={{ width: 168, height: 112 }}
          />
          <PortLegend graph={graph} />
        </ReactFlow>
      </ConnectingContext.Provider>
      {graph.nodes.length === 0 && (
        <div className="canvas-empty">
          <p>Drag blocks from the palette, or double-click the canvas to add one.</p>
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
