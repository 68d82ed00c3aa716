export type { AgentContext } from './agent-context.js';
export { AgentReplyError } from './agent-reply-error.js';
export { type AskAnswer, askModel } from './ask-model.js';
export { DEFAULT_LANGUAGE } from './default-language.js';
export { describeSpecificity } from './describe-specificity.js';
export { describeTrackContents } from './describe-track-contents.js';
export { formatList } from './format-list.js';
export { formatProfile } from './format-profile.js';
export { type ChooseGoalOptions, chooseGoal } from './goal-agent.js';
export { goalCandidates, goalTemplateCode } from './goal-candidates.js';
export { ListenerAgent, type ListenerAgentOptions } from './listener-agent.js';
export { inferProfile } from './profile-agent.js';
export { RecsysAgent, type RecsysAgentOptions } from './recsys-agent.js';
export { type JudgedReply, judgeReply } from './reply/judge-reply.js';
export { type ParsedReply, parseReply, type ResponseFormat } from './reply/parse-reply.js';
export {
  ACKNOWLEDGEMENT,
  type ReplyRejection,
  type ReplySpec,
  toResponseSchema,
} from './reply/reply-spec.js';
export {
  createSimulatedModel,
  type SimulatedModelOptions,
} from './simulated/simulated-model.js';
export { DEFAULT_SIMULATED_RATES, estimateSimulatedUsage } from './simulated/simulated-usage.js';
export {
  describeTrack,
  type TrackView,
  trackListParts,
  trackMediaParts,
  trackParts,
} from './track-parts.js';
export { conversationTurnCount } from './turn-count.js';
