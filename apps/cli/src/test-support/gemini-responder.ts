import type { TokenUsage } from '@tp2dg/entities';
import {
  type EmulatedGenerateBody,
  type EmulatedGenerateRequest,
  type EmulatedReply,
  emulatedApiError,
} from '@tp2dg/gemini-adapter/testing';

/**
 * Test support only (not exported by the package): answers the Gemini emulator's
 * generateContent requests the way a cooperative model would, from the wire body alone
 * (the `responseJsonSchema` keys say which agent asks, the prompt text gives the choices).
 */

/** Every adapted goal carries it, so a test can prove the Recsys never sees the goal. */
export const GOAL_MARKER = 'hidden-goal-marker';

export type WireAgent = 'profile' | 'goal' | 'listener' | 'recsys';

export interface WireFilePart {
  fileUri: string;
  mimeType: string;
}

type WireContent = EmulatedGenerateBody['contents'][number];
type JsonSchema = { properties?: Record<string, { enum?: string[]; maximum?: number }> };

export function filePartsOf(contents: readonly WireContent[]): WireFilePart[] {
  return contents.flatMap((content) =>
    content.parts.flatMap((part) => (part.fileData === undefined ? [] : [part.fileData as WireFilePart])),
  );
}

function textOf(content: WireContent | undefined): string {
  return (content?.parts ?? [])
    .flatMap((part) => (typeof part.text === 'string' ? [part.text] : []))
    .join('\n');
}

export function systemInstructionOf(body: EmulatedGenerateBody): string {
  return textOf(body.systemInstruction as WireContent | undefined);
}

function schemaOf(body: EmulatedGenerateBody): JsonSchema | undefined {
  return body.generationConfig?.responseJsonSchema as JsonSchema | undefined;
}

/** The agent behind a request: chats carry their persona, one-shot calls their reply schema. */
export function agentOf(body: EmulatedGenerateBody): WireAgent {
  const system = systemInstructionOf(body);
  if (system.includes('You are TalkPlay')) return 'recsys';
  if (system.includes('You are playing a real person')) return 'listener';
  return schemaOf(body)?.properties?.category_code === undefined ? 'profile' : 'goal';
}

function goalReply(prompt: string, schema: JsonSchema, number: number): Record<string, unknown> {
  const candidate = /^Candidate \d+: category ([A-K]) \(.*\), specificity (LL|HL|LH|HH)$/m.exec(prompt);
  if (candidate === null)
    throw new Error('goal prompt lists no "Candidate N: category X (...), specificity YY"');
  const maximum = schema.properties?.target_turn_count?.maximum ?? 8;
  return {
    category_code: candidate[1],
    specificity_code: candidate[2],
    listener_goal: `Find calm tracks with warm vocals for late evenings (${GOAL_MARKER} ${number}).`,
    listener_expertise: 'neutral',
    initial_query_examples: [
      `Opening ${number}: something calm for tonight?`,
      `Opening ${number}: warm vocals, please.`,
    ],
    iteration_query_examples: ['A bit slower, maybe?', 'Less drums this time.'],
    achieved_query_examples: ['That is exactly it.', 'Perfect, keep them coming.'],
    target_turn_count: Math.min(maximum, 3),
  };
}

/** Turn 1 must copy an initial query example: they are listed as `"a"; "b"` on one line. */
function firstTurnReply(prompt: string): Record<string, unknown> {
  const line = /^"(.+)"$/m.exec(prompt);
  if (line?.[1] === undefined) throw new Error('listener first-turn prompt lists no "a"; "b" examples');
  const examples = line[1].split('"; "');
  return { thought: 'The second opening sounds like me.', message: examples.at(-1) };
}

function replyFor(body: EmulatedGenerateBody, goalNumber: () => number): string {
  const schema = schemaOf(body);
  const keys = Object.keys(schema?.properties ?? {});
  // Priming messages send no schema: any acknowledgement will do.
  if (schema === undefined) return 'Got it, I have the tracks.';
  const prompt = textOf(body.contents.at(-1));
  let reply: Record<string, unknown>;
  if (keys.includes('preferred_musical_culture')) {
    reply = {
      preferred_musical_culture: 'Brazilian MPB',
      top_1_artist: 'Paper Signals',
      top_1_genre: 'indie rock',
    };
  } else if (keys.includes('category_code')) {
    reply = goalReply(prompt, schema, goalNumber());
  } else if (keys.includes('track_id')) {
    const remaining = schema.properties?.track_id?.enum ?? [];
    reply = {
      thought: 'The listener wants something calm. This one is the calmest left in the pool.',
      track_id: remaining.at(-1),
      message: 'Here is a calm one with warm vocals for your evening.',
    };
  } else if (keys.includes('goal_progress_assessment')) {
    const assessment = body.contents.length % 4 === 1 ? 'MOVES_TOWARD_GOAL' : 'DOES_NOT_MOVE_TOWARD_GOAL';
    reply = {
      thought: 'Nice texture, not quite there yet.',
      goal_progress_assessment: assessment,
      message: 'More like that, but softer?',
    };
  } else if (keys.join() === 'thought,message') {
    reply = firstTurnReply(prompt);
  } else {
    throw new Error(`no reply known for a schema with keys ${keys.join(', ')}`);
  }
  return JSON.stringify(reply);
}

const TOKENS_PER_IMAGE = 258;
const TOKENS_PER_AUDIO_CLIP = 96;

/**
 * Usage by modality as Gemini reports it (prompt counts include the cached part), and what
 * tp2dg must record for it: every prompt token once, at the full or the cached price.
 */
function usageFor(body: EmulatedGenerateBody, reply: string) {
  const contents = [body.systemInstruction as WireContent | undefined, ...body.contents];
  const textChars = contents.reduce((sum, content) => sum + textOf(content).length, 0);
  const files = filePartsOf(body.contents);
  const prompt = {
    TEXT: Math.ceil(textChars / 4),
    IMAGE: TOKENS_PER_IMAGE * files.filter((file) => file.mimeType.startsWith('image/')).length,
    AUDIO: TOKENS_PER_AUDIO_CLIP * files.filter((file) => file.mimeType.startsWith('audio/')).length,
  };
  // A chat re-sends its history: report half of it as implicitly cached, as Gemini does.
  const hasHistory = body.contents.length > 1;
  const cached = {
    TEXT: hasHistory ? Math.floor(prompt.TEXT / 2) : 0,
    IMAGE: hasHistory ? Math.floor(prompt.IMAGE / 2) : 0,
    AUDIO: hasHistory ? Math.floor(prompt.AUDIO / 2) : 0,
  };
  const output = Math.ceil(reply.length / 4);
  const thinking = 17;
  const details = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, tokenCount]) => tokenCount > 0)
      .map(([modality, tokenCount]) => ({ modality, tokenCount }));
  const promptTotal = prompt.TEXT + prompt.IMAGE + prompt.AUDIO;
  const cachedTotal = cached.TEXT + cached.IMAGE + cached.AUDIO;
  const usageMetadata = {
    promptTokenCount: promptTotal,
    candidatesTokenCount: output,
    thoughtsTokenCount: thinking,
    totalTokenCount: promptTotal + output + thinking,
    promptTokensDetails: details(prompt),
    ...(cachedTotal > 0 ? { cachedContentTokenCount: cachedTotal, cacheTokensDetails: details(cached) } : {}),
  };
  const expected: TokenUsage = {
    text_input: prompt.TEXT - cached.TEXT,
    image_input: prompt.IMAGE - cached.IMAGE,
    audio_input: prompt.AUDIO - cached.AUDIO,
    cached_text_input: cached.TEXT,
    cached_image_input: cached.IMAGE,
    cached_audio_input: cached.AUDIO,
    output,
    thinking,
  };
  return { usageMetadata, expected };
}

export interface GeminiResponderOptions {
  /** Returns a reply (an error, say) to send instead of the normal answer; undefined to answer. */
  intercept?: (request: EmulatedGenerateRequest) => EmulatedReply | undefined;
}

export interface GeminiResponder {
  respond: (request: EmulatedGenerateRequest) => EmulatedReply;
  /** By request index: the usage each successful answer reported, as tp2dg must record it. */
  readonly reportedUsage: Map<number, TokenUsage>;
}

export function createGeminiResponder(options: GeminiResponderOptions = {}): GeminiResponder {
  const reportedUsage = new Map<number, TokenUsage>();
  let goals = 0;
  const respond = (request: EmulatedGenerateRequest): EmulatedReply => {
    const intercepted = options.intercept?.(request);
    if (intercepted !== undefined) return intercepted;
    let text: string;
    try {
      text = replyFor(request.body, () => ++goals);
    } catch (error) {
      // A 400 is not retried: the run fails fast and the test shows why.
      return emulatedApiError(400, { message: `test responder: ${(error as Error).message}` });
    }
    const { usageMetadata, expected } = usageFor(request.body, text);
    reportedUsage.set(request.index, expected);
    return { text, usageMetadata };
  };
  return { respond, reportedUsage };
}
