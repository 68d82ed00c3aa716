export {
  ACKNOWLEDGEMENT_TEXT,
  cooperativeReplyFields,
  cooperativeReplyText,
  GOAL_MARKER,
} from './cooperative-replies.js';
export { formatReply, type ReplyFields } from './format-reply.js';
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
export { poolTrackIdsOf, recommendedTrackIdsOf, remainingTrackIdsOf } from './track-pool.js';
