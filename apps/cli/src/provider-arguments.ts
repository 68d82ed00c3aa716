import type { Argv } from 'yargs';

/** `--provider`, `--provider-option`, `--provider-config` and `--base-url`: the same in both commands. */
export function withProviderArguments<T>(argv: Argv<T>, what: string) {
  return argv
    .option('provider', {
      type: 'string',
      describe: `${what}: simulated, gemini (the default when GEMINI_API_KEY or GOOGLE_API_KEY is set), openai-compatible (a chat-completions server: vLLM, SGLang, Ollama, hosted APIs; key from OPENAI_API_KEY), or a provider plugin's package (tp2dg-provider-NAME is found as NAME) or module path`,
    })
    .option('provider-option', {
      type: 'string',
      array: true,
      describe:
        "An option of the provider as key=value (repeatable; JSON values such as 60 or true are parsed, a.b=1 sets a nested one; see the provider's README)",
    })
    .option('provider-config', {
      type: 'string',
      describe: 'A JSON file of provider options; --provider-option values override it',
    })
    .option('base-url', {
      type: 'string',
      describe:
        'With --provider openai-compatible: the server, e.g. http://127.0.0.1:8000/v1 (default: OPENAI_BASE_URL)',
    });
}
