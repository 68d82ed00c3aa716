import {
  FINISH_REASONS,
  type ModelPort,
  type ModelRequest,
  type ModelResult,
  type Session,
  SessionSchema,
  TokenUsageSchema,
  Tp2dgError,
} from '@tp2dg/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProviderProblem } from '../resolution/provider-shape.js';
import { acceptedMedia, type ModelProviderV1 } from '../spec/v1/index.js';
import { type ConformanceMedia, writeConformanceMedia } from './conformance-media.js';

export interface ModelProviderConformanceOptions {
  /** Names the suite: `describe('<name> conformance', ...)`. */
  name: string;
  /**
   * Creates the provider under test once for the suite (start its emulator before, in an outer
   * `beforeAll`). Every call the kit makes goes to it: point it at a local server or a fake,
   * never the internet.
   */
  create: () => ModelProviderV1 | Promise<ModelProviderV1>;
}

/** A session for `forSession`: one profiling and one pool track, no media. */
const CONFORMANCE_SESSION: Session = SessionSchema.parse({
  session_id: 'conformance-session',
  user: {
    user_id: 'conformance-user',
    age_group: null,
    gender: null,
    country: null,
    preferred_language: null,
  },
  profiling_tracks: [{ track_id: 't1', title: 'First Light', artist: 'The Testers' }],
  pool_tracks: [{ track_id: 't2', title: 'Second Wind', artist: 'The Testers' }],
});

const label = (template: string): ModelRequest['label'] => ({
  agent: 'judge',
  turn: null,
  template,
  attempt: 1,
});

function userText(text: string): ModelRequest['messages'][number] {
  return { role: 'user', parts: [{ kind: 'text', text }] };
}

/** The result is well formed: text, usage of non-negative whole numbers, a known finish reason. */
function expectWellFormed(result: ModelResult): void {
  expect(typeof result.text).toBe('string');
  expect(() => TokenUsageSchema.parse(result.usage)).not.toThrow();
  expect(FINISH_REASONS).toContain(result.finishReason);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the call to be refused, but it was answered'),
    (error: unknown) => error,
  );
}

/**
 * Registers vitest tests every model provider, first- or third-party, must pass: its shape and
 * capabilities, a text call, a system instruction, a multi-turn history, each media type it
 * declares (and a clear refusal of one it does not), a JSON reply when it declares them, usage
 * and finish reasons, abort through the request's signal, and a `close` safe to call twice.
 */
export function describeModelProviderConformance(options: ModelProviderConformanceOptions): void {
  describe(`${options.name} conformance`, () => {
    let provider: ModelProviderV1;
    let port: ModelPort;
    let media: ConformanceMedia;

    beforeAll(async () => {
      provider = await options.create();
      media = await writeConformanceMedia();
      port = provider.forSession(CONFORMANCE_SESSION);
    });
    afterAll(async () => {
      await port?.close?.();
      await media?.remove();
    });

    it('should have the v1 shape and capabilities that validate', () => {
      expect(describeProviderProblem(provider)).toBeUndefined();
      expect(port.provider).toBe(provider.provider);
      expect(typeof port.generate).toBe('function');
    });

    it('should answer a text call with a non-empty reply and text-only usage', async () => {
      const result = await port.generate({ label: label('text'), messages: [userText('Say hello.')] });
      expectWellFormed(result);
      expect(result.text.length).toBeGreaterThan(0);
      // A call without media bills no media input.
      expect(result.usage.image_input + result.usage.audio_input).toBe(0);
    });

    it('should take a system instruction', async () => {
      const result = await port.generate({
        label: label('system'),
        systemInstruction: 'You are a terse assistant.',
        messages: [userText('Say hello.')],
      });
      expectWellFormed(result);
    });

    it('should take a multi-turn history', async () => {
      const result = await port.generate({
        label: label('history'),
        messages: [
          userText('Name a colour.'),
          { role: 'model', parts: [{ kind: 'text', text: 'Blue.' }] },
          userText('Name another.'),
        ],
      });
      expectWellFormed(result);
      expect(result.text.length).toBeGreaterThan(0);
    });

    it('should deliver each media type it declares, and refuse any other with INVALID_INPUT', async () => {
      for (const file of media.files) {
        const request: ModelRequest = {
          label: label(`media-${file.mimeType}`),
          messages: [
            {
              role: 'user',
              parts: [
                { kind: 'file', ...file },
                { kind: 'text', text: 'Describe it.' },
              ],
            },
          ],
        };
        if (acceptedMedia(provider.capabilities, file.mimeType) !== undefined) {
          expectWellFormed(await port.generate(request));
        } else {
          const error = await rejection(port.generate(request));
          expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
        }
      }
    });

    // Without the capability the schema is not sent, but the call must still be answered.
    it('should answer a call with a JSON schema, in JSON that follows it when it declares so', async () => {
      const result = await port.generate({
        label: label('json'),
        messages: [userText('Answer with a JSON object holding one string field "answer".')],
        responseJsonSchema: {
          type: 'object',
          properties: { answer: { type: 'string' } },
          required: ['answer'],
        },
      });
      expectWellFormed(result);
      if (provider.capabilities.jsonSchemaReplies) {
        expect(typeof (JSON.parse(result.text) as { answer?: unknown }).answer).toBe('string');
      }
    });

    it('should stop a call whose signal is aborted with ABORTED', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(
        port.generate({
          label: label('abort'),
          messages: [userText('Say hello.')],
          signal: controller.signal,
        }),
      );
      expect(Tp2dgError.isInstance(error) && error.code).toBe('ABORTED');
    });

    it('should close a port twice without failing', async () => {
      const ownPort = provider.forSession(CONFORMANCE_SESSION);
      await ownPort.close?.();
      await expect(Promise.resolve(ownPort.close?.())).resolves.toBeUndefined();
    });
  });
}
