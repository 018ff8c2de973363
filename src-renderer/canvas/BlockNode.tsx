/** One block on the canvas: kind stripe, title, a one-line summary, and its typed ports. */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, memo } from 'react';
import { RunBadge } from '../engine/RunBadge';
import { fitsWire, useConnecting } from './connecting';
import type { BlockFlowNode, PortView } from './flowModel';
import { kindStyle } from './kindColors';

function PortRow(props: { port: PortView; side: 'in' | 'out'; nodeId: string }) {
  const { port, side } = props;
  const connecting = useConnecting();
  const fit = connecting ? fitsWire(connecting, props.nodeId, port.name) : null;
  const classes = [
    'handle',
    port.feedback ? 'handle-feedback' : '',
    fit === true ? 'is-compatible' : fit === false ? 'is-dimmed' : '',
  ];
  const required = side === 'in' && port.required;
  return (
    <div
      className={`port port-${side}`}
      title={`${port.name}: ${port.type}${required ? ' (required)' : ''}`}
    >
      <Handle
        id={port.name}
        type={side === 'in' ? 'target' : 'source'}
        position={side === 'in' ? Position.Left : Position.Right}
        className={classes.filter(Boolean).join(' ')}
        style={{ '--port-color': port.color } as CSSProperties}
        data-port={port.name}
        data-port-type={port.type}
      />
      <span className="port-name">
        {port.name}
        {required && <span className="port-required">*</span>}
      </span>
    </div>
  );
}

function BlockNodeView({ id, data, selected }: NodeProps<BlockFlowNode>) {
  const invalid = data.problems.length > 0;
  return (
    <div
      className={`block${selected ? ' is-selected' : ''}${invalid ? ' is-invalid' : ''}`}
      style={kindStyle(data.kind)}
      data-testid="block-node"
      data-block-type={data.type}
      data-node-id={id}
    >
      <header className="block-header">
        <span className="block-kind">{data.kind}</span>
        <span className="block-title" title={data.title}>
          {data.title}
        </span>
        <RunBadge node={id} />
        {invalid && (
          <span
            className="block-badge"
            title={data.problems.join('\n')}
            role="img"
            aria-label={`${data.problems.length} problems`}
          >
            !
          </span>
        )}
      </header>
      {data.summary && <div className="block-summary">{data.summary}</div>}
      <div className="block-ports">
        <div className="ports-in">
          {data.inputs.map((port) => (
            <PortRow key={port.name} port={port} side="in" nodeId={id} />
          ))}
        </div>
        <div className="ports-out">
          {data.outputs.map((port) => (
            <PortRow key={port.name} port={port} side="out" nodeId={id} />
          ))}
        </div>
      </div>
    </div>
  );
}

export const BlockNode = memo(BlockNodeView);
