/**
 * One landscape computation at a time for every pane: the engine runs a single landscape and
 * a new request cancels the one in flight, so side-by-side panes queue theirs here. Request
 * numbers are unique across channels (answers are told apart by number); a pane's newer
 * request replaces its own waiting or running one; an error goes only to the pane whose
 * request failed (engine errors carry no request number). A new launch or a lost engine ends
 * what was in flight and what waited: the engine forgot them, and the panes ask again.
 */
import { filter, map, type Observable, Subject, type Subscription } from 'rxjs';
import type { EngineCommand, EngineMessage } from '../../src-shared/protocol/engine';
import type { LandscapeCommand } from '../../src-shared/protocol/landscape';

/** One pane's way to the engine's landscapes. */
export interface LandscapeChannel {
  /** The engine's messages, less the landscape errors of other panes' requests. */
  readonly messages$: Observable<EngineMessage>;
  /** A request number no other pane uses. */
  nextRequest(): number;
  /** Sends now, or once the other panes' requests before it are answered. */
  send(command: LandscapeCommand): void;
  /** Drops this pane's waiting request, or cancels it in the engine when it is running. */
  cancel(): void;
}

export interface LandscapeQueue {
  channel(): LandscapeChannel;
  dispose(): void;
}

/** What the queue needs of the engine client. */
export interface LandscapeEngine {
  readonly messages$: Observable<EngineMessage>;
  readonly hostLost$?: Observable<string>;
  send(command: EngineCommand): void;
}

export function createLandscapeQueue(engine: LandscapeEngine): LandscapeQueue {
  let requests = 0;
  let channels = 0;
  let launch = 0;
  let running: { owner: number; request: number } | null = null;
  const waiting: { owner: number; command: LandscapeCommand }[] = [];
  const routed = new Subject<{ message: EngineMessage; to: number | null }>();

  const post = (owner: number, command: LandscapeCommand) => {
    running = { owner, request: command.request };
    engine.send(command);
  };
  const finish = () => {
    running = null;
    const next = waiting.shift();
    if (next) post(next.owner, next.command);
  };
  const forget = () => {
    running = null;
    waiting.length = 0;
  };

  const onMessage = (message: EngineMessage) => {
    let to: number | null = null;
    if (message.type === 'state' && message.launch > launch) {
      // The engine's load cancelled its landscape work; the panes clear and ask again.
      launch = message.launch;
      forget();
    } else if (message.type === 'landscapeResult' && message.request === running?.request) {
      finish();
    } else if (message.type === 'error' && message.command === 'landscape' && running) {
      to = running.owner;
      finish();
    }
    routed.next({ message, to });
  };
  const subscriptions: Subscription[] = [
    engine.messages$.subscribe(onMessage),
    ...(engine.hostLost$ ? [engine.hostLost$.subscribe(forget)] : []),
  ];

  return {
    channel() {
      const id = ++channels;
      return {
        messages$: routed.pipe(
          filter((r) => r.to === null || r.to === id),
          map((r) => r.message),
        ),
        nextRequest: () => ++requests,
        send(command) {
          // Idle, or this pane's own request running: the engine replaces it at once.
          if (!running || running.owner === id) {
            post(id, command);
            return;
          }
          const own = waiting.findIndex((w) => w.owner === id);
          if (own >= 0) waiting[own] = { owner: id, command };
          else waiting.push({ owner: id, command });
        },
        cancel() {
          const own = waiting.findIndex((w) => w.owner === id);
          if (own >= 0) waiting.splice(own, 1);
          if (running?.owner !== id) return;
          engine.send({ type: 'landscapeCancel' });
          finish();
        },
      };
    },
    dispose() {
      for (const s of subscriptions) s.unsubscribe();
      routed.complete();
      forget();
    },
  };
}
