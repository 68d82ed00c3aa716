import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelRequest, Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { chatCompletionRequest } from './chat-request.js';
import { finishReasonOf, usageOf } from './chat-response.js';
import { createMediaReader } from './media-part.js';

async function mediaFiles() {
  const directory = await mkdtemp(join(tmpdir(), 'openai-compatible-'));
  const files = {
    wav: join(directory, 'a.wav'),
    mp3: join(directory, 'b.mp3'),
    png: join(directory, 'c.png'),
    flac: join(directory, 'd.flac'),
  };
  await writeFile(files.wav, 'RIFF-wav');
  await writeFile(files.mp3, 'ID3-mp3');
  await writeFile(files.png, 'PNG-bytes');
  await writeFile(files.flac, 'fLaC');
  return files;
}

const label = { agent: 'recsys', turn: 2, template: 'recsys-turn', attempt: 1 } as const;
const schema = {
  type: 'object',
  properties: { track_id: { type: 'string', enum: ['a'] } },
  required: ['track_id'],
};

function settings(jsonSchema: boolean) {
  return {
    model: 'qwen-omni',
    jsonSchema,
    temperature: 0.5,
    maxOutputTokens: 256,
    read: createMediaReader(),
  };
}

describe('chatCompletionRequest', () => {
  it('should send images as data URLs and WAV or MP3 as input_audio, text turns as strings', async () => {
    const files = await mediaFiles();
    const request: ModelRequest = {
      label,
      systemInstruction: 'You are TalkPlay',
      messages: [
        {
          role: 'user',
          parts: [
            { kind: 'text', text: 'Pool:' },
            { kind: 'file', path: files.wav, mimeType: 'audio/wav' },
            { kind: 'file', path: files.mp3, mimeType: 'audio/mpeg' },
            { kind: 'file', path: files.png, mimeType: 'image/png' },
          ],
        },
        { role: 'model', parts: [{ kind: 'text', text: 'Got it.' }] },
        { role: 'user', parts: [{ kind: 'text', text: 'Next?' }] },
      ],
    };
    const body = await chatCompletionRequest(request, settings(false));
    expect(body).toEqual({
      model: 'qwen-omni',
      temperature: 0.5,
      max_tokens: 256,
      messages: [
        { role: 'system', content: 'You are TalkPlay' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Pool:' },
            {
              type: 'input_audio',
              input_audio: { data: Buffer.from('RIFF-wav').toString('base64'), format: 'wav' },
            },
            {
              type: 'input_audio',
              input_audio: { data: Buffer.from('ID3-mp3').toString('base64'), format: 'mp3' },
            },
            {
              type: 'image_url',
              image_url: { url: `data:image/png;base64,${Buffer.from('PNG-bytes').toString('base64')}` },
            },
          ],
        },
        { role: 'assistant', content: 'Got it.' },
        { role: 'user', content: 'Next?' },
      ],
    });
  });

  it('should refuse audio other than WAV or MP3 with a typed error naming the file', async () => {
    const files = await mediaFiles();
    const request: ModelRequest = {
      label,
      messages: [{ role: 'user', parts: [{ kind: 'file', path: files.flac, mimeType: 'audio/flac' }] }],
    };
    const error = await chatCompletionRequest(request, settings(false)).catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
    expect((error as Error).message).toContain(files.flac);
    expect((error as Error).message).toContain('WAV or MP3');
  });

  it('should send the JSON schema as response_format only when the server takes it', async () => {
    const request: ModelRequest = {
      label,
      messages: [{ role: 'user', parts: [{ kind: 'text', text: 'hi' }] }],
      responseJsonSchema: schema,
    };
    expect((await chatCompletionRequest(request, settings(true))).response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'recsys_reply', schema, strict: true },
    });
    expect(await chatCompletionRequest(request, settings(false))).not.toHaveProperty('response_format');
  });
});

describe('usageOf and finishReasonOf', () => {
  it('should split cached prompt tokens and reasoning tokens out, the rest counted as text input and output', () => {
    const usage = usageOf({
      prompt_tokens: 1000,
      completion_tokens: 300,
      prompt_tokens_details: { cached_tokens: 400, audio_tokens: 100 },
      completion_tokens_details: { reasoning_tokens: 120 },
    });
    expect(usage).toMatchObject({
      text_input: 500,
      audio_input: 100,
      image_input: 0,
      cached_text_input: 400,
      output: 180,
      thinking: 120,
    });
    expect(usageOf({ prompt_tokens: 10, completion_tokens: 2 })).toMatchObject({
      text_input: 10,
      cached_text_input: 0,
      output: 2,
      thinking: 0,
    });
    expect(usageOf(undefined).text_input).toBe(0);
  });

  it('should map the API finish reasons onto the neutral ones', () => {
    expect(['stop', 'length', 'content_filter', 'error', 'tool_calls', null].map(finishReasonOf)).toEqual([
      'stop',
      'length',
      'content-filter',
      'error',
      'other',
      'other',
    ]);
  });
});
