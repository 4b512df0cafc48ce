/** A same-site path to continue to after sign-in; anything else (absolute URLs, `//host`, `/\host`) becomes `/`. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/auth/')) return '/';
  return next;
}
