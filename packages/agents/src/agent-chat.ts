import type { AgentName, ModelMessage, ModelPart } from '@tp2dg/entities';
import type { PromptName } from '@tp2dg/prompts';
import type { AgentContext } from './agent-context.js';
import { askModel } from './ask-model.js';
import type { ReplySpec } from './reply/reply-spec.js';

/**
 * A multi-turn chat whose history we keep ourselves: SDK chats drop blocked turns and
 * lose the system instruction when a message carries its own config (@google/genai 2.32).
 */
export class AgentChat {
  readonly #context: AgentContext;
  readonly #agent: AgentName;
  readonly #systemInstruction: string;
  #history: ModelMessage[] = [];

  constructor(context: AgentContext, agent: AgentName, systemInstruction: string) {
    this.#context = context;
    this.#agent = agent;
    this.#systemInstruction = systemInstruction;
  }

  /** Sends one message and returns the usable reply; throws `AgentReplyError` when none came. */
  async send<T>(turn: number, template: PromptName, parts: ModelPart[], reply: ReplySpec<T>): Promise<T> {
    const answer = await askModel(this.#context, {
      agent: this.#agent,
      turn,
      template,
      systemInstruction: this.#systemInstruction,
      history: this.#history,
      parts,
      reply,
    });
    this.#history = answer.history;
    return answer.value;
  }
}
