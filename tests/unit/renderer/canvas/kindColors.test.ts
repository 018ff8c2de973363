import { describe, expect, it } from 'vitest';
import {
  installKindColors,
  kindColor,
  kindColorVariables,
  kindStyle,
  portColor,
} from '../../../../src-renderer/canvas/kindColors';
import { BLOCK_KINDS, catalog } from '../../../../src-shared/graph';

describe('kind colours: one table', () => {
  it('gives every kind of the catalog its own colour, and unknown kinds a grey', () => {
    const colors = BLOCK_KINDS.map(kindColor);
    expect(new Set(colors).size).toBe(BLOCK_KINDS.length);
    for (const color of colors) expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(kindColor('dataset')).toBe('#4fc3f7');
    expect(kindColor('no-such-kind')).toBe('#8b94a5');
  });

  it('colours a port type like the kind of the blocks that output it', () => {
    for (const block of catalog) {
      for (const port of block.outputs) expect(portColor(port.type)).toBe(kindColor(block.kind));
    }
    expect(portColor('lr')).toBe(kindColor('schedule'));
    expect(portColor('run')).toBe(kindColor('train'));
    expect(portColor('series')).toBe(kindColor('metric'));
  });

  it('gives a type no block outputs the same colour every time', () => {
    expect(portColor('tensor-of-doom')).toBe(portColor('tensor-of-doom'));
    expect(portColor('tensor-of-doom')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('sets the stylesheet variables from the table, one per kind and one for unknown', () => {
    const set = new Map<string, string>();
    installKindColors({ setProperty: (name: string, value: string) => void set.set(name, value) });
    expect([...set.keys()].sort()).toEqual(
      [...BLOCK_KINDS.map((kind) => `--kind-${kind}`), '--kind-unknown'].sort(),
    );
    expect(set.get('--kind-optimizer')).toBe(kindColor('optimizer'));
    expect(kindColorVariables()).toHaveLength(BLOCK_KINDS.length + 1);
    expect(kindStyle('model')).toEqual({ '--kind': kindColor('model') });
  });
});
