/** Reading form inputs for the API: empty means "not given" (null / undefined), anything else goes as typed. */

/** '' -> null; otherwise the number typed (NaN for text, which the server refuses with a field message). */
export function numberOrNull(raw: FormDataEntryValue | string | null | undefined): number | null {
  const s = String(raw ?? '').trim();
  return s === '' ? null : Number(s);
}

/** '' -> undefined (field left out, the server's default applies); otherwise the number typed. */
export function numberOrUndefined(raw: FormDataEntryValue | string | null | undefined): number | undefined {
  const n = numberOrNull(raw);
  return n === null ? undefined : n;
}

export function text(raw: FormDataEntryValue | null | undefined): string {
  return String(raw ?? '').trim();
}

/** An input's value for a number that may be absent. */
export function numberValue(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}
