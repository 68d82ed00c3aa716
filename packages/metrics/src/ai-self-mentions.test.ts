import { describe, expect, it } from 'vitest';
import { aiSelfMentions, findAiSelfMentions } from './ai-self-mentions.js';

describe('findAiSelfMentions', () => {
  it.each([
    ['As an AI, I cannot hear the track, but its tags say mellow.', 'as an ai'],
    ['I’m just an AI assistant, so take this with a grain of salt.', "i'm just an ai assistant"],
    ['I am a language model and have no ears.', 'i am a language model'],
    ["I'm an assistant, not a DJ.", "i'm an assistant"],
    ["Honestly I'm not human, but this one slaps.", "i'm not human"],
    ['Como uma IA, não escuto música.', 'como uma ia'],
    ['Soy una inteligencia artificial, pero te recomiendo esta.', 'soy una inteligencia artificial'],
    ["En tant qu'IA, je n'ai pas de goûts.", "en tant qu'ia"],
    ['Ich bin nur eine KI, aber das passt.', 'ich bin nur eine ki'],
    ["Sono un'intelligenza artificiale.", "sono un'intelligenza artificiale"],
    ['AIとして音楽は聴けません。', 'aiとして'],
    ['作为一个人工智能，我推荐这首。', '作为一个人工智能'],
    ['AI로서 추천드려요.', 'ai로서'],
  ])('should find the self-mention in %j', (text, phrase) => {
    expect(findAiSelfMentions(text)).toEqual([phrase]);
  });

  it.each([
    'I said it would fit your rainy evening.',
    'This sounds like an AI-generated cover, I love it.',
    'Kind of mellow, a bit like jazz in a small club.',
    'Como ia dizendo, quero algo mais calmo.',
    'Try this assistant-free playlist vibe: "Blue in Green".',
  ])('should find none in %j', (text) => {
    expect(findAiSelfMentions(text)).toEqual([]);
  });

  it('should give a phrase once, and not again as part of a longer one', () => {
    expect(
      findAiSelfMentions('As a language model I say: as a language model, language is all I know.'),
    ).toEqual(['as a language model']);
  });
});

describe('aiSelfMentions', () => {
  it('should count the messages with a self-mention and the messages of each phrase', () => {
    const mentions = aiSelfMentions([
      'As an AI, I pick this.',
      'as an ai I pick that. I am an AI after all.',
      'Great pick!',
      'I am a language model.',
    ]);
    expect(mentions).toEqual({
      messages: { count: 3, out_of: 4, share: 0.75 },
      phrases: [
        { phrase: 'as an ai', messages: 2 },
        { phrase: 'i am a language model', messages: 1 },
        { phrase: 'i am an ai', messages: 1 },
      ],
    });
  });
});
