import { basename } from 'node:path';
import { createSimulatedModel, DEFAULT_LANGUAGE } from '@tp2dg/agents';
import { dummyCorpusDir } from '@tp2dg/data-dummy';
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
import { DEFAULT_MODEL } from './model-choice.js';

/**
 * What a request shows the model, in order: the system instruction, then each message as
 * its role followed by its parts (text as is, a file by its name), then the reply schema.
 */
type Shown = string[];

function shownByRecord(call: CallRecord): Shown {
  const messages = call.request.messages.flatMap((message: ModelMessage) => [
    `role:${message.role}`,
    ...message.parts.map((part) => (part.kind === 'text' ? part.text : `file:${basename(part.path)}`)),
  ]);
  const schema = JSON.stringify(call.request.response_json_schema ?? null);
  return [call.request.system_instruction ?? '', ...messages, `schema:${schema}`];
}

function shownOnWire(body: EmulatedGenerateBody, fileNames: ReadonlyMap<string, string>): Shown {
  const system = (body.systemInstruction?.parts ?? []).map((part) => String(part.text ?? '')).join('');
  const messages = body.contents.flatMap((content) => [
    `role:${content.role}`,
    ...content.parts.map((part) => {
      const fileData = part.fileData as { fileUri: string } | undefined;
      return fileData === undefined ? String(part.text) : `file:${fileNames.get(fileData.fileUri)}`;
    }),
  ]);
  const schema = JSON.stringify(body.generationConfig?.responseJsonSchema ?? null);
  return [system, ...messages, `schema:${schema}`];
}

describe('one code path builds the requests of every backend', () => {
  it.each(['yaml', 'json'] as const)(
    'should send Gemini exactly what the simulated backend receives, for the same session and seed (%s)',
    async (responseFormat) => {
      const [prompts, catalog] = await Promise.all([loadPromptSet(), loadGoalCatalog()]);
      const loader = await referenceDataLoader.create({ dataDir: dummyCorpusDir, profileSize: 5 });
      const sessions: Session[] = [];
      for await (const session of loader.sessions()) sessions.push(session);
      const session = sessions[0] as Session;
      const common = {
        session,
        prompts,
        catalog,
        turns: 8,
        seed: 11,
        responseFormat,
        language: DEFAULT_LANGUAGE,
        maxReasks: 2,
        maxBlockedRetries: 2,
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
          model: DEFAULT_MODEL,
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
    },
  );
});
