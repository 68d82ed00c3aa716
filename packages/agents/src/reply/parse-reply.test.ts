import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply.js';
import { goalReplySchema, ListenerReactionReplySchema, recsysReplySchema } from './reply-schemas.js';

const recsysKeys = ['thought', 'track_id', 'message'];

describe('parseReply', () => {
  it('should parse a fenced YAML reply', () => {
    const text = '```yaml\nthought: They want calm piano.\ntrack_id: t007\nmessage: Try this one.\n```';
    const parsed = parseReply(text, 'yaml', recsysReplySchema(), recsysKeys);
    expect(parsed).toEqual({
      ok: true,
      value: { thought: 'They want calm piano.', track_id: 't007', message: 'Try this one.' },
    });
  });

  it('should fall back to loose key-value lines when YAML is invalid', () => {
    const text =
      'thought: Mood: rainy, so slower songs: good\ntrack_id: 12\nmessage: Here: a gentle one\n  that builds slowly';
    const parsed = parseReply(text, 'yaml', recsysReplySchema(), recsysKeys);
    expect(parsed.ok && parsed.value).toEqual({
      thought: 'Mood: rainy, so slower songs: good',
      track_id: '12',
      message: 'Here: a gentle one that builds slowly',
    });
  });

  it('should keep numeric-looking track ids exactly as written', () => {
    for (const id of ['007', '1e3', '0x1A', '12345678901234567890']) {
      const parsed = parseReply(
        `thought: ok\ntrack_id: ${id}\nmessage: here`,
        'yaml',
        recsysReplySchema(),
        recsysKeys,
      );
      expect(parsed.ok && parsed.value.track_id).toBe(id);
    }
  });

  it('should still read numbers where a number is expected', () => {
    const schema = goalReplySchema(8).pick({ target_turn_count: true });
    const parsed = parseReply('target_turn_count: 4', 'yaml', schema, ['target_turn_count']);
    expect(parsed.ok && parsed.value.target_turn_count).toBe(4);
  });

  it('should explain which field is wrong', () => {
    const text = 'thought: nice\ngoal_progress_assessment: MAYBE\nmessage: ok';
    const parsed = parseReply(text, 'yaml', ListenerReactionReplySchema, [
      'thought',
      'goal_progress_assessment',
      'message',
    ]);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain('goal_progress_assessment');
  });

  it('should reject an empty reply and prose without keys', () => {
    expect(parseReply('  ', 'yaml', recsysReplySchema(), recsysKeys)).toEqual({
      ok: false,
      problem: 'the reply was empty',
    });
    expect(parseReply('I recommend something nice.', 'yaml', recsysReplySchema(), recsysKeys).ok).toBe(false);
  });

  it('should parse JSON and hold track_id to the given enum', () => {
    const schema = recsysReplySchema(['a', 'b']);
    const good = parseReply('{"thought":"x","track_id":"b","message":"y"}', 'json', schema, recsysKeys);
    const bad = parseReply('{"thought":"x","track_id":"c","message":"y"}', 'json', schema, recsysKeys);
    expect(good.ok && good.value.track_id).toBe('b');
    expect(!bad.ok && bad.problem).toContain('track_id');
  });
});
