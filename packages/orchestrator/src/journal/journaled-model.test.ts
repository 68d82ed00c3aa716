import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ModelPort, type ModelRequest, ZERO_USAGE } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { CallJournal } from './call-journal.js';
import { journaledModel } from './journaled-model.js';
import { requestKey } from './request-key.js';

/** A backend that answers each request with its own label and counts what it is asked. */
function countingBackend(): ModelPort & { asked: string[] } {
  const asked: string[] = [];
  return {
    provider: 'test',
    model: 'test-model',
    asked,
    async generate(request) {
      const { agent, turn, attempt } = request.label;
      asked.push(`${agent}/${turn}/${attempt}`);
      return {
        text: `reply to ${agent}/${turn}/${attempt}`,
        usage: { ...ZERO_USAGE, output: 3 },
        finishReason: 'stop',
      };
    },
  };
}

const request = (agent: 'profile' | 'recsys', turn: number | null, text = 'hello'): ModelRequest => ({
  label: { agent, turn, template: 'recsys-turn', attempt: 1 },
  messages: [{ role: 'user', parts: [{ kind: 'text', text }] }],
});

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function journalIn(name: string) {
  const folder = await mkdtemp(join(tmpdir(), 'tp2dg-journal-'));
  folders.push(folder);
  return join(folder, 'nested', `${name}.jsonl`);
}

describe('journaledModel', () => {
  it('should answer a resumed run from the journal and ask only what is new', async () => {
    const file = await journalIn('resume');
    const first = countingBackend();
    const firstRun = journaledModel(first, await CallJournal.open(file));
    await firstRun.generate(request('profile', null));
    await firstRun.generate(request('recsys', 1));
    expect(first.asked).toHaveLength(2);

    const second = countingBackend();
    const secondRun = journaledModel(second, await CallJournal.open(file));
    const replayed = await secondRun.generate(request('recsys', 1));
    await secondRun.generate(request('recsys', 2));
    expect(replayed.text).toBe('reply to recsys/1/1');
    expect(second.asked).toEqual(['recsys/2/1']);
    expect(secondRun.replayedCalls).toBe(1);
  });

  it('should ask again when anything sent differs from what was journaled', async () => {
    const file = await journalIn('changed');
    await journaledModel(countingBackend(), await CallJournal.open(file)).generate(request('recsys', 1, 'a'));
    const backend = countingBackend();
    await journaledModel(backend, await CallJournal.open(file)).generate(request('recsys', 1, 'b'));
    expect(backend.asked).toEqual(['recsys/1/1']);
  });

  it('should ask again when the system instruction differs, however the text is split', async () => {
    const file = await journalIn('instruction');
    const withInstruction = (systemInstruction: string | undefined, text: string) => ({
      ...request('recsys', 1, text),
      systemInstruction,
    });
    await journaledModel(countingBackend(), await CallJournal.open(file)).generate(
      withInstruction('be brief', 'hi'),
    );
    const backend = countingBackend();
    const resumed = journaledModel(backend, await CallJournal.open(file));
    await resumed.generate(withInstruction('be brief', 'hi'));
    await resumed.generate(withInstruction('be brie', 'hi'));
    await resumed.generate(withInstruction(undefined, 'hi'));
    await resumed.generate(withInstruction('', 'hi'));
    expect(backend.asked).toHaveLength(3);
  });

  it('should pay again only for a line a kill cut short, report it, and journal on after it', async () => {
    const file = await journalIn('cut');
    const model = journaledModel(countingBackend(), await CallJournal.open(file));
    await model.generate(request('profile', null));
    const torn = '{"key":"abc","agent":"recsys","tu';
    await appendFile(file, torn);
    const backend = countingBackend();
    const journal = await CallJournal.open(file);
    expect(journal.torn).toEqual({ file, line: 2, text: torn });
    const resumed = journaledModel(backend, journal);
    await resumed.generate(request('profile', null));
    await resumed.generate(request('recsys', 1));
    journal.close();
    expect(backend.asked).toEqual(['recsys/1/1']);
    // The new answer is a line of its own, not glued onto the torn one.
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[1]).toBe(torn);
    expect(JSON.parse(lines[2] as string)).toMatchObject({ agent: 'recsys', turn: 1 });
    const reopened = await CallJournal.open(file);
    expect(reopened.torn).toBeUndefined();
    expect(reopened.take(requestKey(request('recsys', 1)))?.text).toBe('reply to recsys/1/1');
  });

  it('should stop the call with an OUTPUT_WRITE error naming the journal when it cannot be written', async () => {
    const file = await journalIn('blocked');
    const model = journaledModel(countingBackend(), await CallJournal.open(file));
    // A file where the journal's folder should be: the answer arrives but cannot be kept.
    await writeFile(dirname(file), 'in the way');
    const failure = await model.generate(request('profile', null)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'OUTPUT_WRITE' });
    expect((failure as Error).message).toContain(`${file}: a file stands where a folder`);
  });
});

describe('CallJournal', () => {
  it('should forget the answers of the call that failed the conversation, and nothing else', async () => {
    const file = await journalIn('forget');
    const model = journaledModel(countingBackend(), await CallJournal.open(file));
    await model.generate(request('profile', null));
    await model.generate(request('recsys', 1));
    const journal = await CallJournal.open(file);
    await journal.forget({ agent: 'recsys', turn: 1 });
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).agent)).toEqual(['profile']);
    const backend = countingBackend();
    const resumed = journaledModel(backend, await CallJournal.open(file));
    await resumed.generate(request('profile', null));
    await resumed.generate(request('recsys', 1));
    expect(backend.asked).toEqual(['recsys/1/1']);
  });

  it('should delete its file once the conversation is saved', async () => {
    const file = await journalIn('remove');
    const journal = await CallJournal.open(file);
    await journaledModel(countingBackend(), journal).generate(request('profile', null));
    journal.remove();
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
