/** The engine host protocol accepts well-formed messages and rejects malformed ones by name. */
import { describe, expect, it } from 'vitest';
import {
  EngineMessageSchema,
  parseEngineCommand,
  parseEngineMessage,
} from '../../../src-shared/protocol/engine';

const boundary = (over: Record<string, unknown> = {}) => ({
  type: 'boundary',
  launch: 1,
  run: 'train',
  step: 4,
  resolution: 8,
  classes: 2,
  extent: { x0: -1, x1: 1, y0: -1, y1: 1 },
  probs: new Float32Array(8 * 8 * 2),
  train: { x: new Float32Array([0, 0, 1, 1]), label: new Float32Array([0, 1]) },
  val: { x: new Float32Array(0), label: new Float32Array(0) },
  ...over,
});

const escapeRe = (s: string) => s.replace(/[().]/g, '\\$&');

describe('engine commands', () => {
  it('accepts each well-formed command', () => {
    for (const command of [
      { type: 'load', graph: '{}', launch: 3, maxSteps: 10 },
      { type: 'start' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'step' },
      { type: 'stop' },
      { type: 'setParam', node: 'adam', name: 'lr', value: 0.01 },
      { type: 'setParam', node: 'train', name: 'batchSize', value: 64 },
      { type: 'boundary', run: 'train', resolution: 48 },
    ]) {
      expect(parseEngineCommand(command)).toEqual({ ok: true, command });
    }
  });

  it.each([
    [null, '(message)'],
    [{}, 'type'],
    [{ type: 'explode' }, 'type'],
    [{ type: 'load' }, 'graph'],
    [{ type: 'load', graph: '{}', launch: -1 }, 'launch'],
    [{ type: 'load', graph: '{}', maxSteps: 0 }, 'maxSteps'],
    [{ type: 'setParam', node: '', name: 'lr', value: 1 }, 'node'],
    [{ type: 'setParam', node: 'a', name: 'lr', value: { x: 1 } }, 'value'],
    [{ type: 'setParam', node: 'a', name: 'lr' }, 'value'],
    [{ type: 'boundary', run: 'train', resolution: 4096 }, 'resolution'],
    [{ type: 'boundary', run: 'train', resolution: 12.5 }, 'resolution'],
  ])('rejects %j, naming %s', (command, where) => {
    const result = parseEngineCommand(command);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(new RegExp(`^invalid engine command: ${escapeRe(where)}: `));
  });
});

describe('engine messages', () => {
  it('accepts ready, state, events, error and boundary messages', () => {
    for (const message of [
      { type: 'ready', backend: 'wasm', reason: 'no GPU', host: 'worker' },
      { type: 'state', launch: 2, state: 'running' },
      {
        type: 'events',
        launch: 2,
        events: [
          { type: 'step', run: 'r', step: 0, epoch: 0, loss: null, lr: 0.1, gradNorm: 2, time: 1 },
          { type: 'done', run: 'r', status: 'diverged', steps: 0, finalLoss: null },
        ],
      },
      { type: 'error', command: 'load', problems: [{ path: 'nodes[0]', message: 'bad' }] },
      boundary(),
    ]) {
      expect(EngineMessageSchema.safeParse(message).success).toBe(true);
    }
  });

  it.each([
    [{ type: 'state', launch: 1, state: 'exploded' }, 'state'],
    [{ type: 'state', state: 'idle' }, 'launch'],
    [{ type: 'ready', backend: 'wasm', reason: 'x', host: 'toaster' }, 'host'],
    [
      { type: 'events', launch: 0, events: [{ type: 'step', run: 'r', step: -1, epoch: 0 }] },
      'events.0.step',
    ],
    [{ type: 'events', launch: 0, events: [{ type: 'gossip' }] }, 'events.0.type'],
    [{ type: 'error', command: 'load', problems: [{ path: 1 }] }, 'problems.0.path'],
    [boundary({ probs: new Float32Array(7) }), 'probs'],
    [boundary({ probs: Array.from({ length: 128 }, () => 0) }), 'probs'],
    [boundary({ classes: 1 }), 'classes'],
    [boundary({ train: { x: new Float32Array(3), label: new Float32Array(2) } }), 'train'],
  ])('rejects %j at %s', (message, where) => {
    const result = parseEngineMessage(message);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(new RegExp(`^invalid engine message: ${escapeRe(where)}: `));
  });
});
