import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from './collect.js';
import { formatText } from './format-text.js';
import { summarize } from './summarize.js';
import { SAMPLE_CONVERSATIONS, SAMPLE_FAILURES } from './test-sample-run.js';

function report(conversations: ConversationRecord[]): string {
  return formatText(summarize('run', { conversations, failures: [], invalid_files: [] }));
}

/** The sample's first gemini conversation with messages worth measuring: a language, a self-mention, a named track. */
function withMessages(conversation: ConversationRecord): ConversationRecord {
  const chat = conversation.chat.map((turn) => ({
    ...turn,
    listener: { ...turn.listener, message: 'Quero algo calmo para uma noite de chuva, talvez bossa nova.' },
    recsys: { ...turn.recsys, message: 'As an AI I cannot hear it, but try Song by Band.' },
  }));
  return { ...conversation, chat };
}

const sampleText = report(SAMPLE_CONVERSATIONS);

describe('formatMetricsSections', () => {
  it("should keep the report's simulated-data first line and warn again under the simulated run", () => {
    const lines = sampleText.split('\n');
    expect(lines[0]).toMatch(/^SIMULATED DATA: 1 of 3 conversations /);
    const heading = lines.indexOf(
      'Quality metrics of run simulated-v1/demo: 1 conversations, measured on their text (no model)',
    );
    expect(lines[heading + 1]).toBe(
      '  SIMULATED DATA: 1 of these 1 conversations are simulated offline output, NOT LLM output: their figures describe the simulator.',
    );
    const gemini = lines.indexOf(
      'Quality metrics of run gemini-2.5-flash/demo: 2 conversations, measured on their text (no model)',
    );
    expect(gemini).toBeGreaterThan(0);
    expect(lines[gemini + 1]).not.toContain('SIMULATED');
  });

  it('should show each agent side by side, with none where nothing was counted', () => {
    expect(sampleText).toMatch(/^ {2}distinct-1 +0\.2000 +0\.2000$/m);
    expect(sampleText).toMatch(/^ {2}distinct-2 +none +0\.2000$/m);
    expect(sampleText).toMatch(
      /^ {2}words per message +mean 1\.00, min 1, max 1 +mean 2\.00, min 2, max 2$/m,
    );
    expect(sampleText).toMatch(/^ {2}language undetermined +5 +5$/m);
  });

  it('should show repeated openings, track naming and goal progress against the target', () => {
    expect(sampleText).toContain(
      'Repeated openings (first 4 words of the first Listener message shared with another conversation): 100.0% of 2 conversations\n  "more": 2 conversations',
    );
    expect(sampleText).toContain(
      'Recsys names its track and no other pool track: 0.0% of 4 turns with a track (title 0, artist 0, another pool track 0)',
    );
    expect(sampleText).toMatch(/^ {2}before target +3 +2 +66\.7%$/m);
    expect(sampleText).toMatch(/^ {2}at target +0 +0 +none$/m);
  });

  it('should show the languages found, the self-mention phrases and the tracks named', () => {
    const [first] = SAMPLE_CONVERSATIONS;
    if (first === undefined) throw new Error('the sample has conversations');
    const text = report([withMessages(first)]);
    // The fixture's user prefers 'pt' and its run recorded no --language.
    expect(text).toMatch(/^ {2}languages found +pt 3 +en 3$/m);
    expect(text).toMatch(/^ {2}in preferred language +100\.0% of 3 +0\.0% of 3$/m);
    expect(text).toMatch(/^ {2}in conversation language +none +none$/m);
    expect(text).toMatch(/^ {2}AI self-mentions +0\.0% of 3 +100\.0% of 3$/m);
    expect(text).toContain('  recsys self-mention "as an ai": 3 messages');
    expect(text).toContain('Recsys names its track and no other pool track: 100.0% of 3 turns with a track');
  });

  it('should have no metrics section without conversations', () => {
    const text = formatText(
      summarize('run', { conversations: [], failures: SAMPLE_FAILURES, invalid_files: [] }),
    );
    expect(text).not.toContain('Quality metrics');
  });
});
