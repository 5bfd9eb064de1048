// Runs async tasks one after another. Settings updates are read-modify-write; two quick messages
// (add A, add B) must not both read the old list and lose one of the addresses.
export function createSerializer(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
