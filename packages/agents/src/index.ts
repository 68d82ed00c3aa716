export type { AgentContext } from './agent-context.js';
export { AgentReplyError } from './agent-reply-error.js';
export { type AskAnswer, askModel } from './ask-model.js';
export { DEFAULT_LANGUAGE } from './default-language.js';
export { type ChooseGoalOptions, chooseGoal } from './goal-agent.js';
export { goalCandidates, goalTemplateCode } from './goal-candidates.js';
export { ListenerAgent, type ListenerAgentOptions } from './listener-agent.js';
export { inferProfile } from './profile-agent.js';
export { RecsysAgent, type RecsysAgentOptions } from './recsys-agent.js';
export { type ParsedReply, parseReply, type ResponseFormat } from './reply/parse-reply.js';
export { ACKNOWLEDGEMENT, type ReplyRejection, type ReplySpec } from './reply/reply-spec.js';
export {
  createSimulatedModel,
  type SimulatedModelOptions,
} from './simulated/simulated-model.js';
export { describeTrack, type TrackView, trackParts } from './track-parts.js';
export { conversationTurnCount } from './turn-count.js';
