/**
 * The app's run session over a recorded engine: an example opened as the document, every
 * message the UI sends kept (`commands`, without the per-frame `boundary`), and `deliver` to
 * play the engine's answers back.
 */
import { readFileSync } from 'node:fs';
import { EngineClient } from '../../../../src-renderer/engine/engineClient';
import { createRunSession } from '../../../../src-renderer/engine/runSession';
import { createRunStore } from '../../../../src-renderer/engine/runStore';
import { createDocumentStore } from '../../../../src-shared/editor/document-store';
import { parseGraphText } from '../../../../src-shared/graph';

export type SentMessage = { type: string; [key: string]: unknown };

export function recordedEngine(example: string) {
  const parsed = parseGraphText(readFileSync(`resources/examples/${example}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(`the ${example} example does not parse`);
  const sent: SentMessage[] = [];
  let deliver: (data: unknown) => void = () => {};
  const client = new EngineClient(
    {
      postMessage: (m) => sent.push(m as SentMessage),
      onMessage(listener) {
        deliver = listener;
        return () => {};
      },
    },
    (frame) => frame(),
  );
  const documents = createDocumentStore(parsed.graph, { name: `${example}.json`, path: null });
  const runs = createRunStore();
  const session = createRunSession(client, runs, documents);
  return {
    client,
    runs,
    session,
    documents,
    commands: () => sent.filter((m) => m.type !== 'boundary'),
    deliver: (data: unknown) => deliver(data),
  };
}
