/** Text labels in the 3D scene: a sprite with the text drawn on a canvas texture. */
import { CanvasTexture, LinearFilter, Sprite, SpriteMaterial } from 'three';

export interface TextStyle {
  readonly color?: string;
  readonly size?: number;
  readonly weight?: number;
  /** World height of the label. */
  readonly height?: number;
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
  const material = new SpriteMaterial({ map: texture, depthWrite: false, transparent: true });
  const sprite = new Sprite(material);
  const h = style.height ?? 0.07;
  sprite.scale.set((h * canvas.width) / canvas.height, h, 1);
  sprite.renderOrder = 10;
  return sprite;
}

export function disposeSprite(sprite: Sprite): void {
  sprite.material.map?.dispose();
  sprite.material.dispose();
}
