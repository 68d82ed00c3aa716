export { askJudge, type JudgeContext, type JudgementRequest } from './ask-judge.js';
export type { EvalEvent, EvalReport, RunEvaluationOptions } from './eval-types.js';
export { type ConversationScores, judgeConversation, judgementRequests } from './judge-conversation.js';
export { JUDGE_REPLY_JSON_SCHEMA, type JudgeReply, JudgeReplySchema } from './judge-reply.js';
export { JudgeReplyError } from './judge-reply-error.js';
export {
  JUDGE_TEMPLATE_NAMES,
  JUDGE_TEMPLATES_DIRECTORY,
  type JudgeTemplateName,
  type JudgeTemplates,
  loadJudgeTemplates,
} from './judge-templates.js';
export { type JudgedConversation, readJudgedConversation } from './judged-conversation.js';
export {
  type EvalProjection,
  type ProjectEvaluationOptions,
  projectEvaluation,
} from './project-evaluation.js';
export { RUBRICS } from './rubrics/all-rubrics.js';
export type { ConversationRubric, Rubric, TurnRubric } from './rubrics/rubric.js';
export { runEvaluation } from './run-evaluation.js';
export { createSimulatedJudge, SIMULATED_RATIONALE } from './simulated-judge.js';
