/** Text labels in the 3D scene: a sprite with the text drawn on a canvas texture. */
import { CanvasTexture, LinearFilter, type Object3D, Sprite, SpriteMaterial } from 'three';

export interface TextStyle {
  readonly color?: string;
  readonly size?: number;
  readonly weight?: number;
  /** World height of the label. */
  readonly height?: number;
  /**
   * Screen height in CSS pixels instead: the label keeps that size at any zoom (no size
   * attenuation); `sizeScreenLabels` sets its scale for the viewport.
   */
  readonly screenPx?: number;
}

/**
 * Scales every constant-size label under `root` for a perspective camera of vertical field
 * of view `fovDeg` over a viewport `viewportPx` tall. Without attenuation three.js multiplies a
 * sprite's scale by its depth, so a scale s spans s · cot(fov/2) · H / 2 pixels at any depth.
 */
export function sizeScreenLabels(root: Object3D, fovDeg: number, viewportPx: number): void {
  const cot = 1 / Math.tan((fovDeg * Math.PI) / 360);
  root.traverse((o) => {
    const px = (o.userData as { screenPx?: number }).screenPx;
    if (!(o instanceof Sprite) || px === undefined) return;
    const h = (2 * px) / (cot * Math.max(1, viewportPx));
    const aspect = (o.userData as { aspect: number }).aspect;
    o.scale.set(h * aspect, h, 1);
  });
}

export function textSprite(text: string, style: TextStyle = {}): Sprite {
  const size = style.size ?? 40;
  const font = `${style.weight ?? 500} ${size}px Inter, system-ui, sans-serif`;
  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d')!;
  measure.font = font;
  const width = Math.ceil(measure.measureText(text).width) + 12;
  canvas.width = width;
  canvas.height = Math.ceil(size * 1.4);
  const ctx = canvas.getContext('2d')!;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.shadowColor = 'rgba(0, 0, 0, 0.85)';
  ctx.shadowBlur = 6;
  ctx.fillStyle = style.color ?? '#d7dce6';
  ctx.fillText(text, 6, canvas.height / 2);
  const texture = new CanvasTexture(canvas);
  texture.minFilter = LinearFilter;
  const material = new SpriteMaterial({
    map: texture,
    depthWrite: false,
    transparent: true,
    sizeAttenuation: style.screenPx === undefined,
  });
  const sprite = new Sprite(material);
  const h = style.height ?? 0.07;
  sprite.scale.set((h * canvas.width) / canvas.height, h, 1);
  if (style.screenPx !== undefined) {
    sprite.userData = { screenPx: style.screenPx, aspect: canvas.width / canvas.height };
  }
  sprite.renderOrder = 10;
  return sprite;
}

export function disposeSprite(sprite: Sprite): void {
  sprite.material.map?.dispose();
  sprite.material.dispose();
}
