/**
 * The canvas's zoom controls (bottom right) with three more buttons: fit the graph, and show or
 * hide the minimap and the port legend (each a pressed/unpressed toggle named for what it does).
 */
import { ControlButton, Controls } from '@xyflow/react';
import type { ReactNode } from 'react';

function OverlayToggle(props: {
  readonly shown: boolean;
  readonly what: string;
  readonly testId: string;
  readonly onChange: (shown: boolean) => void;
  readonly children: ReactNode;
}) {
  const label = `${props.shown ? 'Hide' : 'Show'} the ${props.what}`;
  return (
    <ControlButton
      onClick={() => props.onChange(!props.shown)}
      title={label}
      aria-label={label}
      aria-pressed={props.shown}
      data-testid={props.testId}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        {props.children}
      </svg>
    </ControlButton>
  );
}

export function CanvasControls(props: {
  readonly onFit: () => void;
  readonly minimap: boolean;
  readonly onMinimap: (shown: boolean) => void;
  readonly legend: boolean;
  readonly onLegend: (shown: boolean) => void;
}) {
  return (
    <Controls
      showInteractive={false}
      showFitView={false}
      position="bottom-right"
      className="canvas-controls"
    >
      <ControlButton
        onClick={props.onFit}
        title="Fit the graph in view (F)"
        aria-label="Fit the graph in view"
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
        </svg>
      </ControlButton>
      <OverlayToggle
        shown={props.minimap}
        what="minimap"
        testId="toggle-minimap"
        onChange={props.onMinimap}
      >
        <rect
          x="3"
          y="5"
          width="18"
          height="14"
          rx="2"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        />
        <rect x="12" y="11" width="6" height="5" fill="currentColor" />
      </OverlayToggle>
      <OverlayToggle
        shown={props.legend}
        what="port legend"
        testId="toggle-legend"
        onChange={props.onLegend}
      >
        <circle cx="6" cy="8" r="2.5" fill="currentColor" />
        <circle cx="6" cy="16" r="2.5" fill="currentColor" />
        <path d="M11 8h9M11 16h9" stroke="currentColor" strokeWidth="2" />
      </OverlayToggle>
    </Controls>
  );
}
