/** The one HTTP client: JSON in and out, the session cookie, and errors as ApiError with the server's message. */

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly messages: string[],
    readonly body: Record<string, unknown>,
  ) {
    super(messages.join(' '));
  }

  /** The refusal, for programs (`slow_mode`, `debate_locked`, …); absent on input validation. */
  get code(): string | null {
    return typeof this.body.code === 'string' ? this.body.code : null;
  }

  /** Seconds to wait, on a 429. */
  get retryAfter(): number | null {
    return typeof this.body.retryAfter === 'number' ? this.body.retryAfter : null;
  }
}

/** The server could not be reached (offline, or it is restarting): nothing was refused. */
export class NetworkError extends Error {}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; keepalive?: boolean } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      credentials: 'include',
      headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      ...(init.keepalive ? { keepalive: true } : {}),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body.message ?? response.statusText;
    throw new ApiError(response.status, Array.isArray(message) ? message : [String(message)], body);
  }
  return body as T;
}
