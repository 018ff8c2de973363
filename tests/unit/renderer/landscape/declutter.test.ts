/** Labels never overlap: the less important of two overlapping labels is hidden. */
import { Group, PerspectiveCamera, Sprite } from 'three';
import { describe, expect, it } from 'vitest';
import { declutter, declutterLabels } from '../../../../src-renderer/landscape/scene/declutter';

const box = (cx: number, cy: number, priority: number) => ({ cx, cy, w: 40, h: 12, priority });

describe('label declutter', () => {
  it('keeps the more important of two overlapping labels, and every label clear of others', () => {
    // Tick at (100, 100); an axis name over it; a tick far away; a tick touching the name.
    const shown = declutter([
      box(100, 100, 12),
      box(110, 104, 16),
      box(300, 100, 12),
      box(150, 104, 12),
    ]);
    expect(shown).toEqual([false, true, true, false]);
  });

  it('lets the earlier of equals win, and keeps labels a gap apart', () => {
    expect(declutter([box(0, 0, 12), box(41, 0, 12)])).toEqual([true, false]);
    expect(declutter([box(0, 0, 12), box(45, 0, 12)])).toEqual([true, true]);
  });

  it('hides overlapping sprites in a scene and shows them again once clear', () => {
    const camera = new PerspectiveCamera(45, 1, 0.1, 10);
    camera.position.set(0, 0, 5);
    camera.lookAt(0, 0, 0);
    camera.updateMatrixWorld();
    const root = new Group();
    const label = (x: number, px: number) => {
      const s = new Sprite();
      s.userData = { screenPx: px, aspect: 3 };
      s.position.set(x, 0, 0);
      root.add(s);
      return s;
    };
    const tick = label(0, 12);
    const name = label(0.01, 16);
    const far = label(1.5, 12);
    // Hidden by someone else: not shown by the declutter.
    const off = label(-1.5, 12);
    off.visible = false;
    root.updateMatrixWorld();
    declutterLabels(root, camera, 800, 800);
    expect([tick.visible, name.visible, far.visible, off.visible]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    name.position.x = 1;
    root.updateMatrixWorld();
    declutterLabels(root, camera, 800, 800);
    expect([tick.visible, name.visible, off.visible]).toEqual([true, true, false]);
  });
});
