import type { ConversationView } from '../report-data.js';

/** What the browser's controls ask for; an empty string lets everything through. */
export interface ConversationFilter {
  /** Words looked for, case-insensitively, in the messages, thoughts, goal, tracks and ids. */
  text: string;
  category: string;
  specificity: string;
  user: string;
  /** A response code of any agent on any turn. */
  responseCode: string;
}

/** The values each control offers, as value and label, from the conversations themselves. */
export interface FilterChoices {
  categories: [string, string][];
  specificities: [string, string][];
  users: [string, string][];
  responseCodes: [string, string][];
}

/** Everything the text search looks in, lower-cased once per conversation. */
export function searchableText(conversation: ConversationView): string {
  const parts = [conversation.session_id, conversation.user_id, conversation.goal.listener_goal];
  for (const { listener, recsys } of conversation.turns) {
    parts.push(listener.message, listener.thought, recsys.message, recsys.thought);
    if (recsys.track !== null) {
      parts.push(recsys.track.track_id, recsys.track.title, recsys.track.artist, recsys.track.album ?? '');
    }
  }
  return parts.join('\n').toLowerCase();
}

function responseCodesOf(conversation: ConversationView): Set<string> {
  return new Set(
    conversation.turns.flatMap(({ listener, recsys }) => [listener.response_code, recsys.response_code]),
  );
}

/** Whether a conversation passes the filter; `searchable` is its `searchableText`. */
export function matchesFilter(
  conversation: ConversationView,
  searchable: string,
  filter: ConversationFilter,
): boolean {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (
    words.every((word) => searchable.includes(word)) &&
    (filter.category === '' || conversation.goal.category_code === filter.category) &&
    (filter.specificity === '' || conversation.goal.specificity_code === filter.specificity) &&
    (filter.user === '' || conversation.user_id === filter.user) &&
    (filter.responseCode === '' || responseCodesOf(conversation).has(filter.responseCode))
  );
}

function sortedChoices(labels: ReadonlyMap<string, string>): [string, string][] {
  return [...labels].sort(([left], [right]) => left.localeCompare(right));
}

/** Values that are their own labels. */
function labelledAsThemselves(values: Iterable<string>): Map<string, string> {
  return new Map([...values].map((value) => [value, value]));
}

/** The choices that occur in these conversations, sorted; a category is labelled with its name when one names it. */
export function filterChoices(conversations: readonly ConversationView[]): FilterChoices {
  const categories = new Map<string, string>();
  for (const { goal } of conversations) {
    // Folders of earlier versions lack the name: one that has it labels the category.
    if (goal.category !== null) categories.set(goal.category_code, `${goal.category_code}: ${goal.category}`);
    else if (!categories.has(goal.category_code)) categories.set(goal.category_code, goal.category_code);
  }
  return {
    categories: sortedChoices(categories),
    specificities: sortedChoices(
      labelledAsThemselves(conversations.map(({ goal }) => goal.specificity_code)),
    ),
    users: sortedChoices(labelledAsThemselves(conversations.map(({ user_id }) => user_id))),
    responseCodes: sortedChoices(
      labelledAsThemselves(conversations.flatMap((each) => [...responseCodesOf(each)])),
    ),
  };
}
