import type { ChatFile, ModelPart, RubricName } from '@tp2dg/entities';
import type { JudgeTemplateName, JudgeTemplates } from '../judge-templates.js';
import type { JudgedConversation } from '../judged-conversation.js';

/** A rubric scored once per conversation. */
export interface ConversationRubric {
  readonly name: RubricName;
  readonly scope: 'conversation';
  readonly template: JudgeTemplateName;
  /** What its judge reads: the rendered rubric, then the media it needs, and nothing more. */
  parts(conversation: JudgedConversation, templates: JudgeTemplates): ModelPart[];
}

/** A rubric scored at each turn it applies to. */
export interface TurnRubric {
  readonly name: RubricName;
  readonly scope: 'turn';
  readonly template: JudgeTemplateName;
  /** The turns it judges. */
  turns(conversation: JudgedConversation): ChatTurn[];
  /** What its judge reads of one turn: the rendered rubric, then the media it needs, and nothing more. */
  parts(conversation: JudgedConversation, turn: ChatTurn, templates: JudgeTemplates): ModelPart[];
}

/** One turn of a saved chat. */
export type ChatTurn = ChatFile[number];

export type Rubric = ConversationRubric | TurnRubric;
