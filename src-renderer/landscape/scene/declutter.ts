/**
 * Labels never overlap: before a frame, every constant-size label is placed on screen, and
 * where two would overlap the less important one is hidden (greedy, most important first:
 * axis names over the loss title and critical points over tick values; earlier wins a tie).
 */
import { type Camera, type Object3D, Sprite, Vector3 } from 'three';

/** A label's box on screen (CSS px, centre and size) and its importance. */
export interface LabelBox {
  readonly cx: number;
  readonly cy: number;
  readonly w: number;
  readonly h: number;
  readonly priority: number;
}

/** Which boxes to show: none overlaps another shown one (`gap` px apart at least). */
export function declutter(boxes: readonly LabelBox[], gap = 2): boolean[] {
  const order = boxes
    .map((_, i) => i)
    .sort((a, b) => boxes[b]!.priority - boxes[a]!.priority || a - b);
  const shown = boxes.map(() => false);
  const kept: LabelBox[] = [];
  for (const i of order) {
    const b = boxes[i]!;
    const clash = kept.some(
      (k) =>
        Math.abs(k.cx - b.cx) * 2 < k.w + b.w + 2 * gap &&
        Math.abs(k.cy - b.cy) * 2 < k.h + b.h + 2 * gap,
    );
    if (clash) continue;
    shown[i] = true;
    kept.push(b);
  }
  return shown;
}

function shownInScene(o: Object3D): boolean {
  for (let p = o.parent; p; p = p.parent) if (!p.visible) return false;
  return true;
}

/**
 * Shows or hides every constant-size label under `root` for `camera` over a viewport of
 * width × height px (labels sized by `sizeScreenLabels` first).
 */
export function declutterLabels(
  root: Object3D,
  camera: Camera,
  width: number,
  height: number,
): void {
  const sprites: Sprite[] = [];
  root.traverse((o) => {
    if (o instanceof Sprite && (o.userData as { screenPx?: number }).screenPx !== undefined) {
      sprites.push(o);
    }
  });
  const v = new Vector3();
  const boxes: LabelBox[] = [];
  const placed: Sprite[] = [];
  for (const s of sprites) {
    // Only what an earlier pass hid comes back; anything hidden by others stays so.
    if (s.userData.decluttered) {
      s.visible = true;
      s.userData.decluttered = false;
    }
    if (!s.visible || !shownInScene(s)) continue;
    s.getWorldPosition(v).project(camera);
    if (v.z > 1) continue; // behind the camera
    const data = s.userData as { screenPx: number; aspect: number; priority?: number };
    boxes.push({
      cx: ((v.x + 1) / 2) * width,
      cy: ((1 - v.y) / 2) * height,
      // The sprite spans screenPx; its text a little less (the canvas pads it for the shadow).
      w: data.screenPx * data.aspect * 0.9,
      h: data.screenPx * 0.8,
      priority: data.priority ?? data.screenPx,
    });
    placed.push(s);
  }
  declutter(boxes).forEach((show, i) => {
    if (show) return;
    placed[i]!.visible = false;
    placed[i]!.userData.decluttered = true;
  });
}
