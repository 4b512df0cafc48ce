const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Orders tag-like codes the way plant people read them: CM-2 before CM-10. */
export function compareCodes(a: { code: string }, b: { code: string }): number {
  return collator.compare(a.code, b.code);
}
