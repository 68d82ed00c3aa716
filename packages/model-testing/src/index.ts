export {
  ACKNOWLEDGEMENT_TEXT,
  cooperativeReplyFields,
  cooperativeReplyText,
  createCooperativeReplier,
  GOAL_MARKER,
} from './cooperative-replies.js';
export { formatReply, type ReplyFields } from './format-reply.js';
export { FIXTURE_POOL, loadPromptFixtures, type PromptFixtures } from './prompt-fixtures.js';
export {
  agentOf,
  findInUserTexts,
  type PromptAgent,
  type PromptText,
  type ReplyFormat,
  type ReplySchema,
  replyFormatOf,
  replyKeysOf,
  userTextsLatestFirst,
} from './prompt-text.js';
export { promptTextOfRequest } from './prompt-text-of-request.js';
export { poolTrackIdsOf, recommendedTrackIdsOf, remainingTrackIdsOf } from './track-pool.js';
