/**
 * google.rpc.Code, the codes of a `google.rpc.Status`: a batch reports each request's error as
 * one (`{code, message}`), where a call sent alone gets an HTTP status. Each code with the
 * HTTP status Google's APIs answer for it and its canonical name (google/rpc/code.proto).
 */
const RPC_CODES: ReadonlyArray<{ code: number; status: number; name: string }> = [
  { code: 1, status: 499, name: 'CANCELLED' },
  { code: 2, status: 500, name: 'UNKNOWN' },
  { code: 3, status: 400, name: 'INVALID_ARGUMENT' },
  { code: 4, status: 504, name: 'DEADLINE_EXCEEDED' },
  { code: 5, status: 404, name: 'NOT_FOUND' },
  { code: 6, status: 409, name: 'ALREADY_EXISTS' },
  { code: 7, status: 403, name: 'PERMISSION_DENIED' },
  { code: 8, status: 429, name: 'RESOURCE_EXHAUSTED' },
  { code: 9, status: 400, name: 'FAILED_PRECONDITION' },
  { code: 10, status: 409, name: 'ABORTED' },
  { code: 11, status: 400, name: 'OUT_OF_RANGE' },
  { code: 12, status: 501, name: 'UNIMPLEMENTED' },
  { code: 13, status: 500, name: 'INTERNAL' },
  { code: 14, status: 503, name: 'UNAVAILABLE' },
  { code: 15, status: 500, name: 'DATA_LOSS' },
  { code: 16, status: 401, name: 'UNAUTHENTICATED' },
];

/** The HTTP status and name of an rpc code; a code of 100 or more is taken as an HTTP status already. */
export function httpStatusOfRpcCode(code: number): { status: number; name: string | undefined } {
  if (code >= 100) return { status: code, name: undefined };
  const known = RPC_CODES.find((entry) => entry.code === code);
  return known === undefined ? { status: 500, name: 'UNKNOWN' } : { status: known.status, name: known.name };
}

/** The rpc code of an error, by its canonical name when it has one, else by its HTTP status. */
export function rpcCodeOf(status: number, name?: string): number {
  const known =
    RPC_CODES.find((entry) => entry.name === name) ?? RPC_CODES.find((entry) => entry.status === status);
  return known?.code ?? 2;
}
