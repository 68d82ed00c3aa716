import { createSessionBuilder, createUserDemographics, type SessionOutcome } from '@tp2dg/data-loaders';
import { createSeededRandom } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { buildBoundedSession } from './build-bounded-session.js';

const user = createUserDemographics('1', {});
const knownTrack = (trackId: string) =>
  Number(trackId.slice(1)) % 4 === 0
    ? undefined
    : { track_id: trackId, title: `T ${trackId}`, artist: 'A', tags: [] };

function idsOf(outcome: SessionOutcome): string[] | string {
  if (outcome.kind === 'skipped') return outcome.skipped.reason;
  if (outcome.kind === 'excluded') return 'excluded';
  return [...outcome.session.profiling_tracks, ...outcome.session.pool_tracks].map((track) => track.track_id);
}

describe('buildBoundedSession', () => {
  it('should give what the shared builder gives on the whole session, for long, short, replayed and unknown-heavy sessions', () => {
    const random = createSeededRandom('bounded-session');
    for (const split of [
      { profileSize: 3, poolSize: 4 },
      { profileSize: 5 },
      { profileSize: 2, poolSize: 2 },
    ]) {
      const builder = createSessionBuilder({
        ...split,
        building: { sample: 1, sampleSeed: '0', minPool: 2 },
      });
      for (let trial = 0; trial < 300; trial++) {
        const length = random.int(121);
        const trackIds = Array.from({ length }, () => `t${random.int(71)}`);
        const candidate = { sessionId: `s${trial}`, user, trackIds };
        expect(idsOf(buildBoundedSession(builder, candidate, knownTrack, split))).toEqual(
          idsOf(builder.build(candidate, knownTrack)),
        );
      }
    }
  });
});
