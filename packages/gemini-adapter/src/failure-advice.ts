import type { Failure } from './describe-failure.js';

/** What the user should do about a call that failed for good, by what was refused or the HTTP status. */
export function advice({ status, refused }: Pick<Failure, 'status' | 'refused'>): string {
  if (refused === 'key') {
    return 'The service refused the API key: check GEMINI_API_KEY (GOOGLE_API_KEY wins when both are set).';
  }
  if (refused === 'model') {
    return 'The service does not serve this model (a retired one answers so): choose a current model.';
  }
  if (status === 429) {
    return 'The quota is exhausted: lower the concurrency, or wait for the quota to refill (a daily quota refills the next day).';
  }
  if (status === 400) return 'The request was rejected: check the prompt, the JSON schema and the files.';
  if (status === 401 || status === 403)
    return 'Check the API key and that it may use this model and its files.';
  if (status === 404) return 'Check the model name.';
  if (status !== null && status >= 500) return 'The service is failing or overloaded: retry later.';
  return 'Check the network and the service status, then retry.';
}
