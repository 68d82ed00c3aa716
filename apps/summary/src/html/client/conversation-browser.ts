import type { ConversationView, MediaMap } from '../report-data.js';
import {
  type ConversationFilter,
  filterChoices,
  matchesFilter,
  searchableText,
} from './conversation-filter.js';
import { element } from './dom.js';
import { renderConversation, SIMULATED_LABEL } from './render-conversation.js';

function select(id: string, label: string, choices: readonly [string, string][]): HTMLSelectElement {
  return element(
    'select',
    { id, 'aria-label': label },
    element('option', { value: '' }, `${label}: any`),
    ...choices.map(([value, text]) => element('option', { value }, text)),
  );
}

function listItem(conversation: ConversationView): HTMLLIElement {
  const { goal } = conversation;
  return element(
    'li',
    {},
    element(
      'button',
      { type: 'button', 'data-folder': conversation.folder },
      element('strong', {}, conversation.session_id),
      element(
        'span',
        { class: 'muted' },
        ` ${conversation.user_id} · ${goal.category_code}/${goal.specificity_code} · ${conversation.turns.length} turns`,
      ),
      conversation.simulated ? element('span', { class: 'badge simulated' }, SIMULATED_LABEL) : null,
    ),
  );
}

/**
 * The conversation browser: text search and filters by goal category, specificity, user and
 * response code over a list, and the chosen conversation in full beside it. The list is rebuilt
 * on each change: simpler than patching it, and one conversation's detail is drawn at a time.
 */
export function renderConversationBrowser(
  conversations: readonly ConversationView[],
  media: MediaMap,
): HTMLElement {
  const choices = filterChoices(conversations);
  const search = element('input', {
    id: 'conversation-search',
    type: 'search',
    placeholder: 'Search messages, thoughts, goals, tracks, ids',
    'aria-label': 'Search conversations',
  });
  const selects = {
    category: select('filter-category', 'goal category', choices.categories),
    specificity: select('filter-specificity', 'specificity', choices.specificities),
    user: select('filter-user', 'user', choices.users),
    responseCode: select('filter-response-code', 'response code', choices.responseCodes),
  };
  const count = element('p', { id: 'conversation-count', class: 'muted' });
  const list = element('ul', { id: 'conversation-list' });
  const detail = element('div', { id: 'conversation-detail' });
  const searchable = new Map(
    conversations.map((conversation) => [conversation, searchableText(conversation)]),
  );

  const open = (conversation: ConversationView) => {
    detail.replaceChildren(renderConversation(conversation, media));
    for (const button of list.querySelectorAll('button')) {
      button.classList.toggle('selected', button.dataset.folder === conversation.folder);
    }
  };
  const update = () => {
    const filter: ConversationFilter = {
      text: search.value,
      category: selects.category.value,
      specificity: selects.specificity.value,
      user: selects.user.value,
      responseCode: selects.responseCode.value,
    };
    const shown = conversations.filter((conversation) =>
      matchesFilter(conversation, searchable.get(conversation) ?? '', filter),
    );
    count.textContent = `${shown.length} of ${conversations.length} conversations`;
    list.replaceChildren(
      ...shown.map((conversation) => {
        const item = listItem(conversation);
        item.querySelector('button')?.addEventListener('click', () => open(conversation));
        return item;
      }),
    );
  };
  search.addEventListener('input', update);
  for (const control of Object.values(selects)) control.addEventListener('change', update);
  update();
  const [first] = conversations;
  if (first === undefined) detail.append(element('p', { class: 'muted' }, 'No conversation in this run.'));
  else open(first);

  return element(
    'section',
    { id: 'conversations' },
    element('h2', {}, 'Conversations'),
    element('div', { class: 'controls' }, search, ...Object.values(selects), count),
    element('div', { class: 'browser' }, element('nav', {}, list), detail),
  );
}
