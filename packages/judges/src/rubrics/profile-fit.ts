import { describeTrackContents, formatProfile, trackListParts } from '@tp2dg/agents';
import type { ConversationRubric } from './rubric.js';

/** Whether the inferred profile follows from the liked tracks. Sees the profile and those tracks, no goal nor conversation. */
export const profileFit: ConversationRubric = {
  name: 'profile_fit',
  scope: 'conversation',
  template: 'judge-profile-fit',
  parts({ session }, templates) {
    const liked = session.liked_tracks;
    const text = templates.render('judge-profile-fit', {
      profile: formatProfile(session.profile),
      track_count: String(liked.length),
      track_contents: describeTrackContents(liked, 'anonymous'),
    });
    return [{ kind: 'text', text }, ...trackListParts(liked, 'anonymous')];
  },
};
