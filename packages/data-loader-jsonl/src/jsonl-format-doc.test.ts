import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonlJsonSchemas } from './jsonl-json-schema.js';
import { jsonlDataLoader } from './jsonl-plugin.js';
import { createFixtureDirectory, removeFixtures } from './test-support/jsonl-fixtures.js';

afterAll(removeFixtures);

const docPath = fileURLToPath(new URL('../../../docs/jsonl-format.md', import.meta.url));
const fenced = (doc: string, opening: string) => {
  const start = doc.indexOf(opening);
  if (start < 0) throw new Error(`no ${opening} in ${docPath}`);
  const body = doc.indexOf('\n', start + opening.length - 1) + 1;
  return doc.slice(body, doc.indexOf('\n```', body));
};

describe('docs/jsonl-format.md', () => {
  it('should show the JSON Schemas the loader derives from its zod schemas', async () => {
    const doc = await readFile(docPath, 'utf8');
    const schemas = jsonlJsonSchemas();
    for (const name of ['header', 'session', 'track'] as const) {
      const shown = fenced(doc, `<!-- json-schema:${name} -->\n\`\`\`json`);
      expect(JSON.parse(shown), name).toEqual(schemas[name]);
    }
  });

  it('should give a worked example that loads as the page says', async () => {
    const doc = await readFile(docPath, 'utf8');
    const dataDir = await createFixtureDirectory();
    await writeFile(path.join(dataDir, 'sessions.jsonl'), `${fenced(doc, '```jsonl')}\n`);
    await mkdir(path.join(dataDir, 'audio'));
    await writeFile(path.join(dataDir, 'audio', 't2.mp3'), 'not decoded by the loader');
    const read = async (profileSize: number) => {
      const skipped: string[] = [];
      const loader = await jsonlDataLoader.create({
        dataDir,
        profileSize,
        onSkip: (s) => skipped.push(s.reason),
      });
      const sessions: Session[] = [];
      for await (const session of loader.sessions()) sessions.push(session);
      return { sessions, skipped, corpus: loader.corpus };
    };
    const small = await read(1);
    expect(small.corpus).toBe('my-lastfm');
    expect(small.sessions[0]?.profiling_tracks.map((t) => t.track_id)).toEqual(['t1']);
    expect(small.sessions[0]?.pool_tracks.map((t) => t.track_id)).toEqual(['t2']);
    expect(small.sessions[0]?.user.user_id).toBe('1234');
    expect(small.sessions[0]?.user.preferred_language).toBeNull();
    const paper = await read(5);
    expect(paper.sessions).toEqual([]);
    expect(paper.skipped[0]).toContain('has 2 distinct tracks (3 with repeats)');
  });
});
