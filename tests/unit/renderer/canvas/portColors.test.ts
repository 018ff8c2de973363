import { describe, expect, it } from 'vitest';
import { portColor } from '../../../../src-renderer/canvas/portColors';

describe('portColor', () => {
  it('gives the fixed colour of a known port type', () => {
    expect(portColor('dataset')).toBe('#4fc3f7');
    expect(portColor('optimizer')).toBe('#ffb74d');
  });

  it('gives an unknown type the same colour every time', () => {
    expect(portColor('tensor-of-doom')).toBe(portColor('tensor-of-doom'));
    expect(portColor('tensor-of-doom')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
