import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInsideDirectory, type Session, SessionSchema } from '@tp2dg/entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { describePluginProblem } from '../resolution/plugin-shape.js';
import type { DataLoaderOptionsV1, DataLoaderPluginV1, DataLoaderV1 } from '../spec/v1/index.js';

export interface ConformanceSetup {
  plugin: DataLoaderPluginV1;
  options: DataLoaderOptionsV1;
}

async function readAll(loader: DataLoaderV1): Promise<Session[]> {
  const sessions: Session[] = [];
  for await (const session of loader.sessions()) sessions.push(session);
  return sessions;
}

const tracksOf = (session: Session) => [...session.profiling_tracks, ...session.pool_tracks];

/**
 * Registers vitest tests that every data loader, first- or third-party, must pass:
 * call it at the top level of a test file with a setup that returns the plugin and the
 * options to create it with (a small corpus of at least one session).
 */
export function describeDataLoaderConformance(name: string, setup: () => Promise<ConformanceSetup>): void {
  describe(`data loader conformance: ${name}`, () => {
    let plugin: DataLoaderPluginV1;
    let options: DataLoaderOptionsV1;
    let sessions: Session[];
    let countedSessions: number | undefined;

    beforeAll(async () => {
      ({ plugin, options } = await setup());
      const loader = await plugin.create(options);
      sessions = await readAll(loader);
      countedSessions = await loader.count?.();
      await loader.close?.();
    });

    it('should have the spec v1 plugin shape and create a v1 loader', async () => {
      expect(describePluginProblem(plugin)).toBeUndefined();
      const loader = await plugin.create(options);
      expect(loader.specificationVersion).toBe('v1');
      expect(typeof loader.id).toBe('string');
      expect(loader.corpus.length).toBeGreaterThan(0);
      await loader.close?.();
    });

    it('should yield at least one session, each valid against SessionSchema', () => {
      expect(sessions.length).toBeGreaterThan(0);
      for (const session of sessions) expect(SessionSchema.safeParse(session).error).toBeUndefined();
    });

    it('should split each session into profileSize profiling tracks and a bounded, non-empty pool', () => {
      for (const session of sessions) {
        expect(session.profiling_tracks).toHaveLength(options.profileSize);
        expect(session.pool_tracks.length).toBeGreaterThanOrEqual(1);
        if (options.poolSize !== undefined)
          expect(session.pool_tracks.length).toBeLessThanOrEqual(options.poolSize);
      }
    });

    it('should never repeat a track within a session nor share one between profiling and pool', () => {
      for (const session of sessions) {
        const ids = tracksOf(session).map((track) => track.track_id);
        expect(new Set(ids).size, `session ${session.session_id}`).toBe(ids.length);
      }
    });

    it('should give every session its own id', () => {
      const ids = sessions.map((session) => session.session_id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('should point media paths at existing files, by absolute path inside dataDir', async () => {
      const root = options.dataDir === undefined ? undefined : await realpath(options.dataDir);
      for (const track of sessions.flatMap(tracksOf)) {
        for (const mediaPath of [track.audio_path, track.image_path]) {
          if (mediaPath === undefined) continue;
          expect(path.isAbsolute(mediaPath), mediaPath).toBe(true);
          expect((await stat(mediaPath)).isFile(), mediaPath).toBe(true);
          if (root !== undefined) {
            expect(isInsideDirectory(root, await realpath(mediaPath)), mediaPath).toBe(true);
          }
        }
      }
    });

    it('should yield identical sessions when iterated twice and when created again', async () => {
      const loader = await plugin.create(options);
      const first = await readAll(loader);
      const second = await readAll(loader);
      await loader.close?.();
      expect(second).toEqual(first);
      expect(first).toEqual(sessions);
    });

    it('should report from count(), when present, the number of sessions it yields', () => {
      if (countedSessions !== undefined) expect(countedSessions).toBe(sessions.length);
      else expect(countedSessions).toBeUndefined();
    });

    it('should resolve close(), when present, and allow calling it twice', async () => {
      const loader = await plugin.create(options);
      if (loader.close === undefined) {
        expect(loader.close).toBeUndefined();
        return;
      }
      await expect(loader.close()).resolves.toBeUndefined();
      await expect(loader.close()).resolves.toBeUndefined();
    });
  });
}
