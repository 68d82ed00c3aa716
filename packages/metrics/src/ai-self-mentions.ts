import { z } from 'zod';
import { ProportionSchema, proportion } from './statistics.js';
import { tally } from './tally.js';
import { plainApostrophes } from './words.js';

/** Phrases listed: enough to see what matched, and so whether a match is a false alarm. */
export const LISTED_PHRASES = 10;

// In languages written with spaces a phrase must start and end at a word's edge: "said" holds
// "ai", "kind" holds "ki", and "as an AI-generated track" is about the track. Japanese, Chinese
// and Korean phrases have no such edge to look for.
const start = '(?<![\\p{L}\\p{N}-])';
const end = '(?![\\p{L}\\p{N}-])';
const latin = (phrase: string) => new RegExp(`${start}(?:${phrase})${end}`, 'giu');
const cjk = (phrase: string) => new RegExp(phrase, 'giu');

/**
 * A speaker saying it is an AI, a language model or an assistant: what neither a listener nor a
 * record-shop clerk says, so a match is a role break (or, for the Recsys, a reminder that it is
 * a program). Matched case-insensitively, typographic apostrophes read as plain ones.
 */
export const AI_SELF_MENTION_PATTERNS: readonly RegExp[] = [
  // English (longer alternatives first: a regular expression takes the first that fits)
  latin(
    'as an? (?:(?:ai |virtual |digital )?assistant|artificial intelligence|(?:large )?language model|ai|llm|chatbot|bot)',
  ),
  latin(
    "i(?:'m| am) (?:just |only |merely )?an? (?:(?:ai |virtual |digital )?assistant|artificial intelligence|(?:large )?language model|ai|llm|chatbot|bot|computer program)",
  ),
  latin("i(?:'m| am) not (?:a )?human"),
  latin('language model'),
  // Portuguese, with the article: "ia" is also Portuguese for "was going" ("como ia dizendo")
  latin('como uma? (?:ia|inteligência artificial|assistente virtual|modelo de linguagem)'),
  latin(
    'sou (?:apenas |só )?uma? (?:ia|inteligência artificial|assistente virtual|modelo de linguagem|robô)',
  ),
  latin('modelo de linguagem'),
  // Spanish, with the article too, so Portuguese "como ia" does not match here either
  latin('como una? (?:ia|inteligencia artificial|asistente virtual|modelo de lenguaje)'),
  latin('soy (?:solo |sólo )?una? (?:ia|inteligencia artificial|asistente virtual|modelo de lenguaje|robot)'),
  latin('modelo de lenguaje'),
  // French
  latin(
    "en tant qu'(?:ia|intelligence artificielle|assistant virtuel|assistante virtuelle|modèle de langage)",
  ),
  latin(
    'je suis (?:juste |seulement )?(?:une? )?(?:ia|intelligence artificielle|assistant virtuel|assistante virtuelle|modèle de langage|robot)',
  ),
  latin('modèle de langage'),
  // German
  latin('als (?:eine? )?(?:ki-assistent|künstliche intelligenz|sprachmodell|ki)'),
  latin(
    'ich bin (?:nur |bloß )?(?:eine? )?(?:ki-assistent|künstliche intelligenz|sprachmodell|ki|virtueller assistent|digitaler assistent)',
  ),
  latin('sprachmodell'),
  // Italian
  latin("come (?:un'|una |un )?(?:ia|intelligenza artificiale|assistente virtuale|modello linguistico)"),
  latin(
    "sono (?:solo |soltanto )?(?:un'|una |un )?(?:ia|intelligenza artificiale|assistente virtuale|modello linguistico)",
  ),
  latin('modello (?:linguistico|di linguaggio)'),
  // Japanese
  cjk('(?:ai|人工知能)として|私は(?:ai|人工知能)|aiアシスタント|言語モデル'),
  // Chinese (simplified and traditional)
  cjk('(?:作为|作為|我是)(?:一个|一個)?(?:ai|人工智能|语言模型|語言模型)|语言模型|語言模型'),
  // Korean
  cjk('(?:ai|인공지능)(?:로서|으로서)|언어 ?모델'),
];

/**
 * The self-mentions in a text, lowercased, each phrase once, and none that is part of another
 * found ("language model" in "as a language model"): what a reader would search for to check.
 */
export function findAiSelfMentions(text: string): string[] {
  const plain = plainApostrophes(text);
  const phrases = new Set(
    AI_SELF_MENTION_PATTERNS.flatMap((pattern) =>
      [...plain.matchAll(pattern)].map((match) => match[0].toLowerCase()),
    ),
  );
  return [...phrases].filter(
    (phrase) => ![...phrases].some((other) => other !== phrase && other.includes(phrase)),
  );
}

export const AiSelfMentionsSchema = z.object({
  /** Messages with at least one self-mention, out of all. */
  messages: ProportionSchema,
  /** The phrases matched, by the messages holding each, most first; at most `LISTED_PHRASES`. */
  phrases: z.array(z.object({ phrase: z.string(), messages: z.number().int().min(1) })),
});
export type AiSelfMentions = z.infer<typeof AiSelfMentionsSchema>;

export function aiSelfMentions(messages: readonly string[]): AiSelfMentions {
  const found = messages.map(findAiSelfMentions);
  return {
    messages: proportion(found.filter((phrases) => phrases.length > 0).length, messages.length),
    phrases: tally(found.flat())
      .slice(0, LISTED_PHRASES)
      .map(([phrase, count]) => ({ phrase, messages: count })),
  };
}
