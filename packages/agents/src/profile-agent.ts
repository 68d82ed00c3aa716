import type { ProfileSummary, Session } from '@tp2dg/entities';
import type { AgentContext } from './agent-context.js';
import { askModel } from './ask-model.js';
import { describeTrackContents } from './describe-track-contents.js';
import { formatDemographics } from './format-profile.js';
import { ProfileReplySchema } from './reply/reply-schemas.js';
import { trackListParts } from './track-parts.js';

/** The Profile agent: demographics and profiling tracks in, musical culture, artist, genre out. */
export async function inferProfile(context: AgentContext, session: Session): Promise<ProfileSummary> {
  const { user, profiling_tracks: tracks } = session;
  const demographics = formatDemographics(user);
  const prompt = context.prompts.render('profile', {
    demographics,
    track_count: String(tracks.length),
    track_contents: describeTrackContents(tracks, 'anonymous'),
  });
  const { value } = await askModel(context, {
    agent: 'profile',
    turn: null,
    template: 'profile',
    history: [],
    parts: [{ kind: 'text', text: prompt }, ...trackListParts(tracks, 'anonymous')],
    reply: { schema: ProfileReplySchema },
  });
  return value;
}
