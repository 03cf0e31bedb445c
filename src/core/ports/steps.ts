// Work that needs ports, written once for a synchronous world (Apps Script: every service call blocks, and Promises
// are not to be relied on) and an asynchronous one (googleapis, google.script.run): the work is a generator that
// yields each request to a port and is handed the answer (`gen.next(answer)`), or the port's error at the same
// point (`gen.throw(error)`). The two drivers below are the only code that actually calls a port, so the same
// steps make the same calls in the same order on both.

/** Requests a generator may yield to the ports in `Ports` (a record of port objects): one per method. */
export type PortRequest<Ports> = {
  [P in keyof Ports & string]: {
    [M in keyof Ports[P] & string]: Ports[P][M] extends (...args: infer A) => unknown
      ? { port: P; method: M; args: A }
      : never;
  }[keyof Ports[P] & string];
}[keyof Ports & string];

/** A computation over `Ports` that returns `T`. */
export type Steps<Ports, T> = Generator<PortRequest<Ports>, T, unknown>;

/** A port with every method answering through a Promise. */
export type PromisedPort<Port> = {
  [M in keyof Port]: Port[M] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

/** The same ports, every method answering through a Promise. */
export type Promised<Ports> = { [P in keyof Ports]: PromisedPort<Ports[P]> };

type ArgsOf<Ports, P extends keyof Ports, M extends keyof Ports[P]> = Ports[P][M] extends (...args: infer A) => unknown
  ? A
  : never;
type AnswerOf<Ports, P extends keyof Ports, M extends keyof Ports[P]> = Ports[P][M] extends (
  ...args: never[]
) => infer R
  ? R
  : never;

/** `yield* ask('people', 'listContacts')` inside steps over `Ports`: one request, its answer typed. */
export function asker<Ports>() {
  return function* ask<P extends keyof Ports & string, M extends keyof Ports[P] & string>(
    port: P,
    method: M,
    ...args: ArgsOf<Ports, P, M>
  ): Steps<Ports, AnswerOf<Ports, P, M>> {
    return (yield { port, method, args } as unknown as PortRequest<Ports>) as AnswerOf<Ports, P, M>;
  };
}

type Dispatch = Record<string, Record<string, (...args: unknown[]) => unknown>>;
type Sent = { port: string; method: string; args: unknown[] };
type Outcome = { answer: unknown } | { error: unknown };

/** Calls the port method a request names (as a method, so the port keeps its `this`). */
function send(ports: unknown, request: Sent): unknown {
  const port = (ports as Dispatch)[request.port];
  if (!port || typeof port[request.method] !== 'function')
    throw new Error(`No port method ${request.port}.${request.method}`);
  return port[request.method](...request.args);
}

/** Hands the steps their answer, or throws the port's error into them where they asked. */
function resume<Ports, T>(steps: Steps<Ports, T>, outcome: Outcome) {
  return 'error' in outcome ? steps.throw(outcome.error) : steps.next(outcome.answer);
}

function outcomeOf(call: () => unknown): Outcome {
  try {
    return { answer: call() };
  } catch (error) {
    return { error };
  }
}

async function settled(call: () => unknown): Promise<Outcome> {
  try {
    return { answer: await call() };
  } catch (error) {
    return { error };
  }
}

/** Runs steps against ports that answer at once. */
export function runSteps<Ports, T>(steps: Steps<Ports, T>, ports: Ports): T {
  let next = steps.next();
  while (!next.done) {
    const request = next.value as unknown as Sent;
    next = resume(
      steps,
      outcomeOf(() => send(ports, request)),
    );
  }
  return next.value;
}

/** Runs steps against ports that answer through Promises, one request at a time, in the order the steps ask. */
export async function runStepsAsync<Ports, T>(steps: Steps<Ports, T>, ports: Promised<Ports>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const request = next.value as unknown as Sent;
    next = resume(steps, await settled(() => send(ports, request)));
  }
  return next.value;
}
