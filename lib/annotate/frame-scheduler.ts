// Work batched per animation frame (uBlock Origin's model): tasks run in the next frame until a
// time budget is spent, then yield to the page and continue in the following frame, so no task
// the annotator adds comes near the 50 ms long-task mark. DOM-less: the frame source and the
// clock are injected (tests drive them by hand).

/** Runs until `deadline` (clock ms) or until done; returns true when finished, false to be resumed. */
export type Task = (deadline: number) => boolean;

export interface FrameSchedulerOptions {
  requestFrame: (cb: () => void) => unknown;
  now: () => number;
  /** ms of work per frame (default 8: half a 60 Hz frame). */
  budgetMs?: number;
  /** Called at the start of every frame that runs tasks (e.g. to poll location.href). */
  onFrame?: () => void;
}

export function createFrameScheduler(options: FrameSchedulerOptions) {
  const budget = options.budgetMs ?? 8;
  const queue: Task[] = [];
  let requested = false;
  let frames = 0;

  function frame() {
    requested = false;
    frames++;
    options.onFrame?.();
    const deadline = options.now() + budget;
    while (queue.length > 0) {
      const task = queue[0]!;
      if (task(deadline)) queue.shift();
      if (options.now() >= deadline) break;
    }
    if (queue.length > 0) request();
  }

  function request() {
    if (requested) return;
    requested = true;
    options.requestFrame(frame);
  }

  return {
    add(task: Task) {
      queue.push(task);
      request();
    },
    /** Asks for a frame with no task (onFrame work only). */
    poke: request,
    clear() {
      queue.length = 0;
    },
    get pending() {
      return queue.length;
    },
    get frames() {
      return frames;
    },
  };
}

export type FrameScheduler = ReturnType<typeof createFrameScheduler>;

/** A task over a list, checking the clock every `every` items (performance.now() is cheap, not free). */
export function listTask<T>(items: readonly T[], each: (item: T) => void, now: () => number, every = 16): Task {
  let i = 0;
  return (deadline) => {
    while (i < items.length) {
      each(items[i++]!);
      if (i % every === 0 && now() >= deadline) return i >= items.length;
    }
    return true;
  };
}
