import { describe, expect, it } from 'vitest';
import { createFrameScheduler, listTask } from './frame-scheduler.js';

/** A hand-driven frame source and clock: each item of work advances the clock by `cost` ms. */
function harness(budgetMs = 8) {
  let t = 0;
  const frames: (() => void)[] = [];
  const onFrame: number[] = [];
  const s = createFrameScheduler({ requestFrame: (cb) => frames.push(cb), now: () => t, budgetMs, onFrame: () => onFrame.push(t) });
  return { s, frames, onFrame, advance: (ms: number) => (t += ms), runFrame: () => frames.shift()!(), now: () => t };
}

describe('frame scheduler', () => {
  it('runs nothing synchronously and asks for one frame however many tasks are added', () => {
    const h = harness();
    let ran = 0;
    h.s.add(() => (ran++, true));
    h.s.add(() => (ran++, true));
    expect(ran).toBe(0);
    expect(h.frames).toHaveLength(1);
    h.runFrame();
    expect(ran).toBe(2);
    expect(h.frames).toHaveLength(0);
  });

  it('spreads a long list over frames within the budget and keeps order', () => {
    const h = harness(8);
    const seen: number[] = [];
    const items = Array.from({ length: 1000 }, (_, i) => i);
    h.s.add(listTask(items, (i) => {
      seen.push(i);
      h.advance(0.1); // 0.1 ms per item -> ~80 items (plus one check interval) per frame
    }, h.now, 16));
    let frames = 0;
    let worst = 0;
    while (h.frames.length) {
      const start = h.now();
      h.runFrame();
      worst = Math.max(worst, h.now() - start);
      frames++;
    }
    expect(seen).toEqual(items);
    expect(frames).toBeGreaterThan(10);
    // Never more than budget + one check interval of work in a frame.
    expect(worst).toBeLessThanOrEqual(8 + 16 * 0.1 + 1e-9);
  });

  it('a task that yields resumes in the next frame before later tasks run', () => {
    const h = harness(5);
    const log: string[] = [];
    let calls = 0;
    h.s.add((deadline) => {
      log.push(`a${calls++}`);
      h.advance(6);
      return calls >= 2 || h.now() < deadline;
    });
    h.s.add(() => (log.push('b'), true));
    h.runFrame();
    expect(log).toEqual(['a0']);
    h.runFrame();
    expect(log).toEqual(['a0', 'a1']);
    h.runFrame();
    expect(log).toEqual(['a0', 'a1', 'b']);
  });

  it('poke runs onFrame (URL polling, request flush) without a task; clear drops queued work', () => {
    const h = harness();
    h.s.poke();
    h.s.poke();
    expect(h.frames).toHaveLength(1);
    h.runFrame();
    expect(h.onFrame).toHaveLength(1);
    let ran = false;
    h.s.add(() => (ran = true));
    h.s.clear();
    h.runFrame();
    expect(ran).toBe(false);
    expect(h.s.pending).toBe(0);
  });
});
