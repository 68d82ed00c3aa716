import {
  type CallerName,
  type ConversationGoal,
  createSeededRandom,
  type GoalTemplate,
  type MediaTokenRates,
  type ModelPort,
  type ModelRequest,
  type ModelResult,
  type Session,
  SIMULATED_PROVIDER,
  Tp2dgError,
  type Track,
} from '@tp2dg/entities';
import { dump as toYaml } from 'js-yaml';
import { RESEND_LABEL } from '../ask-model.js';
import { goalCandidates } from '../goal-candidates.js';
import { conversationTurnCount } from '../turn-count.js';
import {
  simulatedGoal,
  simulatedProfile,
  simulatedReaction,
  simulatedRecommendation,
  topTags,
} from './simulated-replies.js';
import { estimateSimulatedUsage } from './simulated-usage.js';

export interface SimulatedModelOptions {
  session: Session;
  seed: number;
  catalog: readonly GoalTemplate[];
  /** Turns the run asks for; the pool may allow fewer. */
  turns: number;
  /** What an image and a second of audio count in the usage it reports (`DEFAULT_SIMULATED_RATES` unless given). */
  mediaRates?: MediaTokenRates;
}

/**
 * An offline stand-in for the LLM, for dry runs and tests: deterministic for a seed,
 * answering each agent in the requested format from the session's own data. It reads
 * the call label (agent, template) instead of the prompt text, and remembers what it
 * answered earlier in the session (the goal, the last recommendation).
 */
export function createSimulatedModel(options: SimulatedModelOptions): ModelPort {
  const { session, seed } = options;
  const interests = topTags(session.profiling_tracks, 3);
  const lastTemplate = new Map<CallerName, string>();
  const recommended: Track[] = [];
  let goal: ConversationGoal | undefined;

  function reply(request: ModelRequest): unknown {
    const { agent, turn, attempt } = request.label;
    const followUp = request.label.template === 'reask' || request.label.template === RESEND_LABEL;
    const template = followUp ? lastTemplate.get(agent) : request.label.template;
    lastTemplate.set(agent, template ?? '');
    const random = createSeededRandom(seed, session.session_id, agent, turn ?? -1, attempt);
    switch (template) {
      case 'profile':
        return simulatedProfile(session);
      case 'goal':
        goal = simulatedGoal(
          goalCandidates(options.catalog, seed, session.session_id),
          conversationTurnCount(options.turns, session),
          random,
        );
        return goal;
      case 'listener-first-turn':
        return {
          thought: 'I will open with the request I had in mind.',
          message: random.pick(requireGoal().initial_query_examples),
        };
      case 'listener-turn-2':
      case 'listener-turn-n':
        return simulatedReaction({
          turn: turn ?? 0,
          goal: requireGoal(),
          track: lastRecommendation(),
          interests,
          random,
        });
      case 'recsys-turn': {
        const remaining = session.pool_tracks.filter((track) => !recommended.includes(track));
        const answer = simulatedRecommendation(lastUserText(request), remaining);
        recommended.push(session.pool_tracks.find((track) => track.track_id === answer.track_id) as Track);
        return answer;
      }
      default:
        return 'Ready.';
    }
  }

  function requireGoal(): ConversationGoal {
    if (goal === undefined)
      throw new Tp2dgError('MODEL_API', 'simulated model: the listener spoke before a goal was chosen');
    return goal;
  }

  function lastRecommendation(): Track {
    const track = recommended.at(-1);
    if (track === undefined)
      throw new Tp2dgError('MODEL_API', 'simulated model: the listener reacted before any recommendation');
    return track;
  }

  return {
    provider: SIMULATED_PROVIDER,
    model: SIMULATED_PROVIDER,
    async generate(request): Promise<ModelResult> {
      if (request.signal?.aborted) throw new Tp2dgError('ABORTED', 'simulated model: the call was aborted');
      const answer = reply(request);
      const text =
        typeof answer === 'string'
          ? answer
          : request.responseJsonSchema
            ? JSON.stringify(answer)
            : toYaml(answer);
      return { text, usage: estimateSimulatedUsage(request, text, options.mediaRates), finishReason: 'stop' };
    },
  };
}

function lastUserText(request: ModelRequest): string {
  const message = request.messages.findLast((candidate) => candidate.role === 'user');
  return (message?.parts ?? []).map((part) => (part.kind === 'text' ? part.text : '')).join(' ');
}
