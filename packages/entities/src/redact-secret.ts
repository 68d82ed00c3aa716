/** Removes every occurrence of the secret (also URL-encoded) so it can never reach logs or messages. */
export function redactSecret(text: string, secret: string): string {
  if (secret === '') return text;
  const encoded = encodeURIComponent(secret);
  const redacted = text.split(secret).join('[redacted API key]');
  return encoded === secret ? redacted : redacted.split(encoded).join('[redacted API key]');
}
