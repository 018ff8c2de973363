/**
 * Synced cameras of side-by-side panes: orbiting, zooming or fitting (a preset, a resize, new
 * data) one pane's camera puts every other pane's camera at the same pose. The camera a person
 * last touched, or the last one fitted, leads; the others' change events (echoes of the poses
 * handed to them) are never passed on, so there is no feedback loop. A pose a person chose is
 * handed out as such, so new data in any pane keeps that view rather than refitting it. Every pane's fit frames
 * what all the panes show, so one pose suits each of them.
 */
import type { Vec3 } from './cameraTrack';

export interface CameraPose {
  readonly position: Vec3;
  readonly target: Vec3;
}

/** A person starts orbiting or zooming, the camera changed (any cause), or it was fitted. */
export type CameraMove = 'start' | 'change' | 'fit';

/** What the link needs of a pane's camera (the scene; tests pass fakes). */
export interface LinkedCamera {
  pose(): CameraPose;
  /** Whether a person moved this camera since its last fit (new data then keeps the view). */
  isUserMoved(): boolean;
  /** Takes another pane's pose, and whether a person chose it. */
  takePose(pose: CameraPose, byUser: boolean): void;
  onCameraMove(listener: (move: CameraMove) => void): () => void;
  /** Points this camera's fits frame besides its own content (null: its own only). */
  setSharedFraming(points: (() => readonly Vec3[]) | null): void;
  /** What this camera's own fits frame (the surface's outline and the paths, world units). */
  framedPoints(): readonly Vec3[];
}

export class CameraLink {
  private readonly members = new Map<LinkedCamera, () => void>();
  private leader: LinkedCamera | null = null;
  /** Poses are being handed out: the synchronous echoes are not moves of their own. */
  private applying = false;

  /** Links `camera` to the others (it takes the leader's pose); returns the way out. */
  join(camera: LinkedCamera): () => void {
    if (this.members.has(camera)) return () => this.leave(camera);
    const stop = camera.onCameraMove((move) => this.moved(camera, move));
    this.members.set(camera, stop);
    camera.setSharedFraming(() => this.othersPoints(camera));
    const lead = this.leader ?? [...this.members.keys()].find((c) => c !== camera) ?? null;
    if (lead) this.handOut(lead, [camera]);
    return () => this.leave(camera);
  }

  /** How many cameras are linked. */
  get size(): number {
    return this.members.size;
  }

  private leave(camera: LinkedCamera): void {
    const stop = this.members.get(camera);
    if (!stop) return;
    stop();
    this.members.delete(camera);
    camera.setSharedFraming(null);
    if (this.leader === camera) this.leader = null;
  }

  private moved(camera: LinkedCamera, move: CameraMove): void {
    if (this.applying) return;
    if (move === 'start' || move === 'fit') this.leader = camera;
    if (camera !== this.leader) return;
    this.handOut(
      camera,
      [...this.members.keys()].filter((c) => c !== camera),
    );
  }

  private handOut(from: LinkedCamera, to: readonly LinkedCamera[]): void {
    const { position, target } = from.pose();
    const byUser = from.isUserMoved();
    this.applying = true;
    try {
      for (const camera of to)
        camera.takePose({ position: [...position], target: [...target] }, byUser);
    } finally {
      this.applying = false;
    }
  }

  private othersPoints(camera: LinkedCamera): Vec3[] {
    return [...this.members.keys()].filter((c) => c !== camera).flatMap((c) => c.framedPoints());
  }
}
