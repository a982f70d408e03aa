// Request ids tie a user-facing error message to the server's logs. A caller may bring its own (a load
// balancer's, say), but it is echoed in a response header and in error messages, so only a short token of
// plain characters is kept; anything else is replaced with a fresh id.

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function acceptRequestId(value: string | null | undefined, generate: () => string): string {
  return value && REQUEST_ID.test(value) ? value : generate();
}
