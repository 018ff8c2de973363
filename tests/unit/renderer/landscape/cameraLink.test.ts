/**
 * Synced cameras of side-by-side panes: orbiting one moves the others to its pose, a fit
 * (preset, resize, new data) is handed out too, the followers' echoes never lead (no feedback
 * loop), a pane joining takes the shared pose, each pane frames what the others frame, and a
 * pane that left is neither moved nor moving.
 */
import { describe, expect, it } from 'vitest';
import {
  CameraLink,
  type CameraMove,
  type LinkedCamera,
} from '../../../../src-renderer/landscape/cameraLink';
import type { Vec3 } from '../../../../src-renderer/landscape/cameraTrack';

/** A camera that echoes every pose it is given, as OrbitControls does on its next update. */
function fakeCamera(points: Vec3[] = []) {
  let position: Vec3 = [0, 0, 5];
  let target: Vec3 = [0, 0, 0];
  const listeners = new Set<(m: CameraMove) => void>();
  let framing: (() => readonly Vec3[]) | null = null;
  let setCount = 0;
  let userMoved = false;
  const tell = (m: CameraMove) => {
    for (const l of [...listeners]) l(m);
  };
  const camera: LinkedCamera = {
    pose: () => ({ position, target }),
    isUserMoved: () => userMoved,
    takePose(pose, byUser) {
      setCount++;
      position = pose.position;
      target = pose.target;
      userMoved = byUser;
      tell('change'); // the echo
    },
    onCameraMove(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    setSharedFraming: (p) => {
      framing = p;
    },
    framedPoints: () => points,
  };
  return {
    camera,
    /** A person drags: start, then changes. */
    orbit(p: Vec3) {
      userMoved = true;
      tell('start');
      position = p;
      tell('change');
    },
    /** Damping's glide after the drag: changes with no start. */
    glide(p: Vec3) {
      position = p;
      tell('change');
    },
    fit(p: Vec3, t: Vec3) {
      position = p;
      target = t;
      userMoved = false;
      tell('fit');
    },
    userMoved: () => userMoved,
    framing: () => framing?.() ?? [],
    sets: () => setCount,
    listeners: () => listeners.size,
  };
}

describe('camera link', () => {
  it("orbiting one pane puts the others at its pose, glide included; echoes don't lead", () => {
    const link = new CameraLink();
    const a = fakeCamera();
    const b = fakeCamera();
    const c = fakeCamera();
    for (const f of [a, b, c]) link.join(f.camera);
    a.orbit([3, 1, 2]);
    expect(b.camera.pose().position).toEqual([3, 1, 2]);
    expect(c.camera.pose().position).toEqual([3, 1, 2]);
    const sets = b.sets();
    a.glide([3, 2, 2]);
    expect(b.sets()).toBe(sets + 1);
    expect(c.camera.pose().position).toEqual([3, 2, 2]);
    // A follower's own later echo (its controls' next update) hands nothing back.
    b.glide([3, 2, 2]);
    expect(a.sets()).toBe(0);
    // Now the person orbits b: b leads, a follows.
    b.orbit([-1, 4, 0]);
    expect(a.camera.pose().position).toEqual([-1, 4, 0]);
    a.glide([9, 9, 9]); // a stale glide of a no longer leads
    expect(b.camera.pose().position).toEqual([-1, 4, 0]);
  });

  it('a fit (preset, resize, new data) is handed out with its target', () => {
    const link = new CameraLink();
    const a = fakeCamera();
    const b = fakeCamera();
    link.join(a.camera);
    link.join(b.camera);
    b.fit([2, 2, 2], [0, 0.3, 0]);
    expect(a.camera.pose()).toEqual({ position: [2, 2, 2], target: [0, 0.3, 0] });
    expect(a.userMoved()).toBe(false);
  });

  it("a person's pose is handed out as theirs: new data in a follower keeps it", () => {
    const link = new CameraLink();
    const a = fakeCamera();
    const b = fakeCamera();
    link.join(a.camera);
    link.join(b.camera);
    a.orbit([1, 1, 1]);
    expect(b.userMoved()).toBe(true);
    a.fit([2, 2, 2], [0, 0, 0]); // Iso: a fit again, for everyone
    expect(b.userMoved()).toBe(false);
  });

  it("a joining pane takes the leader's pose; each pane frames the others' points too", () => {
    const link = new CameraLink();
    const a = fakeCamera([[1, 0, 1]]);
    link.join(a.camera);
    a.orbit([4, 4, 4]);
    const b = fakeCamera([[-2, 0, -2]]);
    link.join(b.camera);
    expect(b.camera.pose().position).toEqual([4, 4, 4]);
    expect(a.framing()).toEqual([[-2, 0, -2]]);
    expect(b.framing()).toEqual([[1, 0, 1]]);
    expect(link.size).toBe(2);
  });

  it('a pane that left neither follows nor leads, and frames only its own', () => {
    const link = new CameraLink();
    const a = fakeCamera([[1, 0, 1]]);
    const b = fakeCamera([[-2, 0, -2]]);
    link.join(a.camera);
    const leave = link.join(b.camera);
    leave();
    expect(b.listeners()).toBe(0);
    expect(b.framing()).toEqual([]);
    expect(a.framing()).toEqual([]);
    a.orbit([5, 0, 0]);
    expect(b.camera.pose().position).not.toEqual([5, 0, 0]);
    b.orbit([7, 0, 0]);
    expect(a.camera.pose().position).toEqual([5, 0, 0]);
    expect(link.size).toBe(1);
  });

  it('poses are copied, never shared arrays', () => {
    const link = new CameraLink();
    const a = fakeCamera();
    const b = fakeCamera();
    link.join(a.camera);
    link.join(b.camera);
    a.orbit([1, 2, 3]);
    expect(b.camera.pose().position).not.toBe(a.camera.pose().position);
  });
});
