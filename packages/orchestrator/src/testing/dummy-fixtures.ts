import { dummyCorpusDir } from '@tp2dg/data-dummy';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import type { Session } from '@tp2dg/entities';
import { loadGoalCatalog, loadPromptSet } from '@tp2dg/prompts';

/** The bundled corpus, as the first command of the README uses it. */
export const DUMMY_DATA_DIR = dummyCorpusDir;

export async function loadDummySessions(): Promise<Session[]> {
  const loader = await referenceDataLoader.create({ dataDir: DUMMY_DATA_DIR, profileSize: 5 });
  const sessions: Session[] = [];
  for await (const session of loader.sessions()) sessions.push(session);
  return sessions;
}

export async function loadPromptsAndCatalog() {
  const [prompts, catalog] = await Promise.all([loadPromptSet(), loadGoalCatalog()]);
  return { prompts, catalog };
}
