/**
 * Contour lines: drawn by the surface's shader on the surface (no z-fighting), and projected
 * on the floor under it in the 3D view.
 */
import { Group } from 'three';
import { contourLevels } from '../../heightScale';
import { ContourLines } from '../contourLines';
import { defineOverlay, type OverlayFrame, type SceneOverlay } from './overlay';

function contourLayer(): SceneOverlay {
  const group = new Group();
  const lines = new ContourLines();
  group.add(lines.floorLines);
  let on = false;
  const show = (next: boolean, at: OverlayFrame | null) => {
    on = next;
    lines.floorLines.visible = on && !(at?.style.view2d ?? false);
    at?.surface.showContours(on ? at.style.contourCount : 0, at.frame.y(1));
  };
  return {
    group,
    rebuild(at) {
      const { style, frame, surface } = at;
      lines.update(
        surface.values,
        at.data.xs,
        at.data.ys,
        contourLevels(at.scale, style.contourCount),
        frame,
        at.floorY,
      );
      show(on, at);
    },
    moveTo: () => {},
    shown: show,
    dispose: () => lines.dispose(),
  };
}

export const contoursOverlay = defineOverlay({
  id: 'contours',
  label: 'Contours',
  title: 'Contour lines on the surface and on the floor',
  create: contourLayer,
});
