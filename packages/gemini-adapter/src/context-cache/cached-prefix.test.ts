import type { ModelPart, ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { cachedPartCount } from './cached-prefix.js';

const text = (value: string): ModelPart => ({ kind: 'text', text: value });
const file = (path: string): ModelPart => ({ kind: 'file', path, mimeType: 'image/png' });

function request(turn: number | null, ...parts: ModelPart[]): ModelRequest {
  return {
    label: { agent: 'recsys', turn, template: 'recsys-priming', attempt: 1 },
    messages: [{ role: 'user', parts }],
  };
}

describe('cachedPartCount', () => {
  it('should cache up to the last media part, and leave a trailing instruction to send', () => {
    expect(
      cachedPartCount(request(0, text('Pool:'), file('a.png'), file('b.png'), text('Acknowledge.'))),
    ).toBe(3);
  });

  it('should leave the last part to send when the message ends on media: a request needs contents', () => {
    // A priming message: its instruction, then each track's line, clip and cover.
    expect(cachedPartCount(request(0, text('Pool:'), text('1. a'), file('a.wav'), file('a.png')))).toBe(3);
  });

  it('should cache nothing of a one-shot call, a message without media or one of a single part', () => {
    expect(cachedPartCount(request(null, text('Profile:'), file('a.png'), text('Go.')))).toBe(0);
    expect(cachedPartCount(request(1, text('Hello'), text('there')))).toBe(0);
    expect(cachedPartCount(request(0, file('a.png')))).toBe(0);
  });
});
