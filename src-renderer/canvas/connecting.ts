/**
 * The wire being dragged, so every block can light up the ports that would take it. Which
 * ports those are is the wiring rules' answer (src-shared's `acceptingPorts`), not a guess.
 */
import { createContext, useContext } from 'react';
import { portKey } from '../../src-shared/graph';

export interface ConnectingPort {
  readonly nodeId: string;
  readonly port: string;
  readonly portType: string;
  /** The side the wire starts on: an output ('out') looks for inputs, and vice versa. */
  readonly side: 'in' | 'out';
  /** The ports that would accept this wire, by `portKey`. */
  readonly accepting: ReadonlySet<string>;
}

export const ConnectingContext = createContext<ConnectingPort | null>(null);

export function useConnecting(): ConnectingPort | null {
  return useContext(ConnectingContext);
}

/** Whether a port would take the wire being dragged. */
export function fitsWire(connecting: ConnectingPort, nodeId: string, port: string): boolean {
  return connecting.accepting.has(portKey(nodeId, port));
}
