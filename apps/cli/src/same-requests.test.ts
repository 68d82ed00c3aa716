import { basename } from 'node:path';
import { createSimulatedModel } from '@tp2dg/agents';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import type { CallRecord, ModelMessage, Session } from '@tp2dg/entities';
import { createGeminiAdapter } from '@tp2dg/gemini-adapter';
import {
  type EmulatedGenerateBody,
  emulatedApiError,
  startGeminiEmulator,
} from '@tp2dg/gemini-adapter/testing';
import { generateConversation } from '@tp2dg/orchestrator';
import { loadGoalCatalog, loadPromptSet } from '@tp2dg/prompts';
import { describe, expect, it } from 'vitest';
import { DUMMY } from './test-support/run-command.js';

/** What a request shows the model, in order: text as is, a file by its name. */
type Shown = string[];

function shownByRecord(call: CallRecord): Shown {
  const parts = call.request.messages.flatMap((message: ModelMessage) => message.parts);
  const shown = parts.map((part) => (part.kind === 'text' ? part.text : `file:${basename(part.path)}`));
  return [call.request.system_instruction ?? '', ...shown];
}

function shownOnWire(body: EmulatedGenerateBody, fileNames: ReadonlyMap<string, string>): Shown {
  const system = (body.systemInstruction?.parts ?? []).map((part) => String(part.text ?? '')).join('');
  const parts = body.contents.flatMap((content) => content.parts);
  const shown = parts.map((part) => {
    const fileData = part.fileData as { fileUri: string } | undefined;
    return fileData === undefined ? String(part.text) : `file:${fileNames.get(fileData.fileUri)}`;
  });
  return [system, ...shown];
}

describe('one code path builds the requests of every backend', () => {
  it('should send Gemini exactly what the simulated backend receives, for the same session and seed', async () => {
    const [prompts, catalog] = await Promise.all([loadPromptSet(), loadGoalCatalog()]);
    const loader = await referenceDataLoader.create({ dataDir: DUMMY, profileSize: 5 });
    const sessions: Session[] = [];
    for await (const session of loader.sessions()) sessions.push(session);
    const session = sessions[0] as Session;
    const common = {
      session,
      prompts,
      catalog,
      turns: 8,
      seed: 11,
      responseFormat: 'yaml' as const,
      maxReasks: 2,
    };

    const simulated = await generateConversation({
      ...common,
      model: createSimulatedModel({ session, seed: 11, catalog, turns: 8 }),
    });

    // The emulator answers each request with what the simulated backend answered to the same request.
    const answers = new Map(
      simulated.calls.map((call) => [JSON.stringify(shownByRecord(call)), call.response_text]),
    );
    const fileNames = new Map<string, string>();
    const emulator = await startGeminiEmulator({
      respond: (request) => {
        for (const upload of emulator.uploads) fileNames.set(upload.uri, upload.displayName ?? '');
        const text = answers.get(JSON.stringify(shownOnWire(request.body, fileNames)));
        return text === undefined
          ? emulatedApiError(400, { message: 'not a request the simulated backend saw' })
          : { text };
      },
    });
    try {
      const gemini = createGeminiAdapter({
        apiKey: 'test-key',
        model: 'gemini-2.5-flash',
        baseUrl: emulator.baseUrl,
        env: {},
      });
      const viaGemini = await generateConversation({ ...common, model: gemini });
      const order = (calls: CallRecord[]) => calls.map((call) => JSON.stringify(call.request));
      expect(order(viaGemini.calls).sort()).toEqual(order(simulated.calls).sort());
      expect(viaGemini.calls).toHaveLength(20);
      expect(emulator.requests).toHaveLength(20);
      expect(viaGemini.chat).toEqual(simulated.chat);
    } finally {
      await emulator.close();
    }
  });
});
