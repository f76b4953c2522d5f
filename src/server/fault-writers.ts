// The stream of writes the fault tests keep up while they break something: a few concurrent
// writers, each sending one audited write after another. A write counts as acknowledged only when
// its answer came back 201 with the new record's id: that is the promise the tests check after
// the fault (every acknowledged id is in the database). Every other answer is kept, to check that
// the API said clearly what went wrong.

export interface Answer {
  readonly status: number;
  /** The parsed body, or the text when it was not JSON; null when no answer came at all. */
  readonly body: unknown;
}

/** One write: `n` counts the writes of the stream, `writer` is which writer sends it. */
export type SendWrite = (n: number, writer: number) => Promise<Answer>;

export interface WriteStream {
  /** Ids of the acknowledged writes, in the order their answers arrived. */
  readonly acked: string[];
  /** Every answer that was not an acknowledgement, with the time it arrived. */
  readonly failures: { readonly at: number; readonly writer: number; readonly answer: Answer }[];
  /** Resolves once `ready()` holds (checked after every answer), or rejects after `ms`. */
  until(ready: () => boolean, ms: number, what: string): Promise<void>;
  /** Stops the writers and waits for the writes in flight. */
  stop(): Promise<void>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startWrites(send: SendWrite, writers = 4): WriteStream {
  const acked: string[] = [];
  const failures: WriteStream['failures'] = [];
  let stopped = false;
  let n = 0;
  const waiting = new Set<() => void>();
  const loop = async (writer: number) => {
    while (!stopped) {
      let answer: Answer;
      try {
        answer = await send(n++, writer);
      } catch {
        answer = { status: 0, body: null };
      }
      const id = (answer.body as { id?: unknown } | null)?.id;
      if (answer.status === 201 && typeof id === 'string') acked.push(id);
      else failures.push({ at: Date.now(), writer, answer });
      for (const wake of waiting) wake();
      // A failing server is not hammered: a person would not retry faster than this either.
      if (answer.status !== 201) await pause(25);
    }
  };
  const running = Array.from({ length: writers }, (_, w) => loop(w));
  return {
    acked,
    failures,
    until: (ready, ms, what) =>
      new Promise<void>((resolve, reject) => {
        if (ready()) return resolve();
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`${what}: not within ${ms} ms (${acked.length} acknowledged, ${failures.length} failed; last: ${JSON.stringify(failures.at(-1)?.answer)})`));
        }, ms);
        const check = () => {
          if (!ready()) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
      }),
    stop: async () => {
      stopped = true;
      await Promise.all(running);
    },
  };
}
