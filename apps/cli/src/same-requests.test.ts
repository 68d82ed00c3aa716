import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { createOpenAiCompatibleModel } from '@tp2dg/provider-openai-compatible';
import { type RecordedChatRequest, startOpenAiEmulator } from '@tp2dg/provider-openai-compatible/testing';
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

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * What a request shows a chat-completions model, in the shape that API gives it: a message of
 * text only is one string (its parts joined by lines), media go inline and are named by content.
 */
function shownByRecordAsChat(call: CallRecord): Shown {
  const messages = call.request.messages.flatMap((message: ModelMessage) => {
    const texts = message.parts.flatMap((part) => (part.kind === 'text' ? [part.text] : []));
    const parts =
      texts.length === message.parts.length
        ? [texts.join('\n')]
        : message.parts.map((part) =>
            part.kind === 'text' ? part.text : `file:${sha256(readFileSync(part.path))}`,
          );
    return [`role:${message.role}`, ...parts];
  });
  const schema = JSON.stringify(call.request.response_json_schema ?? null);
  return [call.request.system_instruction ?? '', ...messages, `schema:${schema}`];
}

function shownInChat(request: RecordedChatRequest): Shown {
  const [first, ...rest] = request.body.messages;
  const system = first?.role === 'system' ? first.content : '';
  const messages = (first?.role === 'system' ? rest : request.body.messages).flatMap((message) => [
    `role:${message.role === 'assistant' ? 'model' : message.role}`,
    ...(typeof message.content === 'string'
      ? [message.content]
      : message.content.map((part) => {
          if (part.type === 'text') return part.text;
          const base64 = part.type === 'image_url' ? part.image_url.url.split(',')[1] : part.input_audio.data;
          return `file:${sha256(Buffer.from(base64 ?? '', 'base64'))}`;
        })),
  ]);
  const schema = JSON.stringify(request.body.response_format?.json_schema.schema ?? null);
  return [system, ...messages, `schema:${schema}`];
}

/** The first bundled session and everything a conversation needs but its model. */
async function conversationInputs(responseFormat: 'yaml' | 'json') {
  const [prompts, catalog] = await Promise.all([loadPromptSet(), loadGoalCatalog()]);
  const loader = await referenceDataLoader.create({ dataDir: dummyCorpusDir, profileSize: 5 });
  const sessions: Session[] = [];
  for await (const session of loader.sessions()) sessions.push(session);
  const session = sessions[0] as Session;
  return {
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
}

/** The same conversation through the simulated backend, and its answers by what each request showed. */
async function simulatedConversation(responseFormat: 'yaml' | 'json', shown: (call: CallRecord) => Shown) {
  const common = await conversationInputs(responseFormat);
  const simulated = await generateConversation({
    ...common,
    model: createSimulatedModel({ session: common.session, seed: 11, catalog: common.catalog, turns: 8 }),
  });
  const answers = new Map(simulated.calls.map((call) => [JSON.stringify(shown(call)), call.response_text]));
  return { common, simulated, answers };
}

const order = (calls: CallRecord[]) => calls.map((call) => JSON.stringify(call.request));

describe('one code path builds the requests of every backend', () => {
  it.each(['yaml', 'json'] as const)(
    'should send Gemini exactly what the simulated backend receives, for the same session and seed (%s)',
    async (responseFormat) => {
      const { common, simulated, answers } = await simulatedConversation(responseFormat, shownByRecord);
      // The emulator answers each request with what the simulated backend answered to the same request.
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
        expect(order(viaGemini.calls).sort()).toEqual(order(simulated.calls).sort());
        expect(viaGemini.calls).toHaveLength(20);
        expect(emulator.requests).toHaveLength(20);
        expect(viaGemini.chat).toEqual(simulated.chat);
      } finally {
        await emulator.close();
      }
    },
  );

  it.each(['yaml', 'json'] as const)(
    'should send a chat-completions server exactly what the simulated backend receives (%s)',
    async (responseFormat) => {
      const { common, simulated, answers } = await simulatedConversation(responseFormat, shownByRecordAsChat);
      const emulator = await startOpenAiEmulator({
        respond: (request) => ({
          content:
            answers.get(JSON.stringify(shownInChat(request))) ?? 'not a request the simulated backend saw',
        }),
      });
      try {
        const model = createOpenAiCompatibleModel({
          model: 'an-open-model',
          baseUrl: emulator.baseUrl,
          env: {},
          jsonSchema: responseFormat === 'json',
        });
        const viaChat = await generateConversation({ ...common, model });
        expect(order(viaChat.calls).sort()).toEqual(order(simulated.calls).sort());
        expect(viaChat.calls).toHaveLength(20);
        expect(emulator.requests).toHaveLength(20);
        expect(viaChat.chat).toEqual(simulated.chat);
      } finally {
        await emulator.close();
      }
    },
  );
});
