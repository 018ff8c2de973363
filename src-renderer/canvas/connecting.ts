/** The port a wire is being dragged from, so every block can highlight the ports that fit. */
import { createContext, useContext } from 'react';

export interface ConnectingPort {
  readonly nodeId: string;
  readonly port: string;
  readonly portType: string;
  /** The side the wire starts on: an output ('out') looks for inputs, and vice versa. */
  readonly side: 'in' | 'out';
}

export const ConnectingContext = createContext<ConnectingPort | null>(null);

export function useConnecting(): ConnectingPort | null {
  return useContext(ConnectingContext);
}

/** Whether a port could take the wire being dragged (same type, other side, other block). */
export function fitsWire(
  connecting: ConnectingPort,
  nodeId: string,
  side: 'in' | 'out',
  portType: string,
): boolean {
  return (
    connecting.nodeId !== nodeId && connecting.side !== side && connecting.portType === portType
  );
}
